/** Loads examples/ for the tests: valid objects, and invalid ones with the error they must get. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const EXPECTED_ERROR_ANNOTATION = 'ai.suoke.life/expected-error';

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
};

export interface ValidExample {
  readonly file: string;
  readonly object: KubeObject;
}

export interface InvalidExample {
  readonly file: string;
  /** The stored object, for updates (a file with two documents). */
  readonly oldObject?: KubeObject;
  readonly object: KubeObject;
  readonly expectedError: string;
}

function documents(path: string): KubeObject[] {
  // YAML 1.1, as kubectl reads it: an unquoted Off or yes would arrive as a boolean.
  return parseAllDocuments(readFileSync(path, 'utf8'), { version: '1.1' }).map((d) => {
    if (d.errors.length > 0) throw new Error(`${path}: ${d.errors[0]?.message}`, { cause: d.errors[0] });
    return d.toJS() as KubeObject;
  });
}

export function validExamples(): ValidExample[] {
  const out: ValidExample[] = [];
  for (const dir of ['aimodels', 'modelversions', 'modelregistries']) {
    for (const name of readdirSync(join(EXAMPLES_DIR, dir)).sort()) {
      for (const object of documents(join(EXAMPLES_DIR, dir, name)))
        out.push({ file: `${dir}/${name}`, object });
    }
  }
  return out;
}

export function invalidExamples(): InvalidExample[] {
  return readdirSync(join(EXAMPLES_DIR, 'invalid'))
    .sort()
    .map((name) => {
      const file = `invalid/${name}`;
      const docs = documents(join(EXAMPLES_DIR, 'invalid', name));
      if (docs.length < 1 || docs.length > 2)
        throw new Error(`${file}: expected one object, or an old/new pair`);
      const object = docs[docs.length - 1] as KubeObject;
      const expectedError = object.metadata.annotations?.[EXPECTED_ERROR_ANNOTATION];
      if (!expectedError)
        throw new Error(`${file}: metadata.annotations["${EXPECTED_ERROR_ANNOTATION}"] is missing`);
      return docs.length === 2
        ? { file, oldObject: docs[0], object, expectedError }
        : { file, object, expectedError };
    });
}

/** A ConfigMap of examples/evaluation: a golden set an example evaluation names. */
export interface DatasetExample {
  readonly file: string;
  readonly object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; labels?: Record<string, string> };
    data?: Record<string, string>;
  };
}

export function evaluationDatasets(): DatasetExample[] {
  const dir = join(EXAMPLES_DIR, 'evaluation');
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      documents(join(dir, name)).map((object) => ({
        file: `evaluation/${name}`,
        object: object as unknown as DatasetExample['object'],
      })),
    );
}
