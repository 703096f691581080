/**
 * Reading ModelVersion manifests for `apply`: files, directories (*.yaml, *.yml, *.json) or `-` for
 * stdin, multi-document YAML, each document checked locally against the CRD schema
 * (crds/index.ts `validate`) so mistakes are reported field by field before anything is written.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { API_VERSION, KINDS, validate } from '../crds/index.js';
import { UsageError } from './errors.js';

export interface Manifest {
  /** `file.yaml` or `file.yaml#2` for the second document. */
  readonly source: string;
  readonly object: Record<string, unknown> & { metadata: { name: string; namespace?: string } };
}

function filesOf(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(
      `-f: '${path}' does not exist; pass a YAML or JSON file, a directory, or - for stdin`,
    );
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** Parses and checks every document; throws one UsageError listing every problem found. */
export function readManifests(paths: readonly string[], readStdin: () => string): Manifest[] {
  const manifests: Manifest[] = [];
  const problems: string[] = [];
  for (const file of paths.flatMap((p) => (p === '-' ? ['-'] : filesOf(p)))) {
    const text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
    const label = file === '-' ? 'stdin' : file;
    const docs = parseAllDocuments(text);
    docs.forEach((doc, i) => {
      const source = docs.length > 1 ? `${label}#${i + 1}` : label;
      if (doc.errors.length > 0) {
        problems.push(`${source}: not valid YAML: ${doc.errors[0]?.message}`);
        return;
      }
      const object = doc.toJS() as unknown;
      if (object === null || object === undefined) return; // an empty document, e.g. after a trailing ---
      problems.push(...check(source, object));
      if (problems.length === 0) manifests.push({ source, object: object as Manifest['object'] });
    });
  }
  if (problems.length > 0) {
    throw new UsageError(`${problems.join('\n')}\nnothing was applied`);
  }
  if (manifests.length === 0) throw new UsageError(`-f: no ModelVersion found in ${paths.join(', ')}`);
  return manifests;
}

function check(source: string, object: unknown): string[] {
  if (typeof object !== 'object' || Array.isArray(object)) {
    return [
      `${source}: expected a ModelVersion object, found ${Array.isArray(object) ? 'a list' : typeof object}`,
    ];
  }
  const o = object as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  if (o.kind !== KINDS.ModelVersion.kind) {
    return [
      `${source}: kind is '${String(o.kind ?? '')}', but 'kubectl model apply' applies ModelVersions only; use 'kubectl apply' for other kinds`,
    ];
  }
  if (o.apiVersion !== API_VERSION) {
    return [`${source}: apiVersion is '${String(o.apiVersion ?? '')}'; set apiVersion: ${API_VERSION}`];
  }
  const name = o.metadata?.name;
  if (typeof name !== 'string' || name === '') {
    return [`${source}: metadata.name: Required value: every ModelVersion needs a name`];
  }
  return validate('ModelVersion', object).map(
    (e) => `${source}: ModelVersion "${name}" is invalid: ${e.text}`,
  );
}
