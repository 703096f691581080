/**
 * The load generator of `bench:runtime`: node:http with keep-alive, a fixed number of workers sending
 * requests back to back, latency samples kept raw so rounds can be pooled before percentiles are taken.
 */
import { Agent, request } from 'node:http';

/** What one side of a comparison achieved. */
export interface Figures {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  ttfbP50Ms: number;
  ttfbP99Ms: number;
}

/** Samples of one round, before pooling. */
export interface Raw {
  readonly totals: number[];
  readonly ttfbs: number[];
  errors: number;
}

/** Headers every request of a load carries besides its content type and length. */
export type ExtraHeaders = Readonly<Record<string, string>>;

/** One request; resolves with [time to first byte, total] in ms, or throws on a non-200. */
function once(agent: Agent, url: URL, body: string, extra: ExtraHeaders): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByte = 0;
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...extra, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => {
          if (firstByte === 0) firstByte = performance.now() - started;
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve([firstByte, performance.now() - started])
            : reject(new Error(`status ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` workers POST `body` to `{base}/v1/chat/completions` back to back for `durationMs`. */
export async function loadRaw(
  base: string,
  body: string,
  durationMs: number,
  concurrency: number,
  headers: ExtraHeaders = {},
): Promise<Raw> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL('/v1/chat/completions', base);
  const raw: Raw = { totals: [], ttfbs: [], errors: 0 };
  const deadline = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        try {
          const [ttfb, total] = await once(agent, url, body, headers);
          raw.ttfbs.push(ttfb);
          raw.totals.push(total);
        } catch {
          raw.errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  return raw;
}

/** The sample at percentile `p` (nearest rank), NaN when there are none. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

/** Pools rounds that together lasted `durationMs` into one set of figures. */
export function summarise(raws: readonly Raw[], durationMs: number): Figures {
  const totals = raws.flatMap((r) => r.totals);
  const ttfbs = raws.flatMap((r) => r.ttfbs);
  return {
    requests: totals.length,
    errors: raws.reduce((n, r) => n + r.errors, 0),
    rps: totals.length / (durationMs / 1000),
    p50Ms: percentile(totals, 50),
    p99Ms: percentile(totals, 99),
    ttfbP50Ms: percentile(ttfbs, 50),
    ttfbP99Ms: percentile(ttfbs, 99),
  };
}

/** One uninterrupted run, e.g. a warm-up or the cache-hit workload. */
export async function load(
  base: string,
  body: string,
  durationMs: number,
  concurrency: number,
  headers: ExtraHeaders = {},
): Promise<Figures> {
  return summarise([await loadRaw(base, body, durationMs, concurrency, headers)], durationMs);
}
