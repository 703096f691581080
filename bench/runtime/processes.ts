/**
 * The processes `bench:runtime` measures, each its own Node.js process so no two share an event loop:
 * the stub engine and the stand-in trace collector (through tsx), and the runtime compiled as for the
 * image, run with plain `node`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../tests/support/net.js';
import { waitFor } from '../../tests/support/wait.js';

/** A started server process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:port` */
  readonly base: string;
}

export function startStub(root: string): Promise<ServerProcess> {
  return startSupportServer(root, 'tests/support/stub-engine.ts');
}

/** The stand-in OTLP collector (tests/support/otlp-receiver.ts): counts spans, GET /stats. */
export function startReceiver(root: string): Promise<ServerProcess> {
  return startSupportServer(root, 'tests/support/otlp-receiver.ts');
}

/** A test-support server run as its own process; it prints `{"port":N,...}` once listening. */
async function startSupportServer(root: string, script: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0'], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  const { port } = JSON.parse(first.value as string) as { port: number };
  return { child, base: `http://127.0.0.1:${port}` };
}

/** A compiled runtime, laid out like the image. */
export interface CompiledRuntime {
  readonly dir: string;
  /** The entry point, `dir/build/runtime/main.js`. */
  readonly main: string;
}

/**
 * Compiles the runtime's sources (`source`, a folder named `runtime`) with tsconfig.build.json into
 * an image-like folder (package.json + build/runtime/*.js), so the benchmark runs the JavaScript the
 * image runs, not a loader. Sources elsewhere than runtime/ (another revision, extracted under
 * node_modules/.cache so its imports still resolve) let two versions be measured alike.
 */
export async function compileRuntime(root: string, source = join(root, 'runtime')): Promise<CompiledRuntime> {
  if (basename(source) !== 'runtime')
    throw new Error(`runtime sources must be a folder named runtime: ${source}`);
  const dir = join(root, 'node_modules', '.cache', `runtime-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.build.json'),
      compilerOptions: { rootDir: dirname(source), outDir: join(dir, 'build'), sourceMap: false },
      include: [source],
      // The build config excludes node_modules, where another revision's sources are kept.
      exclude: ['**/*.test.ts'],
    }),
  );
  try {
    await promisify(execFile)(process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(dir, 'tsconfig.json'),
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const output = (error as { stdout?: string }).stdout?.trim();
    throw new Error(`${source} does not compile:\n${output}`, { cause: error });
  }
  return { dir, main: join(dir, 'build', 'runtime', 'main.js') };
}

/** The compiled runtime in front of `engineBase`, with `env` on top of the bench's settings. */
export async function startRuntime(
  compiled: CompiledRuntime,
  engineBase: string,
  redisUrl: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [compiled.main], {
    cwd: compiled.dir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      AGENT: 'xiaoai',
      MODEL: 'xiaoai',
      MODEL_VERSION: 'v1',
      ENGINE_MODEL: 'stub-model',
      ENGINE_BASE_URL: `${engineBase}/v1`,
      REDIS_MODE: 'standalone',
      REDIS_URL: redisUrl,
      ...env,
    },
  });
  child.stdout?.resume(); // JSON logs: read and drop, as a log collector would
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, {
    timeoutMs: 30_000,
    intervalMs: 100,
    description: 'the runtime to be ready',
  });
  return { child, base };
}
