import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { loadCrds } from '../../crds/index.js';
import { ALL_KINDS, crdFileName } from '../../crds/gen/crd.js';
import { adaptToNodeNext, renderAll } from '../../crds/gen/render-all.js';
import { REPO_ROOT } from './examples.js';

const CRDS_DIR = join(REPO_ROOT, 'crds');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('generated files (npm run gen)', () => {
  let rendered: Map<string, string>;
  beforeAll(async () => {
    rendered = await renderAll();
  });

  test('every generated file is committed byte-for-byte as the generator writes it', () => {
    const stale = [...rendered].filter(([path, content]) => {
      let committed: string | undefined;
      try {
        committed = readFileSync(join(CRDS_DIR, path), 'utf8');
      } catch {
        committed = undefined;
      }
      return committed !== content;
    });
    expect(stale.map(([path]) => path)).toEqual([]);
  });

  test('crds/models holds nothing the generator did not write', () => {
    const onDisk = listFiles(join(CRDS_DIR, 'models')).map((p) => relative(CRDS_DIR, p));
    expect(onDisk.sort()).toEqual([...rendered.keys()].filter((p) => p.startsWith('models/')).sort());
  });

  test('one CRD file per kind, and loadCrds() returns exactly what kubectl reads from the files', () => {
    expect([...rendered.keys()].filter((p) => p.endsWith('.yaml')).sort()).toEqual([
      'aimodels.ai.suoke.life.yaml',
      'modelregistries.ai.suoke.life.yaml',
      'modelversions.ai.suoke.life.yaml',
    ]);
    // Read as kubectl reads YAML (1.1, where a bare Off is false), so a lost quote fails here.
    const fromFiles = ALL_KINDS.map((kind) =>
      parse(readFileSync(join(CRDS_DIR, crdFileName(kind)), 'utf8'), { version: '1.1' }),
    );
    expect(loadCrds()).toEqual(fromFiles);
  });

  test('rendering twice gives identical output (deterministic)', async () => {
    const again = await renderAll();
    expect([...again]).toEqual([...rendered]);
  });

  test('no TypeBox symbol keys or undefined values leak into the CRDs', () => {
    const text = ALL_KINDS.map((kind) => rendered.get(crdFileName(kind))).join('\n');
    expect(text).not.toMatch(/TypeBox|Symbol\(|\[Kind\]|undefined/);
  });

  test('generated imports are rewritten for NodeNext and validators become compiled .ts files', () => {
    expect(
      adaptToNodeNext('a/index.ts', 'export * from "./AIModel";\nimport x from "../../_schemas/X";'),
    ).toEqual({
      path: 'a/index.ts',
      content: 'export * from "./AIModel.js";\nimport x from "../../_schemas/X.js";',
    });
    expect(
      adaptToNodeNext('_schemas/X.js', 'import { formats } from "@kubernetes-models/validate";'),
    ).toEqual({
      path: '_schemas/X.ts',
      content: '// @ts-nocheck\nimport { formats } from "@kubernetes-models/validate";',
    });
    expect(
      adaptToNodeNext('_schemas/X.d.ts', 'export function validate(data: unknown): boolean;'),
    ).toBeUndefined();
  });
});
