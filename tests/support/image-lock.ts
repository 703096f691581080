/**
 * Lockfiles of the container images, derived from the repository's package-lock.json.
 *
 * Each image installs only its own dependencies (`runtime/package.json`, `operators/package.json`) with
 * `npm ci` against a lockfile that is the repository lock cut down to what those dependencies reach: the
 * same versions and integrity hashes the tests ran with, and nothing else (no Pulumi, no cdk8s in the
 * runtime). `npm run image-locks` rewrites them; a test fails when one is stale.
 *
 * Resolution follows Node's: a dependency of the package at `node_modules/a` is `node_modules/a/node_modules/d`
 * if the lock has it, else `node_modules/d`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The images with their own package.json, by folder. */
export const IMAGE_FOLDERS = ['runtime', 'operators'] as const;

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly [field: string]: unknown;
}

export interface Lockfile {
  readonly name: string;
  readonly version?: string;
  readonly lockfileVersion: number;
  readonly requires?: boolean;
  readonly packages: Readonly<Record<string, LockEntry>>;
}

export interface ImagePackage {
  readonly name: string;
  readonly version?: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly [field: string]: unknown;
}

/** Where `name`, required by the package at `from`, resolves in the lock (Node's upward search). */
function resolveIn(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at === -1 ? '' : base.slice(0, at);
  }
}

/**
 * The part of `root` that `pkg`'s dependencies reach, as a lockfile for `pkg`. Throws when `pkg` asks for a
 * package or version the repository does not pin, naming it: the image must run what the tests ran.
 */
export function deriveLock(root: Lockfile, pkg: ImagePackage): Lockfile {
  const rootDeps = root.packages['']?.dependencies ?? {};
  for (const [name, range] of Object.entries(pkg.dependencies)) {
    if (rootDeps[name] !== range) {
      throw new Error(
        `${pkg.name}: dependency ${name}@${range} must be pinned as in the root package.json (${name}@${rootDeps[name] ?? 'absent'})`,
      );
    }
  }
  const keep = new Set<string>();
  const visit = (path: string): void => {
    if (keep.has(path)) return;
    keep.add(path);
    const entry = root.packages[path] as LockEntry;
    const required = { ...entry.dependencies, ...entry.optionalDependencies };
    // npm never installs an optional peer on its own account: it is there only when something else needs
    // it (openai's zod and ws, here for the test clients), so following one would ship it in the image.
    const peers = Object.keys(entry.peerDependencies ?? {}).filter(
      (name) => entry.peerDependenciesMeta?.[name]?.optional !== true,
    );
    for (const name of [...Object.keys(required), ...peers]) {
      const target = resolveIn(root.packages, path, name);
      const optional = name in (entry.optionalDependencies ?? {});
      if (target !== undefined) visit(target);
      else if (!optional) throw new Error(`${path} needs ${name}, which package-lock.json does not hold`);
    }
  };
  for (const name of Object.keys(pkg.dependencies).sort()) {
    const target = resolveIn(root.packages, '', name);
    if (target === undefined) throw new Error(`${pkg.name}: ${name} is not in package-lock.json`);
    visit(target);
  }
  const packages: Record<string, LockEntry> = {
    '': {
      name: pkg.name,
      ...(pkg.version === undefined ? {} : { version: pkg.version }),
      dependencies: sorted(pkg.dependencies),
    },
  };
  for (const path of [...keep].sort()) packages[path] = root.packages[path] as LockEntry;
  return {
    name: pkg.name,
    ...(pkg.version === undefined ? {} : { version: pkg.version }),
    lockfileVersion: root.lockfileVersion,
    requires: true,
    packages,
  };
}

function sorted(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The lockfile text for the image in `folder` (relative to `repoRoot`), as npm would format it. */
export function imageLockText(repoRoot: string, folder: string): string {
  const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
  const lock = deriveLock(
    read('package-lock.json') as Lockfile,
    read(`${folder}/package.json`) as ImagePackage,
  );
  return `${JSON.stringify(lock, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  for (const folder of IMAGE_FOLDERS) {
    writeFileSync(join(root, folder, 'package-lock.json'), imageLockText(root, folder));
    console.log(`wrote ${folder}/package-lock.json`);
  }
}
