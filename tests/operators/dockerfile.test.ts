import { existsSync, readFileSync, readdirSync } from 'node:fs';
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

const dockerfile = parseDockerfile('operators/Dockerfile');
const { stages, finalStage } = dockerfile;
const operatorPackage = readJson<{ type: string; dependencies: Record<string, string> }>(
  'operators/package.json',
);
/** Production dependencies of the repository that the operator never loads. */
const NOT_OPERATOR = ['@pulumi/pulumi', '@pulumi/kubernetes', '@pulumi/policy', 'openai', 'ioredis'];
/** What the operator process loads: its entry point, every controller module, and the charts' render(). */
function operatorSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSorted(join(REPO_ROOT, dir))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk('operators');
  return [...files, 'charts-ts/render.ts'];
}

describe('operators/Dockerfile (checked statically; no Docker engine here)', () => {
  it('is multi-stage on a pinned Node 24 LTS image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile.argDefault('NODE_IMAGE')).toMatch(
      /^node:24\.\d+\.\d+-(bookworm|bullseye|trixie)-slim$/,
    );
    for (const stage of stages) {
      expect(stage[0]).toMatch(/^FROM (\$\{NODE_IMAGE\}|node:24\.\d+\.\d+\S*)( AS \w+)?$/);
      expect(stage[0]).not.toMatch(/:latest|:lts/);
    }
  });

  it('compiles with the full toolchain, then installs only operators/package.json with its own lockfile', () => {
    const build = dockerfile.stage('build').join('\n');
    expect(build.indexOf('npm run build')).toBeGreaterThan(build.indexOf('npm ci'));
    for (const dir of ['crds', 'charts-ts', 'operators']) expect(build).toContain(`COPY ${dir} ./${dir}`);
    const deps = dockerfile.stage('deps');
    expect(deps).toContain('COPY operators/package.json operators/package-lock.json ./');
    expect(deps.join('\n')).toMatch(/RUN npm ci --omit=dev/);
    expect(finalStage.join('\n')).not.toMatch(/npm (ci|install|run)/);
    expect(finalStage).toContain('COPY --from=deps /app/node_modules ./node_modules');
    for (const dir of ['operators', 'charts-ts', 'crds']) {
      expect(finalStage).toContain(`COPY --from=build /app/build/${dir} ./build/${dir}`);
    }
    expect(finalStage.filter((l) => /^COPY (?!--from)/.test(l))).toEqual(['COPY operators/package.json ./']);
  });

  it('compiles every file the operator reaches, and ships the compiled ones it loads', () => {
    const reached = reachedFiles(operatorSources());
    // Outside the three folders: the evaluation result's format, which the evaluation program shares.
    expect([...reached.all].filter((f) => !/^(crds|charts-ts|operators)\//.test(f))).toEqual([
      'runtime/eval/result.ts',
    ]);
    const copied = dockerfile
      .stage('build')
      .filter((l) => /^COPY (?!--from)/.test(l))
      .map((l) => l.split(/\s+/).at(-1)!.replace(/^\.\//, ''));
    for (const file of reached.all) {
      expect({ file, copied: copied.some((c) => file === c || file.startsWith(`${c}/`)) }).toEqual({
        file,
        copied: true,
      });
    }
    const shipped = finalStage
      .filter((l) => l.startsWith('COPY --from=build /app/'))
      .map((l) => l.split(/\s+/).at(-1)!.replace(/^\.\//, ''));
    for (const file of reached.loaded) {
      const compiled = `build/${file.replace(/\.ts$/, '.js')}`;
      expect({
        compiled,
        shipped: shipped.some((s) => compiled === s || compiled.startsWith(`${s}/`)),
      }).toEqual({
        compiled,
        shipped: true,
      });
    }
  });

  it('lists every package the operator and render() import, pinned as the repository pins them', () => {
    const declared = new Set(Object.keys(operatorPackage.dependencies));
    const imported = importedPackages(operatorSources());
    expect(imported.size).toBeGreaterThan(0);
    for (const [name, importer] of imported) {
      expect({ name, importer, declared: declared.has(name) }).toEqual({ name, importer, declared: true });
    }
    const rootDeps = readJson<{ dependencies: Record<string, string> }>('package.json').dependencies;
    for (const [name, version] of Object.entries(operatorPackage.dependencies)) {
      expect({ name, version }).toEqual({ name, version: rootDeps[name] });
    }
    expect(operatorPackage.type).toBe('module');
  });

  it('has a lockfile that is the repository lock cut down to the operator, with no Pulumi, OpenAI or Redis', () => {
    // On failure: run `npm run image-locks` and commit operators/package-lock.json.
    expect(readFileSync(join(REPO_ROOT, 'operators/package-lock.json'), 'utf8')).toBe(
      imageLockText(REPO_ROOT, 'operators'),
    );
    const locked = lockedPackageNames(readJson<Lockfile>('operators/package-lock.json'));
    for (const name of Object.keys(operatorPackage.dependencies)) expect(locked).toContain(name);
    for (const name of NOT_OPERATOR)
      expect({ name, locked: locked.has(name) }).toEqual({ name, locked: false });
  });

  it('runs as a non-root numeric user, exposes the metrics and probe ports and starts build/operators/main.js', () => {
    expect(finalStage.filter((l) => l.startsWith('USER ')).at(-1)).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(finalStage).toContain('EXPOSE 8080 8081');
    expect(finalStage.at(-1)).toBe('CMD ["node", "--optimize-for-size", "build/operators/main.js"]');
    for (const line of dockerfile.instructions.filter((l) => /^COPY (?!--from)/.test(l))) {
      for (const source of line.split(/\s+/).slice(1, -1))
        expect(existsSync(join(REPO_ROOT, source))).toBe(true);
    }
  });

  it('starts and renders from the compiled layout with only the packages of its lockfile', async () => {
    const out = await imageFolder('operators', ['operators/main.ts', 'charts-ts/render.ts']);
    try {
      for (const name of NOT_OPERATOR) expect(existsSync(join(out, 'node_modules', name))).toBe(false);
      const help = await runNode(out, ['build/operators/main.js', '--help']);
      expect(help).toMatchObject({ code: 0 });
      expect(help.stdout).toContain('--leader-elect');
      // render() (cdk8s + cdk8s-plus) loads and derives a Deployment for an example AIModel.
      const script = `
        import { render } from './build/charts-ts/render.js';
        const model = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'AIModel',
          metadata: { name: 'demo', namespace: 'ns', uid: 'u' },
          spec: { agent: { name: 'demo' }, framework: 'custom', engine: { image: 'example.com/engine:1.0.0' },
                  scaling: { minReplicas: 1, maxReplicas: 2, cpuUtilization: 70 } } };
        const version = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelVersion',
          metadata: { name: 'demo-v1', namespace: 'ns' },
          spec: { modelRef: { name: 'demo' }, version: 'v1', artifact: { uri: 'oci://example.com/m:1' } } };
        const objects = render(model, [version], [{ version: 'v1', weight: 100 }]);
        console.log(objects.map((o) => o.kind + '/' + o.metadata.name).join(' '));`;
      const rendered = await runNode(out, ['--input-type=module', '-e', script]);
      expect(rendered.stderr).toBe('');
      expect(rendered.stdout).toContain('Deployment/demo-v1');
    } finally {
      removeFolder(out);
    }
  }, 180_000);
});

/**
 * Repository files reached from `entries` by relative imports: `all` through any import (the compiler needs
 * them, type-only ones included), `loaded` through imports that stay in the compiled JavaScript.
 */
function reachedFiles(entries: readonly string[]): { all: Set<string>; loaded: Set<string> } {
  const all = new Set<string>();
  const loaded = new Set<string>();
  const visit = (file: string, atRuntime: boolean): void => {
    if (all.has(file) && (!atRuntime || loaded.has(file))) return;
    all.add(file);
    if (atRuntime) loaded.add(file);
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    const pattern = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/g;
    for (const match of source.matchAll(pattern)) {
      const target = join(file, '..', match[2] as string).replace(/\.js$/, '.ts');
      const resolved = existsSync(join(REPO_ROOT, target))
        ? target
        : join(target.replace(/\.ts$/, ''), 'index.ts');
      visit(resolved, atRuntime && match[1] === undefined);
    }
  };
  for (const entry of entries) visit(entry, true);
  return { all, loaded };
}

function readdirSorted(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
}
