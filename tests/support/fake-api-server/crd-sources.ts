/**
 * Where CRDs to install at start come from: our own `crds/*.yaml`, the upstream reference CRDs
 * (Istio, VPA, prometheus-operator, Argo CD, Gateway API), any YAML file or directory, or CRD objects.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { isPlainObject, type KubeObject } from './types.js';
import { REFERENCE_CRDS_DIR as VENDORED_REFERENCE_CRDS_DIR } from '../reference-crds.js';

/** The repository root (this file is tests/support/fake-api-server/crd-sources.ts). */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/**
 * Directory of the upstream reference CRDs.
 * @default process.env.REFERENCE_CRDS_DIR ?? the copies in tests/reference/crds
 */
export const REFERENCE_CRDS_DIR = process.env['REFERENCE_CRDS_DIR'] ?? VENDORED_REFERENCE_CRDS_DIR;

/** Named sets of CRDs. */
const NAMED: Readonly<Record<string, () => string>> = {
  /** Our own API (`crds/*.yaml` at the repository root). */
  project: () => join(REPO_ROOT, 'crds'),
  istio: () => join(REFERENCE_CRDS_DIR, 'istio-crds.yaml'),
  vpa: () => join(REFERENCE_CRDS_DIR, 'vpa-crds.yaml'),
  'prometheus-operator': () => REFERENCE_CRDS_DIR,
  argocd: () => join(REFERENCE_CRDS_DIR, 'argocd-application-crd.yaml'),
  /** The standard channel: GatewayClass, Gateway, HTTPRoute, GRPCRoute, ReferenceGrant. */
  'gateway-api': () => join(REFERENCE_CRDS_DIR, 'gateway-api-standard-crds.yaml'),
  reference: () => REFERENCE_CRDS_DIR,
};

/**
 * `'project'`, `'istio'`, `'vpa'`, `'prometheus-operator'`, `'argocd'`, `'gateway-api'`, `'reference'`
 * (all upstream ones), a path to a YAML file or a directory of them, or a CRD object.
 */
export type CrdSource =
  | 'project'
  | 'istio'
  | 'vpa'
  | 'prometheus-operator'
  | 'argocd'
  | 'gateway-api'
  | 'reference'
  | (string & {})
  | KubeObject;

function yamlFilesIn(path: string): string[] {
  if (!existsSync(path)) throw new Error(`CRD source ${path} does not exist`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

function crdsInFile(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as unknown)
    .filter((o): o is KubeObject => isPlainObject(o) && o['kind'] === 'CustomResourceDefinition');
}

/** Loads every CustomResourceDefinition a source names (non-CRD documents are skipped). */
export function loadCrds(source: CrdSource): KubeObject[] {
  if (typeof source !== 'string') return [source];
  const path = NAMED[source]?.() ?? source;
  const crds = yamlFilesIn(path).flatMap(crdsInFile);
  if (source === 'prometheus-operator') {
    return crds.filter((c) => String((c['spec'] as { group?: string }).group) === 'monitoring.coreos.com');
  }
  if (crds.length === 0)
    throw new Error(`CRD source '${source}' (${path}) holds no CustomResourceDefinition`);
  return crds;
}
