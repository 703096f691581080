/**
 * Builds the CustomResourceDefinition of each kind from the TypeBox root schemas. Pure: the same
 * input always gives byte-identical YAML, so the stale-file test can compare bytes.
 */
import { stringify } from 'yaml';
import { CATEGORY, GROUP, KINDS, VERSION, type KindName } from '../api/constants.js';
import { ROOT_SCHEMAS } from '../api/kinds.js';
import { LABEL_PART_OF, PART_OF } from '../api/labels.js';

/** A printer column as `kubectl get` shows it. */
export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  readonly description: string;
  /** 0 shows in `kubectl get`; higher only with `-o wide`. @default 0 */
  readonly priority?: number;
}

const AGE: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
  description: 'Time since the object was created.',
};

export const PRINTER_COLUMNS: Readonly<Record<KindName, readonly PrinterColumn[]>> = {
  AIModel: [
    {
      name: 'Stable',
      type: 'string',
      jsonPath: '.status.stableVersion',
      description: 'Version serving stable traffic.',
    },
    {
      name: 'Canary',
      type: 'string',
      jsonPath: '.status.canaryVersion',
      description: 'Version being canaried.',
    },
    {
      name: 'Weight',
      type: 'integer',
      jsonPath: '.status.canaryWeight',
      description: 'Percent of traffic to the canary.',
    },
    {
      name: 'Ready',
      type: 'string',
      jsonPath: '.status.conditions[?(@.type=="Ready")].status',
      description: 'Whether the stable version serves.',
    },
    AGE,
  ],
  ModelVersion: [
    { name: 'Model', type: 'string', jsonPath: '.spec.modelRef.name', description: 'The AIModel.' },
    { name: 'Version', type: 'string', jsonPath: '.spec.version', description: 'The version.' },
    { name: 'Phase', type: 'string', jsonPath: '.status.phase', description: 'Rollout phase.' },
    {
      name: 'Strategy',
      type: 'string',
      jsonPath: '.status.strategy',
      description: 'Rollout strategy (Canary, BlueGreen or Experiment).',
    },
    {
      name: 'Stage',
      type: 'string',
      jsonPath: '.status.stage',
      description: 'What the analysed traffic is (Shadow, Preview, Experiment or Canary).',
      priority: 1,
    },
    { name: 'Weight', type: 'integer', jsonPath: '.status.canaryWeight', description: 'Percent of traffic.' },
    {
      name: 'Requests',
      type: 'number',
      jsonPath: '.status.requestShare',
      description: "Percent of the model's live requests served, as the last analysis measured it.",
      priority: 1,
    },
    {
      name: 'Step',
      type: 'integer',
      jsonPath: '.status.currentStep',
      description: 'Current traffic step (0-based).',
    },
    {
      name: 'Paused',
      type: 'string',
      jsonPath: '.status.pauseReason',
      description: 'Why the rollout is paused (Requested, ManualGate or Inconclusive).',
      priority: 1,
    },
    AGE,
  ],
  ModelRegistry: [
    { name: 'Type', type: 'string', jsonPath: '.spec.type', description: 'Registry protocol.' },
    { name: 'URL', type: 'string', jsonPath: '.spec.url', description: 'Registry URL.' },
    {
      name: 'Connected',
      type: 'string',
      jsonPath: '.status.conditions[?(@.type=="Connected")].status',
      description: 'Whether the last probe succeeded.',
    },
    AGE,
  ],
};

/**
 * Deep copy that drops TypeBox's symbol keys and orders object keys alphabetically (as
 * controller-gen does), so output does not depend on how the schema was written.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonical(child);
    }
    return out;
  }
  return value;
}

const schemaCache = new Map<KindName, Record<string, unknown>>();

/**
 * The openAPIV3Schema of a kind, as plain JSON. Memoised: validators compile it once and cache by
 * identity. Callers must not mutate it.
 */
export function openApiSchema(kind: KindName): Record<string, unknown> {
  let schema = schemaCache.get(kind);
  if (!schema) {
    schema = canonical(ROOT_SCHEMAS[kind]) as Record<string, unknown>;
    schemaCache.set(kind, schema);
  }
  return schema;
}

/** The CustomResourceDefinition of a kind. */
export function buildCrd(kind: KindName): Record<string, unknown> {
  const names = KINDS[kind];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${names.plural}.${GROUP}`,
      labels: { [LABEL_PART_OF]: PART_OF },
    },
    spec: {
      group: GROUP,
      names: {
        kind: names.kind,
        listKind: `${names.kind}List`,
        plural: names.plural,
        singular: names.singular,
        shortNames: [...names.shortNames],
        categories: [CATEGORY],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: PRINTER_COLUMNS[kind].map((c) => ({ ...c })),
          // A fresh copy: the memoised schema is shared by validators.
          schema: { openAPIV3Schema: canonical(ROOT_SCHEMAS[kind]) },
        },
      ],
    },
  };
}

/** File name of a kind's CRD inside crds/. */
export const crdFileName = (kind: KindName): string => `${KINDS[kind].plural}.${GROUP}.yaml`;

const HEADER = '# Generated by `npm run gen` from crds/api/. Do not edit.\n';

/** The YAML text of a kind's CRD, exactly as committed. */
export function renderCrd(kind: KindName): string {
  // YAML 1.1 rules for quoting: kubectl reads YAML as 1.1, where a bare Off or yes is a boolean.
  return HEADER + stringify(buildCrd(kind), { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}

export const ALL_KINDS: readonly KindName[] = ['AIModel', 'ModelVersion', 'ModelRegistry'];
