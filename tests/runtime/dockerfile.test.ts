import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = readFileSync(join(root, 'runtime/Dockerfile'), 'utf8');
/** Instructions with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const stages = instructions.reduce<string[][]>((acc, line) => {
  if (/^FROM\s/i.test(line)) acc.push([]);
  acc.at(-1)?.push(line);
  return acc;
}, []);
const finalStage = stages.at(-1) ?? [];
const argDefault = (name: string) =>
  new RegExp(`^ARG ${name}=(\\S+)`).exec(instructions.find((l) => l.startsWith(`ARG ${name}=`)) ?? '')?.[1];

describe('runtime/Dockerfile (checked statically; no Docker engine here)', () => {
  it('is multi-stage on a pinned Node 24 LTS image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const image = argDefault('NODE_IMAGE');
    expect(image).toMatch(/^node:24\.\d+\.\d+-(bookworm|bullseye|trixie)-slim$/);
    for (const stage of stages) {
      const from = stage[0] as string;
      expect(from).toMatch(/^FROM (\$\{NODE_IMAGE\}|node:24\.\d+\.\d+\S*)( AS \w+)?$/);
      expect(from).not.toMatch(/:latest|:lts/);
    }
  });

  it('builds with npm ci then npm run build, and installs production dependencies only in the final stage', () => {
    const build = (stages[0] ?? []).join('\n');
    expect(build.indexOf('npm ci')).toBeGreaterThan(-1);
    expect(build.indexOf('npm run build')).toBeGreaterThan(build.indexOf('npm ci'));
    const final = finalStage.join('\n');
    expect(final).toMatch(/RUN npm ci --omit=dev/);
    expect(final).not.toMatch(/npm run build|npm install(?! )/);
    expect(final).toMatch(/COPY --from=build \/app\/build\/runtime \.\/build\/runtime/);
  });

  it('runs as a non-root numeric user, exposes 8000 and starts build/runtime/main.js', () => {
    const user = finalStage.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(finalStage).toContain('EXPOSE 8000');
    expect(finalStage.at(-1)).toBe('CMD ["node", "build/runtime/main.js"]');
    // Every context path it copies exists.
    for (const line of instructions.filter((l) => /^COPY (?!--from)/.test(l))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(root, source))).toBe(true);
    }
  });

  it('has its CMD file in the compiled layout, and it runs under plain node with production-style resolution', async () => {
    // Compile runtime/ the way `npm run build` does (tsconfig.build.json) into an image-like folder:
    // package.json + build/runtime/*.js, resolving node_modules from the repository.
    const out = join(root, 'node_modules', '.cache', `runtime-image-test-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    try {
      cpSync(join(root, 'package.json'), join(out, 'package.json'));
      writeFileSync(
        join(out, 'tsconfig.json'),
        JSON.stringify({
          extends: join(root, 'tsconfig.build.json'),
          compilerOptions: { rootDir: root, outDir: join(out, 'build'), sourceMap: false },
          include: [join(root, 'runtime')],
        }),
      );
      await run(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')],
        {
          cwd: root,
        },
      );
      const main = join(out, 'build/runtime/main.js');
      expect(existsSync(main)).toBe(true);
      // Without its required variables it must refuse to start with exit code 2 and name them.
      const result = await run(process.execPath, [main], { cwd: out, env: { PATH: process.env.PATH } }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('ENGINE_BASE_URL is required');
      expect(result.stderr).toContain('MODEL is required');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
