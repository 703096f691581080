/**
 * Clients of the agent: chat requests at a steady rate, each sent to the version the mesh picks by
 * the weights in force at that moment, to one of that version's ready pods. The split is
 * deterministic (request n goes to the version whose cumulative weight range holds n mod 100), so
 * a version at weight w gets exactly w of every 100 requests. Half the requests stream, so the
 * runtimes record time to first token as well.
 */
import type { DeploymentController } from './deployment-controller.js';
import type { Mesh } from './mesh.js';

/** What one version was sent and how it answered. */
export interface VersionLoad {
  sent: number;
  ok: number;
  /** 5xx answers and connection errors. */
  failed: number;
  /** 4xx answers: a harness mistake, never expected. */
  rejected: number;
}

export interface LoadGeneratorOptions {
  readonly mesh: Mesh;
  readonly pods: DeploymentController;
  /** The model name clients ask for: the AIModel's name, which the runtime serves as MODEL. */
  readonly model: string;
  /** Requests per second. @default 20 */
  readonly ratePerSecond?: number;
  /** Per request (milliseconds). @default 10000 */
  readonly timeoutMs?: number;
}

export class LoadGenerator {
  /** Per version, since start or the last {@link reset}. */
  readonly byVersion = new Map<string, VersionLoad>();
  /** Requests the split sent to a version that had no ready pod (Istio's 503 no healthy upstream). */
  noEndpoint = 0;
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: LoadGeneratorOptions) {}

  start(): void {
    const rate = this.options.ratePerSecond ?? 20;
    // A fixed schedule (not one request after another) so a slow answer does not slow the load.
    this.timer = setInterval(() => this.send(), Math.max(1, Math.round(1000 / rate)));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  reset(): void {
    this.byVersion.clear();
    this.noEndpoint = 0;
  }

  /** Counts of `version` (zeros when it got nothing). */
  of(version: string): VersionLoad {
    return this.byVersion.get(version) ?? { sent: 0, ok: 0, failed: 0, rejected: 0 };
  }

  private pick(): string | undefined {
    const split = this.options.mesh.split();
    const slot = this.sequence++ % 100;
    let upTo = 0;
    for (const version of Object.keys(split).sort()) {
      upTo += split[version]!;
      if (slot < upTo) return version;
    }
    return undefined;
  }

  private send(): void {
    const version = this.pick();
    if (version === undefined) return;
    const endpoints = this.options.pods.endpoints(version);
    if (endpoints.length === 0) {
      this.noEndpoint += 1;
      return;
    }
    const url = endpoints[this.sequence % endpoints.length]!;
    const counts = this.byVersion.get(version) ?? { sent: 0, ok: 0, failed: 0, rejected: 0 };
    this.byVersion.set(version, counts);
    counts.sent += 1;
    const stream = this.sequence % 2 === 0;
    const request = fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: this.options.model,
        stream,
        messages: [{ role: 'user', content: 'How should I sleep better?' }],
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    })
      .then(async (response) => {
        // Read the whole answer: a streamed one is only complete (and counted) at its end.
        await response.arrayBuffer();
        if (response.status >= 500) counts.failed += 1;
        else if (response.status >= 400) counts.rejected += 1;
        else counts.ok += 1;
      })
      .catch(() => {
        counts.failed += 1;
      })
      .finally(() => this.inFlight.delete(request));
    this.inFlight.add(request);
  }
}
