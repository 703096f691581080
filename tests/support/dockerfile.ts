/**
 * Static checks of the images' Dockerfiles (no Docker engine here): their stages, and an image-like folder
 * built the way the final stage is (compiled JS + only the packages of the image's lockfile) to run.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Lockfile } from './image-lock.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const run = promisify(execFile);

export interface ParsedDockerfile {
  /** Instructions with continuation lines joined and comments dropped. */
  readonly instructions: readonly string[];
  /** Instructions per stage, each starting with its FROM. */
  readonly stages: readonly (readonly string[])[];
  readonly finalStage: readonly string[];
  /** Default of `ARG name=value`. */
  argDefault(name: string): string | undefined;
  /** The stage named `name` (`FROM … AS name`). */
  stage(name: string): readonly string[];
}

export function parseDockerfile(path: string): ParsedDockerfile {
  const instructions = readFileSync(join(REPO_ROOT, path), 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const stages = instructions.reduce<string[][]>((acc, line) => {
    if (/^FROM\s/i.test(line)) acc.push([]);
    acc.at(-1)?.push(line);
    return acc;
  }, []);
  return {
    instructions,
    stages,
    finalStage: stages.at(-1) ?? [],
    argDefault: (name) =>
      new RegExp(`^ARG ${name}=(\\S+)`).exec(
        instructions.find((l) => l.startsWith(`ARG ${name}=`)) ?? '',
      )?.[1],
    stage: (name) => stages.find((s) => new RegExp(`^FROM \\S+ AS ${name}$`, 'i').test(s[0] ?? '')) ?? [],
  };
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as T;
}

/** Package names of a lockfile (`node_modules/a/node_modules/@s/b` → `@s/b`), without the root. */
export function lockedPackageNames(lock: Lockfile): Set<string> {
  return new Set(
    Object.keys(lock.packages)
      .filter((path) => path !== '')
      .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  );
}

/**
 * A folder laid out like the image's /app: `package.json` of the image, `node_modules` holding exactly the
 * packages its lockfile lists (copied from the repository's node_modules, the versions the lock pins), and
 * `build/` compiled from `sources` with tsconfig.build.json. Outside the repository, so Node cannot find a
 * package anywhere else. Compile errors of files other than the image's are not this check's concern (the
 * typecheck reports them); the caller checks what it needs exists.
 */
export async function imageFolder(packageDir: string, sources: readonly string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), `${packageDir}-image-`));
  cpSync(join(REPO_ROOT, packageDir, 'package.json'), join(out, 'package.json'));
  const lock = readJson<Lockfile>(`${packageDir}/package-lock.json`);
  for (const path of Object.keys(lock.packages).filter((p) => p !== '')) {
    const from = join(REPO_ROOT, path);
    // Nested node_modules come in as their own lock entries, so no package arrives that the lock omits.
    cpSync(from, join(out, path), {
      recursive: true,
      filter: (src) => !src.startsWith(join(from, 'node_modules')),
    });
  }
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: join(REPO_ROOT, 'tsconfig.build.json'),
      compilerOptions: { rootDir: REPO_ROOT, outDir: join(out, 'build'), sourceMap: false },
      include: sources.map((s) => join(REPO_ROOT, s)),
    }),
  );
  await run(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')],
    {
      cwd: REPO_ROOT,
    },
  ).catch(() => undefined);
  return out;
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Runs `node args` in `cwd` with an empty environment but PATH; never rejects. */
export async function runNode(
  cwd: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [...args], { cwd, env: { PATH: process.env.PATH } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

/** Bare package names imported (not type-only) by `files`, following relative imports. */
export function importedPackages(entries: readonly string[]): Map<string, string> {
  const seen = new Set<string>();
  const found = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    const pattern =
      /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
    for (const match of source.matchAll(pattern)) {
      if (match[1] !== undefined) continue;
      const specifier = (match[2] ?? match[3]) as string;
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) {
        const target = join(file, '..', specifier).replace(/\.js$/, '.ts');
        visit(existsTs(target) ? target : join(target.replace(/\.ts$/, ''), 'index.ts'));
        continue;
      }
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : (specifier.split('/')[0] as string);
      if (!found.has(name)) found.set(name, file);
    }
  };
  for (const entry of entries) visit(entry);
  return found;
}

function existsTs(file: string): boolean {
  try {
    readFileSync(join(REPO_ROOT, file));
    return true;
  } catch {
    return false;
  }
}
