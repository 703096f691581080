/**
 * What session affinity's hop costs: the same session turn sent straight to the runtime it is pinned
 * to, and sent to the runtime of the other version, which reads the pin and forwards the turn once
 * (SESSION_FORWARD_URL pointing straight at the pinned runtime: a plain forward target, no mesh).
 * Both sides read the pin in Redis, so the difference is the hop alone. The session key is a header
 * of its own (SESSION_AFFINITY_HEADER), so no session history is kept and both sides send the engine
 * the same prompt.
 */
import { loadRaw, summarise, type ExtraHeaders, type Figures, type Raw } from './load.js';
import { startRuntime, type CompiledRuntime, type ServerProcess } from './processes.js';

const SESSION_HEADER = 'x-conversation';
const SESSION: ExtraHeaders = { [SESSION_HEADER]: 'bench-conversation' };

/** The pinned runtime (v2) and the one that forwards to it (v1). */
export interface ForwardPair {
  readonly pinned: ServerProcess;
  readonly forwarder: ServerProcess;
}

export async function startForwardPair(
  compiled: CompiledRuntime,
  engineBase: string,
  redisUrl: string,
): Promise<ForwardPair> {
  const affinity = {
    SESSION_AFFINITY: 'on',
    SESSION_AFFINITY_HEADER: SESSION_HEADER,
    CACHE_TTL_SECONDS: '0',
  };
  // Its own forward URL is never used: every turn it gets is pinned to it.
  const pinned = await startRuntime(compiled, engineBase, redisUrl, {
    ...affinity,
    MODEL_VERSION: 'v2',
    SESSION_FORWARD_URL: 'http://127.0.0.1:9',
  });
  const forwarder = await startRuntime(compiled, engineBase, redisUrl, {
    ...affinity,
    MODEL_VERSION: 'v1',
    SESSION_FORWARD_URL: pinned.base,
  });
  return { pinned, forwarder };
}

/** The figures of one workload: direct to the pinned runtime, and forwarded to it. */
export interface ForwardedTurnResult {
  readonly direct: Figures;
  readonly forwarded: Figures;
  readonly throughputRatio: number;
  readonly addedP50Ms: number;
  readonly addedP99Ms: number;
}

/** Pins the session to v2 (its first turn goes there), then checks that v1 forwards it. */
export async function pinSession(pair: ForwardPair, body: string): Promise<void> {
  const post = (base: string) =>
    fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...SESSION },
      body,
    });
  await (await post(pair.pinned.base)).text();
  const through = await post(pair.forwarder.base);
  await through.text();
  if (through.headers.get('x-suoke-served-by') !== 'v2') {
    throw new Error(`the forwarded turn was served by ${through.headers.get('x-suoke-served-by')}, not v2`);
  }
}

/** Both sides in `rounds` alternating rounds after a warm-up, samples pooled. */
export async function measureForwardedTurn(
  pair: ForwardPair,
  body: string,
  concurrency: number,
  timing: { readonly warmupMs: number; readonly durationMs: number; readonly rounds: number },
): Promise<ForwardedTurnResult> {
  const sides = [pair.pinned.base, pair.forwarder.base];
  for (const base of sides) await loadRaw(base, body, timing.warmupMs, concurrency, SESSION);
  const raws: Raw[][] = [[], []];
  for (let round = 0; round < timing.rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      raws[i]?.push(
        await loadRaw(sides[i] as string, body, timing.durationMs / timing.rounds, concurrency, SESSION),
      );
    }
  }
  const direct = summarise(raws[0] ?? [], timing.durationMs);
  const forwarded = summarise(raws[1] ?? [], timing.durationMs);
  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    direct,
    forwarded,
    throughputRatio: round(forwarded.rps / direct.rps, 3),
    addedP50Ms: round(forwarded.p50Ms - direct.p50Ms),
    addedP99Ms: round(forwarded.p99Ms - direct.p99Ms),
  };
}
