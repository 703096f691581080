import { createHash } from 'node:crypto';
import {
  LABEL_AGENT,
  LABEL_APP,
  LABEL_COMPONENT,
  LABEL_INSTANCE,
  LABEL_MANAGED_BY,
  LABEL_MODEL,
  LABEL_NAME,
  LABEL_PART_OF,
  LABEL_VERSION,
  LABEL_VERSION_STD,
  MANAGED_BY,
  PART_OF,
} from '../../crds/api/labels.js';

/**
 * Names and labels of the objects derived for one agent. They are part of the contract with Istio
 * (subsets select on `version`), Prometheus (metrics carry `agent`, `model`, `version`) and the operator
 * (it prunes by label and name), so they are computed in one place and never depend on construct paths.
 */

export {
  LABEL_AGENT,
  LABEL_APP,
  LABEL_MODEL,
  LABEL_PART_OF,
  LABEL_VERSION,
  MANAGED_BY,
  PART_OF,
} from '../../crds/api/labels.js';

const DNS_LABEL_MAX = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS label that may also hold dots (the alphabet of AIModel names and versions). */
const DOTTED_LABEL = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Throws unless `value` is a valid Kubernetes label value; `field` names where it came from. */
export function assertLabelValue(field: string, value: string): void {
  if (value.length === 0 || value.length > DNS_LABEL_MAX || !LABEL_VALUE.test(value)) {
    throw new Error(
      `${field} '${value}' must be a valid label value: 1-63 characters, letters, digits, '-', '_' or '.', ` +
        `starting and ending with a letter or digit`,
    );
  }
}

/** Throws unless `value` is a DNS-1123 label (the rule for Service and most object names). */
export function assertDnsLabel(field: string, value: string): void {
  if (value.length > DNS_LABEL_MAX || !DNS_LABEL.test(value)) {
    throw new Error(
      `${field} '${value}' must be a DNS-1123 label: at most 63 lowercase letters, digits or '-', ` +
        `starting and ending with a letter or digit`,
    );
  }
}

/**
 * `raw` as a DNS-1123 label. Names in the API's alphabet (lower-case letters, digits, `-`, `.`) only have their
 * dots turned into dashes, so `laoke-1.2.0` reads `laoke-1-2-0`; two inputs that differ only by `.` versus `-`
 * get the same label, which {@link assertDistinctLabels} refuses among objects that exist together. Anything
 * else (upper case, other characters, more than 63 characters) is folded, cut as needed and suffixed with a
 * hash of `raw`, so it cannot collide. The same input always gets the same label.
 */
export function dnsLabelFor(raw: string): string {
  if (raw.length <= DNS_LABEL_MAX && DOTTED_LABEL.test(raw)) return raw.replace(/\./g, '-');
  const folded = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return withHash(folded, raw);
}

/** Throws when two inputs (e.g. versions `1.0` and `1-0`) map to one label; `what` names them in the error. */
export function assertDistinctLabels(
  what: string,
  inputs: readonly string[],
  toLabel: (input: string) => string,
): void {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const label = toLabel(input);
    const other = seen.get(label);
    if (other !== undefined && other !== input) {
      throw new Error(`${what} '${other}' and '${input}' both become '${label}'; rename one of them`);
    }
    seen.set(label, input);
  }
}

/** Object name for one version of a model: `<model>-<version>` (`xiaoai-v2`), through {@link dnsLabelFor}. */
export function versionedName(model: string, version: string): string {
  return dnsLabelFor(`${model}-${version}`);
}

/** A version as a DNS label (Istio subset names), through {@link dnsLabelFor}. */
export function versionLabelSafeName(version: string): string {
  return dnsLabelFor(version);
}

/**
 * Istio subset name of a version. Subset names must be DNS labels while versions may contain dots, so a
 * version that is not a DNS label is folded and suffixed with a hash (`1.2.0` → `1-2-0-<hash>`). The operator's
 * traffic router must name subsets with this function too.
 */
export function subsetName(version: string): string {
  return versionLabelSafeName(version);
}

/** Name of the VirtualService route that splits traffic between versions (the operator's router edits it). */
export const VERSIONS_ROUTE = 'versions';

/**
 * Name of the VirtualService route, right before {@link VERSIONS_ROUTE}, that sends requests matching the
 * candidate's headers or cookies (a blue-green preview, an experiment's cohort) to the candidate version.
 */
export const CANDIDATE_ROUTE = 'candidate';

function withHash(base: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const head = base.slice(0, DNS_LABEL_MAX - hash.length - 1).replace(/-+$/, '');
  return head === '' ? `x-${hash}` : `${head}-${hash}`;
}

/** Identity of one agent's model; the inputs of every label. */
export interface AgentIdentity {
  /** AIModel name; the `app` and `model` labels. */
  readonly model: string;
  /** `spec.agent.name`; the `agent` label. */
  readonly agent: string;
}

/** Labels on per-model objects (Service, Istio rules) and the selector of the model's pods across versions. */
export function modelLabels(id: AgentIdentity): Record<string, string> {
  return {
    [LABEL_APP]: id.model,
    [LABEL_AGENT]: id.agent,
    [LABEL_MODEL]: id.model,
    [LABEL_NAME]: id.model,
    [LABEL_COMPONENT]: 'inference',
    [LABEL_PART_OF]: PART_OF,
    [LABEL_MANAGED_BY]: MANAGED_BY,
  };
}

/** Labels on per-version objects and their pods. */
export function versionLabels(id: AgentIdentity, version: string): Record<string, string> {
  return {
    ...modelLabels(id),
    [LABEL_VERSION]: version,
    [LABEL_INSTANCE]: versionedName(id.model, version),
    [LABEL_VERSION_STD]: version,
  };
}

/**
 * Pod selector of one version. Deliberately minimal (`app` + `version`): a Deployment's selector is
 * immutable, so it must not contain anything that could ever change for the same version.
 */
export function versionSelector(model: string, version: string): Record<string, string> {
  return { [LABEL_APP]: model, [LABEL_VERSION]: version };
}

/** Pod selector of every version of a model (the Service's selector; Istio splits traffic by subset). */
export function modelSelector(model: string): Record<string, string> {
  return { [LABEL_APP]: model };
}
