import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/net.js';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { PrometheusServer } from '../support/prometheus.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';

/**
 * OpenTelemetry traces of real runtime processes (`node --import tsx runtime/main.ts`, as `npm run
 * runtime` starts it), exported over OTLP/JSON to a stand-in collector, with the stub engine and a
 * real redis-server behind them (sessions, cache and rate limits on).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const MODEL = 'xiaoai-conversation-llm';
/** Words only the prompts hold, and words only the answers hold: no export may carry either. */
const PROMPT = 'zephyrquill marigoldsecret';
const ANSWER = 'lanternwhisper obsidianreply';
/** What Prometheus sends when it scrapes (2.x). */
const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

interface RuntimeProcess {
  readonly url: string;
  readonly address: string;
  output(): string;
  /** SIGTERM; resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/** The port of the runtime's `listening` log line, 0 until it is written. */
function listeningPort(output: string): number {
  for (const line of output.split('\n')) {
    if (!line.includes('"listening"')) continue;
    try {
      const fields = JSON.parse(line) as { msg?: string; port?: number };
      if (fields.msg === 'listening' && typeof fields.port === 'number') return fields.port;
    } catch {
      // a partial line: read again on the next poll
    }
  }
  return 0;
}

async function spawnRuntime(env: Record<string, string>): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      // The port the runtime binds is read from its `listening` line: no window for another process to take it.
      PORT: '0',
      AGENT: 'xiaoai',
      MODEL,
      MODEL_VERSION: 'v2',
      ENGINE_MODEL: 'stub-model',
      ENGINE_MAX_RETRIES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  let port = 0;
  try {
    await waitFor(
      async () => {
        if (exitCode !== undefined) throw new Error(`the runtime process exited with ${exitCode}`);
        if (port === 0) port = listeningPort(output);
        return (
          port !== 0 &&
          (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200
        );
      },
      { timeoutMs: 45_000, intervalMs: 100, description: 'the runtime process to be ready' },
    );
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\noutput:\n${output}`, { cause: error });
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    address: `127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A W3C `traceparent` of a sampled client span, and its ids. */
function clientTraceparent(): { header: string; traceId: string; spanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${spanId}-01`, traceId, spanId };
}

async function post(
  rt: RuntimeProcess,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  path = '/v1/chat/completions',
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${rt.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const ask = (extra: Record<string, unknown> = {}) => ({
  model: MODEL,
  messages: [{ role: 'user', content: PROMPT }],
  ...extra,
});

/** The spans of `traceId` once every name in `names` has arrived. */
function spansOf(receiver: OtlpReceiver, traceId: string, names: readonly string[]): Promise<ReceivedSpan[]> {
  return waitFor(
    () => {
      const spans = receiver.trace(traceId);
      return names.every((name) => spans.some((s) => s.name === name)) && spans;
    },
    { description: `spans ${names.join(', ')} of trace ${traceId}` },
  );
}

function one(spans: readonly ReceivedSpan[], name: string): ReceivedSpan {
  const found = spans.filter((s) => s.name === name);
  expect(found.map((s) => s.name)).toEqual([name]);
  return found[0] as ReceivedSpan;
}

/** The value of an unlabelled-but-default-labelled counter in a text exposition. */
async function counter(rt: RuntimeProcess, name: string): Promise<number> {
  const text = await (await fetch(`${rt.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1));
}

let receiver: OtlpReceiver;
let stub: StubEngine;
let redis: RedisServer;
let traced: RuntimeProcess;

beforeAll(async () => {
  [receiver, stub, redis] = await Promise.all([
    OtlpReceiver.start(),
    StubEngine.start({ reply: ANSWER }),
    RedisServer.start(),
  ]);
  traced = await spawnRuntime({
    ENGINE_BASE_URL: stub.baseUrl,
    REDIS_MODE: 'standalone',
    REDIS_URL: redis.url,
    RATE_LIMIT_RPS: '1000',
    CACHE_TTL_SECONDS: '60',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: 'xiaoai',
    OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=suoke-ai',
    OTEL_BSP_SCHEDULE_DELAY: '20',
  });
}, 60_000);

afterAll(async () => {
  await traced?.stop();
  await Promise.all([receiver?.close(), stub?.close(), redis?.dispose()]);
});

describe('runtime tracing (real processes, OTLP/JSON)', () => {
  it('joins the caller’s trace: server span → engine span (whose traceparent the engine got) and Redis spans', async () => {
    const parent = clientTraceparent();
    const answer = await post(traced, ask({ max_tokens: 64, temperature: 0.7 }), {
      traceparent: parent.header,
      'x-session-id': 'traced-session-1',
      'x-request-id': 'traced-complete-1',
    });
    expect(answer.status).toBe(200);
    const usage = (JSON.parse(answer.text) as { usage: { prompt_tokens: number; completion_tokens: number } })
      .usage;
    const spans = await spansOf(receiver, parent.traceId, [
      `chat ${MODEL}`,
      'chat stub-model',
      'redis rate_limit',
      'redis session.load',
      'redis session.save',
    ]);
    expect(spans).toHaveLength(5);

    const server = one(spans, `chat ${MODEL}`);
    expect(server).toMatchObject({ kind: 'SERVER', parentSpanId: parent.spanId, status: 'UNSET' });
    expect(server.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.request.max_tokens': 64,
      'gen_ai.request.temperature': 0.7,
      'gen_ai.response.model': MODEL,
      'gen_ai.usage.input_tokens': usage.prompt_tokens,
      'gen_ai.usage.output_tokens': usage.completion_tokens,
      'gen_ai.response.finish_reasons': ['stop'],
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': 200,
      traffic: 'live',
    });
    expect(server.resource).toMatchObject({
      'service.name': 'xiaoai',
      'service.version': 'v2',
      'ai.suoke.agent': 'xiaoai',
      'ai.suoke.model': MODEL,
      'ai.suoke.version': 'v2',
      'k8s.namespace.name': 'suoke-ai',
    });

    const engine = one(spans, 'chat stub-model');
    expect(engine).toMatchObject({ kind: 'CLIENT', parentSpanId: server.spanId });
    expect(engine.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'stub-model',
      'gen_ai.response.model': 'stub-model',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.output_tokens': usage.completion_tokens,
      'server.address': '127.0.0.1',
      'server.port': stub.port,
    });
    const engineRequest = stub.requests.find((r) => r.headers['x-request-id'] === 'traced-complete-1');
    expect(engineRequest?.headers.traceparent).toBe(`00-${parent.traceId}-${engine.spanId}-01`);

    for (const name of ['redis rate_limit', 'redis session.load', 'redis session.save']) {
      const span = one(spans, name);
      expect([name, span.kind, span.parentSpanId, span.attributes['db.system.name']]).toEqual([
        name,
        'CLIENT',
        server.spanId,
        'redis',
      ]);
    }
  });

  it('traces a streamed answer, with the time to its first token as an event', async () => {
    const parent = clientTraceparent();
    const answer = await post(traced, ask({ stream: true }), {
      traceparent: parent.header,
      'x-request-id': 'traced-stream-1',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('data: [DONE]');
    const spans = await spansOf(receiver, parent.traceId, [
      `chat ${MODEL}`,
      'chat stub-model',
      'redis rate_limit',
    ]);
    expect(spans).toHaveLength(3);
    const server = one(spans, `chat ${MODEL}`);
    expect(server.attributes).toMatchObject({
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.output_tokens': ANSWER.split(' ').length,
      'http.response.status_code': 200,
    });
    expect(server.events).toEqual([
      {
        name: 'gen_ai.first_token',
        attributes: { 'gen_ai.response.time_to_first_chunk': expect.any(Number) },
      },
    ]);
    expect(server.events[0]?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
    const engine = one(spans, 'chat stub-model');
    expect(engine.parentSpanId).toBe(server.spanId);
    expect(engine.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    const engineRequest = stub.requests.find((r) => r.headers['x-request-id'] === 'traced-stream-1');
    expect(engineRequest?.headers.traceparent).toBe(`00-${parent.traceId}-${engine.spanId}-01`);
  });

  it('shows a cache miss with the engine call and the store, and a hit with neither', async () => {
    const miss = clientTraceparent();
    const hit = clientTraceparent();
    const body = ask({ temperature: 0, seed: 7 });
    expect((await post(traced, body, { traceparent: miss.header })).status).toBe(200);
    const missSpans = await spansOf(receiver, miss.traceId, [
      `chat ${MODEL}`,
      'redis cache.get',
      'chat stub-model',
      'redis cache.set',
    ]);
    expect(one(missSpans, `chat ${MODEL}`).attributes['ai.suoke.cache.result']).toBe('miss');

    expect((await post(traced, body, { traceparent: hit.header })).status).toBe(200);
    const hitSpans = await spansOf(receiver, hit.traceId, [`chat ${MODEL}`, 'redis cache.get']);
    const server = one(hitSpans, `chat ${MODEL}`);
    expect(server.attributes).toMatchObject({
      'ai.suoke.cache.result': 'hit',
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(hitSpans.map((s) => s.name).sort()).toEqual([
      `chat ${MODEL}`,
      'redis cache.get',
      'redis rate_limit',
    ]);
  });

  it('starts a trace of its own for a caller without traceparent, on the Responses API too', async () => {
    const answer = await post(traced, { model: MODEL, input: PROMPT }, {}, '/v1/responses');
    expect(answer.status).toBe(200);
    const server = await waitFor(
      () => receiver.spans.find((s) => s.kind === 'SERVER' && s.attributes['http.route'] === '/v1/responses'),
      { description: 'the server span of the /v1/responses request' },
    );
    expect(server).toMatchObject({ name: `chat ${MODEL}`, parentSpanId: undefined });
    const engine = await spansOf(receiver, server.traceId, ['chat stub-model']);
    expect(one(engine, 'chat stub-model').parentSpanId).toBe(server.spanId);
  });

  it('marks the server and engine spans failed when the engine fails', async () => {
    stub.set({ failRate: 1, failStatus: 500 });
    const parent = clientTraceparent();
    try {
      const answer = await post(traced, ask(), { traceparent: parent.header });
      expect(answer.status).toBe(502);
    } finally {
      stub.set({ failRate: 0 });
    }
    const spans = await spansOf(receiver, parent.traceId, [`chat ${MODEL}`, 'chat stub-model']);
    const server = one(spans, `chat ${MODEL}`);
    expect(server).toMatchObject({ status: 'ERROR' });
    expect(server.attributes).toMatchObject({
      'http.response.status_code': 502,
      'error.type': 'engine_error',
    });
    expect(one(spans, 'chat stub-model')).toMatchObject({
      status: 'ERROR',
      attributes: expect.objectContaining({ 'error.type': 'engine_error' }),
    });
  });

  it('exports no prompt or completion text, unless LOG_CONTENT=true', async () => {
    const bodies = receiver.exports.map((e) => e.body).join('\n');
    expect(receiver.exports.length).toBeGreaterThan(0);
    for (const word of [...PROMPT.split(' '), ...ANSWER.split(' ')])
      expect([word, bodies.includes(word)]).toEqual([word, false]);

    const contentReceiver = await OtlpReceiver.start();
    const logsContent = await spawnRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      LOG_CONTENT: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: contentReceiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '20',
    });
    try {
      const parent = clientTraceparent();
      expect((await post(logsContent, ask(), { traceparent: parent.header })).status).toBe(200);
      const server = one(await spansOf(contentReceiver, parent.traceId, [`chat ${MODEL}`]), `chat ${MODEL}`);
      expect(JSON.parse(String(server.attributes['gen_ai.input.messages']))).toEqual([
        { role: 'user', parts: [{ type: 'text', content: PROMPT }] },
      ]);
      expect(JSON.parse(String(server.attributes['gen_ai.output.messages']))).toEqual([
        { role: 'assistant', parts: [{ type: 'text', content: ANSWER }] },
      ]);
    } finally {
      await logsContent.stop();
      await contentReceiver.close();
    }
  });

  it('puts the trace id on the latency buckets as an exemplar, in OpenMetrics only', async () => {
    const parent = clientTraceparent();
    expect((await post(traced, ask({ stream: true }), { traceparent: parent.header })).status).toBe(200);
    await spansOf(receiver, parent.traceId, [`chat ${MODEL}`]);
    const exported = new Set(receiver.spans.filter((s) => s.kind === 'SERVER').map((s) => s.traceId));

    const scrape = await fetch(`${traced.url}/metrics`, { headers: { accept: PROMETHEUS_ACCEPT } });
    expect(scrape.headers.get('content-type')).toBe(
      'application/openmetrics-text; version=1.0.0; charset=utf-8',
    );
    const openMetrics = await scrape.text();
    expect(openMetrics.endsWith('# EOF\n')).toBe(true);
    const exemplarsOf = (name: string) =>
      [
        ...openMetrics.matchAll(
          new RegExp(`^${name}_bucket\\{[^}]*\\} \\d+ # \\{trace_id="([0-9a-f]{32})"\\}`, 'gm'),
        ),
      ].map((m) => m[1] as string);
    expect(exemplarsOf('ai_inference_request_duration_seconds')).toContain(parent.traceId);
    expect(exemplarsOf('ai_inference_time_to_first_token_seconds')).toContain(parent.traceId);
    for (const id of exemplarsOf('ai_inference_request_duration_seconds'))
      expect(exported.has(id)).toBe(true);

    // The text format, asked for or by default, is what it was: no exemplars, counters named as ever.
    const text = await (await fetch(`${traced.url}/metrics`)).text();
    expect(text).not.toContain('# {');
    expect(text).toMatch(/^ai_inference_requests_total\{/m);
    expect(text).toMatch(/^# TYPE ai_inference_requests_total counter$/m);
  });

  it('is read by a real Prometheus in OpenMetrics, exemplars stored', async () => {
    const prometheus = await PrometheusServer.start({
      targets: [{ address: traced.address }],
      features: ['exemplar-storage'],
    });
    try {
      const parent = clientTraceparent();
      // Scraped once before the request, so the exemplar is new to Prometheus when it comes.
      await waitFor(
        async () => ((await prometheus.query('ai_inference_requests_total')) as unknown[]).length > 0,
        {
          timeoutMs: 20_000,
          description: 'the first scrape',
        },
      );
      expect((await post(traced, ask(), { traceparent: parent.header })).status).toBe(200);
      const stored = await waitFor(
        async () => {
          const end = Date.now() / 1000;
          const response = await fetch(
            `${prometheus.url}/api/v1/query_exemplars?query=ai_inference_request_duration_seconds_bucket&start=${end - 300}&end=${end + 60}`,
          );
          const body = (await response.json()) as {
            data?: { exemplars: { labels: { trace_id?: string } }[] }[];
          };
          const ids = (body.data ?? []).flatMap((series) => series.exemplars.map((e) => e.labels.trace_id));
          return ids.includes(parent.traceId) && ids;
        },
        { timeoutMs: 20_000, description: 'the exemplar of the request in Prometheus' },
      );
      expect(stored).toContain(parent.traceId);
    } finally {
      await prometheus.dispose();
    }
  });
});

describe('runtime tracing: the collector never holds up a request', () => {
  it('answers the same with an unreachable collector, and counts the spans it dropped', async () => {
    const closed = await freePort();
    const [untraced, unreachable] = await Promise.all([
      spawnRuntime({ ENGINE_BASE_URL: stub.baseUrl }),
      spawnRuntime({
        ENGINE_BASE_URL: stub.baseUrl,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${closed}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: '20',
        OTEL_BSP_EXPORT_TIMEOUT: '1000',
      }),
    ]);
    try {
      const comparable = (text: string) => {
        const { id: _id, created: _created, ...rest } = JSON.parse(text) as Record<string, unknown>;
        return rest;
      };
      for (const stream of [false, true]) {
        const [off, on] = [await post(untraced, ask({ stream })), await post(unreachable, ask({ stream }))];
        expect(on.status).toBe(off.status);
        if (!stream) expect(comparable(on.text)).toEqual(comparable(off.text));
        else
          expect(on.text.replace(/"(id|created)":("[^"]*"|\d+)/g, '')).toBe(
            off.text.replace(/"(id|created)":("[^"]*"|\d+)/g, ''),
          );
      }
      // Two requests of two spans each (server, engine): all four lost, and said so once.
      await waitFor(async () => (await counter(unreachable, 'ai_tracing_spans_dropped_total')) === 4, {
        timeoutMs: 20_000,
        description: 'ai_tracing_spans_dropped_total to count the 4 spans',
      });
      expect(unreachable.output().match(/trace export failing/g)).toHaveLength(1);
      expect(await counter(untraced, 'ai_tracing_spans_dropped_total')).toBe(0);
    } finally {
      await Promise.all([untraced.stop(), unreachable.stop()]);
    }
  });

  it('drops the spans a full export queue cannot hold, and counts exactly those', async () => {
    const slow = await OtlpReceiver.start();
    const rt = await spawnRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      RATE_LIMIT_RPS: '1000',
      OTEL_EXPORTER_OTLP_ENDPOINT: slow.url,
      OTEL_BSP_MAX_QUEUE_SIZE: '1',
      OTEL_BSP_SCHEDULE_DELAY: '20',
    });
    try {
      slow.hang();
      // Five spans (rate limit, session load, engine, session save, server): the first is being
      // exported (and the collector does not answer), the second waits in the queue of one.
      const answer = await post(rt, ask(), { 'x-session-id': 'full-queue-1' });
      expect(answer.status).toBe(200);
      await waitFor(async () => (await counter(rt, 'ai_tracing_spans_dropped_total')) === 3, {
        description: '3 spans dropped',
      });
      expect(slow.requests).toBe(1);
      slow.answer();
      await waitFor(() => slow.spans.length === 2, { description: 'the 2 queued spans to be exported' });
      expect(slow.spans.map((s) => s.name)).toEqual(['redis rate_limit', 'redis session.load']);
    } finally {
      await rt.stop();
      await slow.close();
    }
  });

  it('drains within its bound when the collector takes exports and never answers', async () => {
    const silent = await OtlpReceiver.start();
    silent.hang();
    // Default export timeouts (30 s, the exporter's 10 s): only the drain's own bound ends the wait.
    const rt = await spawnRuntime({ ENGINE_BASE_URL: stub.baseUrl, OTEL_EXPORTER_OTLP_ENDPOINT: silent.url });
    try {
      expect((await post(rt, ask())).status).toBe(200);
      const stopping = Date.now();
      expect(await rt.stop()).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(6_000);
      // The queued spans were offered to the collector on the way out.
      expect(silent.requests).toBeGreaterThanOrEqual(1);
      expect(rt.output()).toContain('drained; exiting');
    } finally {
      await rt.stop();
      await silent.close();
    }
  });

  it('sends nothing with tracing off, not even the caller’s traceparent to the engine', async () => {
    const idle = await OtlpReceiver.start();
    const rt = await spawnRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: idle.url,
      OTEL_SDK_DISABLED: 'true',
      OTEL_BSP_SCHEDULE_DELAY: '20',
    });
    try {
      const parent = clientTraceparent();
      for (const stream of [false, true]) {
        const id = `untraced-${String(stream)}`;
        expect(
          (await post(rt, ask({ stream }), { traceparent: parent.header, 'x-request-id': id })).status,
        ).toBe(200);
        const engineRequest = stub.requests.find((r) => r.headers['x-request-id'] === id);
        expect(engineRequest).toBeDefined();
        expect(engineRequest?.headers.traceparent).toBeUndefined();
      }
      // A drain flushes whatever spans there are: after it, none can still be on their way.
      expect(await rt.stop()).toBe(0);
      expect(idle.requests).toBe(0);
      expect(await counter(traced, 'ai_tracing_spans_dropped_total')).toBe(0);
    } finally {
      await rt.stop();
      await idle.close();
    }
  });
});
