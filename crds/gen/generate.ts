/**
 * `npm run gen`: writes crds/*.yaml from crds/api/ and regenerates the typed models in crds/models/.
 * `--check` writes nothing and exits 1 when a committed file differs.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAll } from './render-all.js';

const crdsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await renderAll();
  const stale: string[] = [];
  if (!check) await rm(join(crdsDir, 'models'), { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(crdsDir, path);
    if (check) {
      const current = await readFile(target, 'utf8').catch(() => undefined);
      if (current !== content) stale.push(path);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  if (check && stale.length > 0) {
    console.error(`stale generated files (run npm run gen): ${stale.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${check ? 'checked' : 'wrote'} ${files.size} files under crds/`);
}

await main();
