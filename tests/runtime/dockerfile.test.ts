import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageLockText, type Lockfile } from '../support/image-lock.js';
import {
  REPO_ROOT,
  imageFolder,
  importedPackages,
  lockedPackageNames,
  parseDockerfile,
  readJson,
  removeFolder,
  runNode,
} from '../support/dockerfile.js';

const dockerfile = parseDockerfile('runtime/Dockerfile');
const { stages, finalStage } = dockerfile;
const runtimePackage = readJson<{ type: string; dependencies: Record<string, string> }>(
  'runtime/package.json',
);
const runtimeLock = readJson<Lockfile>('runtime/package-lock.json');
/** The image's entry points: the runtime, and the program of evaluation Jobs (ajv, yaml). */
const ENTRY_POINTS = ['runtime/main.ts', 'runtime/eval/main.ts'];
/** Production dependencies of the repository that the runtime never loads. */
const NOT_RUNTIME = [
  '@pulumi/pulumi',
  '@pulumi/kubernetes',
  '@pulumi/policy',
  'cdk8s',
  'cdk8s-plus-28',
  'constructs',
  '@kubernetes/client-node',
  'kubernetes-models',
  '@kubernetes-models/base',
  '@sinclair/typebox',
];

describe('runtime/Dockerfile (checked statically; no Docker engine here)', () => {
  it('is multi-stage on a pinned Node 24 LTS image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const image = dockerfile.argDefault('NODE_IMAGE');
    expect(image).toMatch(/^node:24\.\d+\.\d+-(bookworm|bullseye|trixie)-slim$/);
    for (const stage of stages) {
      const from = stage[0] as string;
      expect(from).toMatch(/^FROM (\$\{NODE_IMAGE\}|node:24\.\d+\.\d+\S*)( AS \w+)?$/);
      expect(from).not.toMatch(/:latest|:lts/);
    }
  });

  it('compiles with the full toolchain, then installs only runtime/package.json with its own lockfile', () => {
    const build = dockerfile.stage('build').join('\n');
    expect(build.indexOf('npm ci')).toBeGreaterThan(-1);
    expect(build.indexOf('npm run build')).toBeGreaterThan(build.indexOf('npm ci'));
    const deps = dockerfile.stage('deps');
    expect(deps).toContain('COPY runtime/package.json runtime/package-lock.json ./');
    expect(deps.join('\n')).toMatch(/RUN npm ci --omit=dev/);
    const final = finalStage.join('\n');
    expect(final).not.toMatch(/npm (ci|install|run)/);
    // The final stage's only packages are the deps stage's, and it copies nothing else of the repository.
    expect(finalStage).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(finalStage).toContain('COPY --from=build /app/build/runtime ./build/runtime');
    expect(finalStage.filter((l) => /^COPY (?!--from)/.test(l))).toEqual(['COPY runtime/package.json ./']);
  });

  it('lists exactly the packages the runtime imports, pinned as the repository pins them', () => {
    const imported = [...importedPackages(ENTRY_POINTS).keys()].sort();
    expect(Object.keys(runtimePackage.dependencies).sort()).toEqual(imported);
    const rootDeps = readJson<{ dependencies: Record<string, string> }>('package.json').dependencies;
    for (const [name, version] of Object.entries(runtimePackage.dependencies)) {
      expect({ name, version }).toEqual({ name, version: rootDeps[name] });
    }
    expect(runtimePackage.type).toBe('module');
  });

  it('has a lockfile that is the repository lock cut down to the runtime, with none of the other packages', () => {
    // On failure: run `npm run image-locks` and commit runtime/package-lock.json.
    expect(readFileSync(join(REPO_ROOT, 'runtime/package-lock.json'), 'utf8')).toBe(
      imageLockText(REPO_ROOT, 'runtime'),
    );
    const locked = lockedPackageNames(runtimeLock);
    for (const name of Object.keys(runtimePackage.dependencies)) expect(locked).toContain(name);
    for (const name of NOT_RUNTIME)
      expect({ name, locked: locked.has(name) }).toEqual({ name, locked: false });
    expect(locked.size).toBeLessThan(
      Object.keys(readJson<Lockfile>('package-lock.json').packages).length / 10,
    );
  });

  it('runs as a non-root numeric user, exposes 8000 and starts build/runtime/main.js', () => {
    const user = finalStage.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(finalStage).toContain('EXPOSE 8000');
    expect(finalStage.at(-1)).toBe('CMD ["node", "build/runtime/main.js"]');
    // Every context path it copies exists.
    for (const line of dockerfile.instructions.filter((l) => /^COPY (?!--from)/.test(l))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(REPO_ROOT, source))).toBe(true);
    }
  });

  it('starts under plain node from the compiled layout with only the packages of its lockfile', async () => {
    const out = await imageFolder('runtime', ['runtime/main.ts']);
    try {
      expect(existsSync(join(out, 'build/runtime/main.js'))).toBe(true);
      for (const name of NOT_RUNTIME) expect(existsSync(join(out, 'node_modules', name))).toBe(false);
      // Without its required variables it must refuse to start with exit code 2 and name them: every
      // module loaded, so every package it imports resolved.
      const result = await runNode(out, ['build/runtime/main.js']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('ENGINE_BASE_URL is required');
      expect(result.stderr).toContain('MODEL is required');
    } finally {
      removeFolder(out);
    }
  }, 120_000);
});
