/**
 * Clients of the agent: chat requests at a steady rate, each sent to the version the mesh picks by
 * the weights in force at that moment, to one of that version's ready pods. The split is smooth
 * weighted round robin (as nginx balances upstreams): deterministic, a version at weight w gets
 * exactly w of every 100 requests, and its requests are spread evenly over time rather than sent in
 * one burst per hundred, so every analysis window sees its share. Half the requests stream, so the
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
  /** Smooth weighted round robin: each version's running credit. */
  private readonly credit = new Map<string, number>();
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

  /**
   * Every version earns its weight in credit; the richest is picked and pays the total. Over any 100
   * requests each version gets its weight, interleaved (weights 80/20 give 4 to 1, not 80 then 20).
   */
  private pick(): string | undefined {
    const split = this.options.mesh.split();
    const versions = Object.keys(split).sort();
    for (const v of [...this.credit.keys()]) if (!(v in split)) this.credit.delete(v);
    let best: string | undefined;
    let total = 0;
    for (const v of versions) {
      const credit = (this.credit.get(v) ?? 0) + split[v]!;
      this.credit.set(v, credit);
      total += split[v]!;
      if (best === undefined || credit > this.credit.get(best)!) best = v;
    }
    if (best !== undefined) this.credit.set(best, this.credit.get(best)! - total);
    this.sequence += 1;
    return best;
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
    // Alternate per version, so every version gets streamed and plain requests whatever its share.
    const stream = counts.sent % 2 === 0;
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
