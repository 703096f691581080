import { randomInt } from 'node:crypto';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { postRaw, startRuntime, type TestRuntime } from './harness.js';

/**
 * Request bodies from a seeded generator, over real HTTP, to a runtime with its cache and sessions on
 * a real redis-server: whatever a client sends, the answer is never a 5xx (which would count against
 * a canary) and every refusal is in OpenAI's error shape. A failure names its seed; replay it with
 * `FUZZ_SEED=<seed>`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const CASES = 300;
const PARALLEL = 8;

/** mulberry32: tiny and seedable, enough to spread cases (not for secrets). */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/**
 * A JSON document as the generator builds it: objects as entry lists (so keys can repeat), raw
 * tokens JSON.stringify cannot produce (`1e400`, `-0`), and nesting emitted without recursion.
 */
type Node =
  | null
  | boolean
  | number
  | string
  | { readonly kind: 'array'; readonly items: Node[] }
  | { readonly kind: 'object'; readonly entries: [string, Node][] }
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'deep'; readonly depth: number; readonly objects: boolean; readonly inner: Node };

const array = (...items: Node[]): Node => ({ kind: 'array', items });
const object = (entries: [string, Node][]): { kind: 'object'; entries: [string, Node][] } => ({
  kind: 'object',
  entries,
});

function isKind<K extends 'array' | 'object'>(
  node: Node | undefined,
  kind: K,
): node is Extract<Node, { kind: K }> {
  return node !== undefined && node !== null && typeof node === 'object' && node.kind === kind;
}

function emit(node: Node): string {
  if (node === null || typeof node !== 'object') return JSON.stringify(node);
  switch (node.kind) {
    case 'array':
      return `[${node.items.map(emit).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`).join(',')}}`;
    case 'raw':
      return node.text;
    case 'deep':
      return node.objects
        ? '{"a":'.repeat(node.depth) + emit(node.inner) + '}'.repeat(node.depth)
        : '['.repeat(node.depth) + emit(node.inner) + ']'.repeat(node.depth);
  }
}

const ALPHABETS = [
  'abcdefghij klmnop',
  '你好世界健康血压',
  '😀🩺👩‍⚕️🏳️‍🌈',
  'مرحبا بالعالم',
  '\u0000\u0007\u001f\u007f\u2028\u2029\ufeff',
  '"\\/\b\f\n\r\t',
  '[]{}:,"',
  '\ud800\udfff\ud83d\udc00',
];
const NUMBERS = [0, -1, 1, 0.5, 2, 3, 16, 17, 20, 128, 1e308, -1e308, 2 ** 53 + 2, 5e-324, 1000, 1001];
const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '-0', '1E+2', '0.1e-999'];
const KEYS = [
  'model',
  'messages',
  'role',
  'content',
  'type',
  'text',
  'image_url',
  'url',
  'input_audio',
  'data',
  'format',
  'tools',
  'function',
  'name',
  'parameters',
  'tool_choice',
  'tool_calls',
  'arguments',
  'temperature',
  'seed',
  'max_tokens',
  'max_completion_tokens',
  'stream',
  'stream_options',
  'include_usage',
  'stop',
  'n',
  'logit_bias',
  'response_format',
  'json_schema',
  'user',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'chat_template',
  'prompt_logprobs',
  'echo',
  'top_k',
];
const BAD_SESSION_IDS = ['a b', '../../etc/passwd', 'x'.repeat(200), '*', '{}', 'fuzz\\1'];
const ROLES = ['user', 'system', 'assistant', 'tool', 'developer', 'function', 'robot', ''];

function text(r: Random): string {
  if (r.chance(0.02)) return r.pick(ALPHABETS).repeat(2_000);
  const alphabet = [...r.pick(ALPHABETS)];
  return Array.from({ length: r.int(24) }, () => r.pick(alphabet)).join('');
}

function randomNode(r: Random, depth: number): Node {
  const choice = r.int(depth > 0 ? 10 : 6);
  if (choice === 0) return null;
  if (choice === 1) return r.chance(0.5);
  if (choice === 2) return r.chance(0.5) ? r.pick(NUMBERS) : r.next() * 4 - 2;
  if (choice === 3) return { kind: 'raw', text: r.pick(RAW_NUMBERS) };
  if (choice <= 5) return text(r);
  if (choice === 6) return array(...Array.from({ length: r.int(5) }, () => randomNode(r, depth - 1)));
  if (choice === 7)
    return { kind: 'deep', depth: 1 + r.int(6_000), objects: r.chance(0.5), inner: randomNode(r, 0) };
  return object(Array.from({ length: r.int(5) }, () => [r.pick(KEYS), randomNode(r, depth - 1)]));
}

function validContent(r: Random): Node {
  if (r.chance(0.7)) return text(r);
  const parts: Node[] = [
    object([
      ['type', 'text'],
      ['text', text(r)],
    ]),
  ];
  if (r.chance(0.5)) {
    parts.push(
      object([
        ['type', 'image_url'],
        ['image_url', object([['url', 'data:image/png;base64,iVBORw0KGgo=']])],
      ]),
    );
  }
  return array(...parts);
}

function validRequest(r: Random): { kind: 'object'; entries: [string, Node][] } {
  const messages = Array.from({ length: 1 + r.int(4) }, () =>
    object([
      ['role', r.pick(['user', 'user', 'system', 'assistant'])],
      ['content', validContent(r)],
    ]),
  );
  const entries: [string, Node][] = [
    ['model', r.chance(0.9) ? 'xiaoai' : 'stub-model'],
    ['messages', array(...messages)],
  ];
  if (r.chance(0.5)) entries.push(['temperature', 0]);
  if (r.chance(0.2)) entries.push(['seed', r.int(1000)]);
  if (r.chance(0.3)) entries.push(['stream', true]);
  if (r.chance(0.2)) entries.push(['max_tokens', 1 + r.int(64)]);
  if (r.chance(0.1)) {
    const fn = object([
      ['name', 'lookup'],
      ['parameters', object([['type', 'object']])],
    ]);
    entries.push([
      'tools',
      array(
        object([
          ['type', 'function'],
          ['function', fn],
        ]),
      ),
    ]);
  }
  return object(entries);
}

/** One of a few deterministic bodies, so later cases hit the cache that earlier ones filled. */
function cacheableRequest(which: number): Node {
  const request = validRequest(new Random(SEED ^ (which + 1)));
  const entries = request.entries.filter(([k]) => k !== 'stream' && k !== 'temperature');
  return object([...entries, ['temperature', 0]]);
}

/** One to three changes a careless or hostile client might make to a good body. */
function mutate(r: Random, body: { entries: [string, Node][] }): void {
  for (let i = 1 + r.int(3); i > 0; i--) {
    const where = r.int(4);
    if (where === 0) body.entries.push([r.pick(KEYS), randomNode(r, 3)]);
    else if (where === 1 && body.entries.length > 0) body.entries.splice(r.int(body.entries.length), 1);
    else if (where === 2) {
      const messages = body.entries.find(([k]) => k === 'messages')?.[1];
      if (isKind(messages, 'array')) {
        const message = messages.items[r.int(messages.items.length)];
        const field = r.pick(['role', 'content', 'name', 'tool_calls', r.pick(KEYS)]);
        if (isKind(message, 'object'))
          message.entries.push([field, r.chance(0.3) ? r.pick(ROLES) : randomNode(r, 3)]);
        else messages.items.push(randomNode(r, 3));
      }
    } else {
      const entry = body.entries[r.int(body.entries.length)];
      if (entry !== undefined) entry[1] = randomNode(r, 3);
    }
  }
}

const INVALID_UTF8 = [
  [0xff],
  [0xc0, 0x80],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

/** Byte-level damage: cut short, invalid UTF-8, a flipped byte, a BOM. */
function corrupt(r: Random, bytes: Buffer): Buffer {
  const at = r.int(bytes.length + 1);
  switch (r.int(4)) {
    case 0:
      return bytes.subarray(0, at);
    case 1:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(r.pick(INVALID_UTF8)), bytes.subarray(at)]);
    case 2: {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[Math.min(at, copy.length - 1)] = r.int(256);
      return copy;
    }
    default:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  }
}

interface Case {
  readonly strategy: string;
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

function generate(index: number, slot: number): Case {
  const r = new Random(SEED + Math.imul(index, 0x9e3779b9));
  const pick = r.int(100);
  let strategy: string;
  let body: Buffer;
  if (pick < 10) {
    strategy = 'valid';
    body = Buffer.from(emit(validRequest(r)));
  } else if (pick < 15) {
    strategy = 'cacheable';
    body = Buffer.from(emit(cacheableRequest(r.int(3))));
  } else if (pick < 60) {
    strategy = 'mutated';
    const request = validRequest(r);
    mutate(r, request);
    body = Buffer.from(emit(request));
  } else if (pick < 75) {
    strategy = 'random value';
    body = Buffer.from(emit(randomNode(r, 4)));
  } else if (pick < 97) {
    strategy = 'corrupted bytes';
    const request = validRequest(r);
    if (r.chance(0.5)) mutate(r, request);
    body = corrupt(r, Buffer.from(emit(request)));
  } else {
    strategy = 'edge';
    body = Buffer.from(r.pick(['', ' \n\t ', 'null', '{}', '"x"', 'x'.repeat(1_100_000)]));
  }
  // One session per parallel slot: a session is never written by two requests at once.
  const headers: Record<string, string> = {};
  if (r.chance(0.3))
    headers['x-session-id'] = r.chance(0.9) ? `fuzz-${SEED}-${slot}` : r.pick(BAD_SESSION_IDS);
  return { strategy, body, headers };
}

/** What is wrong with an answer, or undefined when it is one a client can rely on. */
async function problemWith(response: Response): Promise<string | undefined> {
  const raw = await response.text();
  if (response.status >= 500) return `status ${response.status}: ${raw.slice(0, 300)}`;
  if (response.status >= 400) {
    try {
      const body = JSON.parse(raw) as { error?: Record<string, unknown> };
      const e = body.error;
      const shaped =
        Object.keys(body).length === 1 &&
        e !== undefined &&
        typeof e.message === 'string' &&
        typeof e.type === 'string' &&
        typeof e.code === 'string' &&
        (e.param === null || typeof e.param === 'string');
      return shaped
        ? undefined
        : `status ${response.status} not in OpenAI's error shape: ${raw.slice(0, 300)}`;
    } catch {
      return `status ${response.status} with a body that is not JSON: ${raw.slice(0, 300)}`;
    }
  }
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const events = raw.split('\n\n').filter(Boolean);
    if (events.at(-1) !== 'data: [DONE]') return `stream did not end with [DONE]: ${raw.slice(-300)}`;
    const broken = events
      .slice(0, -1)
      .find((e) => 'error' in (JSON.parse(e.slice('data: '.length)) as object));
    return broken === undefined ? undefined : `stream failed in-band: ${broken.slice(0, 300)}`;
  }
  const body = JSON.parse(raw) as { choices?: unknown };
  return Array.isArray(body.choices)
    ? undefined
    : `status ${response.status} without choices: ${raw.slice(0, 300)}`;
}

describe(`runtime fuzz (FUZZ_SEED=${SEED})`, () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start({ tokens: 4 });
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      CACHE_TTL_SECONDS: '60',
      SESSION_MAX_MESSAGES: '10',
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', { description: 'the runtime to reach redis' });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
    await redis.dispose();
  });

  it(`answers ${CASES} generated bodies without a 5xx, each refusal in OpenAI's error shape`, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let start = 0; start < CASES; start += PARALLEL) {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, CASES - start) }, async (_, slot) => {
          const index = start + slot;
          const { strategy, body, headers } = generate(index, slot);
          const response = await postRaw(rt.url, body, headers);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const problem = await problemWith(response).catch(
            (error: unknown) => `unreadable answer: ${String(error)}`,
          );
          if (problem !== undefined) {
            failures.push(
              `FUZZ_SEED=${SEED} case ${index} (${strategy}, ${body.length} bytes: ${body.toString('utf8', 0, 200)}): ${problem}`,
            );
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    // The generator reaches both sides: answers from the engine and refusals.
    expect({
      seed: SEED,
      answered: (statuses.get(200) ?? 0) > 0,
      refused: (statuses.get(400) ?? 0) > 0,
    }).toEqual({
      seed: SEED,
      answered: true,
      refused: true,
    });

    const exposition = await rt.runtime.metrics.registry.metrics();
    const serverErrors = [
      ...exposition.matchAll(/^ai_inference_requests_total\{code="(5\d\d)"[^}]*\} (\d+)$/gm),
    ]
      .filter((m) => m[2] !== '0')
      .map((m) => `${m[1]}: ${m[2]}`);
    expect({ seed: SEED, serverErrors }).toEqual({ seed: SEED, serverErrors: [] });

    // Still serving: a plain request afterwards gets its answer.
    const after = await rt.client().chat.completions.create({
      model: 'xiaoai',
      messages: [{ role: 'user', content: 'still there?' }],
    });
    expect(after.choices[0]?.message.content).toBe('tok0 tok1 tok2 tok3');
    expect((await fetch(`${rt.url}/healthz`)).status).toBe(200);
  });
});
