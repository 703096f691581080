/**
 * Runs `kubectl model` as a real child process (node --import tsx cli/main.ts, or bin/kubectl-model)
 * against a fake API server through a kubeconfig file, as a CI job would, and drives ModelVersion
 * status through the status subresource as the operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type {
  AIModel,
  ModelVersion,
  ModelVersionStatus,
  AIModelStatus,
  PromotionPolicy,
} from '../../../crds/index.js';
import { KubeClient } from '../../../operators/kit/client.js';
import type { KubeObject } from '../../support/fake-api-server/index.js';
import { AI_MODEL, MODEL_VERSION } from '../../../cli/resources.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const NAMESPACE = 'agents';

/** A started CLI process with its output kept as lines. */
export class CliProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(args: readonly string[], env: Record<string, string>, options: { viaBin?: boolean } = {}) {
    const entry = options.viaBin
      ? [join(REPO_ROOT, 'bin', 'kubectl-model')]
      : ['--import', 'tsx', 'cli/main.ts'];
    this.child = spawn(process.execPath, [...entry, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdin!.end();
    for (const [stream, lines] of [
      [this.child.stdout!, this.stdout],
      [this.child.stderr!, this.stderr],
    ] as const) {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        lines.push(...parts);
      });
      stream.on('end', () => {
        if (buffer) lines.push(buffer);
      });
    }
    // 'close' (not 'exit'): every line of output has been read by then.
    this.exited = new Promise((done) => this.child.once('close', (code) => done(code)));
  }

  get output(): string {
    return [...this.stdout, ...this.stderr].join('\n');
  }

  /** Waits until a stdout line matches, and returns it (generous: a loaded machine starts tsx slowly). */
  async line(match: RegExp, timeoutMs = 60_000): Promise<string> {
    return waitFor(() => this.stdout.find((l) => match.test(l)), {
      timeoutMs,
      description: `a CLI output line matching ${match}; output so far:\n${this.output}`,
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** A fake API server with our CRDs, a kubeconfig file for it, and helpers to play the operator. */
export class CliWorld {
  readonly client: KubeClient;
  private readonly processes: CliProcess[] = [];

  private constructor(
    readonly api: FakeApiServer,
    readonly dir: string,
    readonly kubeconfig: string,
  ) {
    this.client = new KubeClient(api.kubeConfig(NAMESPACE));
  }

  static async start(): Promise<CliWorld> {
    const api = await startFakeApiServer({ crds: ['project'], namespaces: [NAMESPACE] });
    const dir = mkdtempSync(join(tmpdir(), 'kubectl-model-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, api.kubeConfig(NAMESPACE).exportConfig(), { mode: 0o600 });
    return new CliWorld(api, dir, kubeconfig);
  }

  /** Starts `kubectl model <args>` with KUBECONFIG pointing at the fake API server. */
  cli(args: readonly string[], options: { viaBin?: boolean } = {}): CliProcess {
    // TMPDIR per world: tsx writes its transform cache there without atomic renames, so test files
    // running side by side must not share one.
    const p = new CliProcess(args, { KUBECONFIG: this.kubeconfig, TMPDIR: this.dir }, options);
    this.processes.push(p);
    return p;
  }

  /** Runs to the end; returns the process (exit code in `code`). */
  async run(
    args: readonly string[],
    options: { viaBin?: boolean } = {},
  ): Promise<CliProcess & { code: number | null }> {
    const p = this.cli(args, options);
    const code = await p.exited;
    return Object.assign(p, { code });
  }

  async stop(): Promise<void> {
    for (const p of this.processes) p.kill();
    await Promise.all(this.processes.map((p) => p.exited));
    await this.api.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  writeFile(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  /** Creates the xiaoai AIModel of examples/ (optionally with a status). */
  async createModel(status?: AIModelStatus): Promise<AIModel> {
    const model = example<AIModel>('examples/aimodels/xiaoai.yaml');
    model.metadata.namespace = NAMESPACE;
    this.api.create(model as unknown as KubeObject);
    if (status) await this.setModelStatus('xiaoai', status);
    return model;
  }

  /**
   * Creates a ModelVersion of xiaoai from examples/modelversions/xiaoai-v2-canary.yaml (4 steps:
   * 5/20/50/80), or with `promotion` as its whole spec.promotion (another strategy).
   */
  async createVersion(
    name: string,
    version: string,
    status?: ModelVersionStatus,
    promotion?: PromotionPolicy,
  ): Promise<ModelVersion> {
    const mv = example<ModelVersion>('examples/modelversions/xiaoai-v2-canary.yaml');
    mv.metadata = { name, namespace: NAMESPACE };
    mv.spec.version = version;
    if (promotion !== undefined) mv.spec.promotion = promotion;
    this.api.create(mv as unknown as KubeObject);
    if (status) await this.setStatus(name, status);
    return mv;
  }

  /** Writes ModelVersion status through the status subresource, as the operator does. */
  async setStatus(name: string, status: ModelVersionStatus): Promise<void> {
    await this.client.patch(MODEL_VERSION, NAMESPACE, name, { status }, 'merge', { subresource: 'status' });
  }

  async setModelStatus(name: string, status: AIModelStatus): Promise<void> {
    await this.client.patch(AI_MODEL, NAMESPACE, name, { status }, 'merge', { subresource: 'status' });
  }

  annotations(kind: 'ModelVersion' | 'AIModel', name: string): Record<string, string> {
    const o = this.api.get({ apiVersion: 'ai.suoke.life/v1alpha1', kind }, NAMESPACE, name);
    return (o?.metadata.annotations ?? {}) as Record<string, string>;
  }
}

export function example<T>(path: string): T {
  return parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as T;
}

/** An analysis run as the operator records it (see operators/rollout/status.ts checkToStatus). */
export function analysisRun(
  step: number,
  weight: number,
  verdict: 'Passed' | 'Failed' | 'Inconclusive',
  metrics: {
    name: string;
    value?: number;
    max: number;
    verdict: 'Passed' | 'Failed' | 'Inconclusive';
    why: string;
  }[],
  time = '2026-01-01T12:00:00Z',
): NonNullable<ModelVersionStatus['analysis']>[number] {
  return {
    time,
    step,
    weight,
    verdict,
    metrics: metrics.map((m) => ({
      name: m.name,
      ...(m.value !== undefined ? { value: m.value } : {}),
      samples: 120,
      verdict: m.verdict,
      query: 'sum(rate(x[1m]))',
      threshold: { max: m.max },
      window: '1m',
      reason: m.why,
    })),
  };
}

/** A condition in the metav1.Condition shape. */
export function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message = '',
): {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime: string;
} {
  return { type, status, reason, message, lastTransitionTime: '2026-01-01T12:00:00Z' };
}

/** Promotion policies of the other strategies, for versions made with {@link CliWorld.createVersion}. */
const ANALYSIS: PromotionPolicy['analysis'] = {
  metrics: [
    { name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: 0.01 }, minSamples: 20 },
    { name: 'latency-p95', builtin: 'latency-p95', relativeToStable: { maxIncrease: 10 }, minSamples: 20 },
  ],
};

export const STRATEGIES = {
  /** A preview behind `x-model-version: <version>`, then the switch once promoted by a person. */
  blueGreenManual: <PromotionPolicy>{
    strategy: 'BlueGreen',
    blueGreen: { previewHeader: 'x-model-version', previewDuration: '15m' },
    interval: '1m',
    analysis: ANALYSIS,
    mode: 'Manual',
  },
  /** The beta cohort and 10% of the rest for 30m, after a 10% shadow; `winner` Auto or Manual. */
  experiment: (winner: 'Auto' | 'Manual'): PromotionPolicy => ({
    strategy: 'Experiment',
    shadow: { percent: 10, duration: '5m' },
    experiment: {
      match: [{ header: { name: 'x-cohort', exact: 'beta' } }, { cookie: { name: 'group', prefix: 'b' } }],
      weight: 10,
      duration: '30m',
      winner,
    },
    interval: '5m',
    analysis: ANALYSIS,
  }),
  /** A 20% shadow, then the canary steps 10 and 50. */
  shadowCanary: <PromotionPolicy>{
    shadow: { percent: 20, duration: '10m' },
    strategy: 'Canary',
    steps: [{ weight: 10 }, { weight: 50 }],
    interval: '1m',
    analysis: ANALYSIS,
  },
};
