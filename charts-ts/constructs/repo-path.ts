import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this file holding package.json. Works from the
 * sources (tsx, jest) and from the compiled build/ tree alike, whatever the working directory.
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'crds'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no repository root (package.json + crds/) above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A path inside the repository. */
export function repoPath(...segments: string[]): string {
  return join(repoRoot(), ...segments);
}
