import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** An attribute value as OTLP/JSON carries it, decoded. */
export type AttributeValue = string | number | boolean | AttributeValue[] | { [key: string]: AttributeValue };

/** One span as a collector received it: ids in hex, attributes flattened to plain values. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Undefined for a root span. */
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly events: readonly {
    readonly name: string;
    readonly attributes: Readonly<Record<string, AttributeValue>>;
  }[];
  readonly status: 'UNSET' | 'OK' | 'ERROR';
  /** The resource of the process that sent it (service.name, ...). */
  readonly resource: Readonly<Record<string, AttributeValue>>;
  /** The instrumentation scope's name. */
  readonly scope: string;
}

/** One POST /v1/traces as received. */
export interface ReceivedExport {
  readonly headers: IncomingHttpHeaders;
  /** The body as sent, for searching what a span must never contain. */
  readonly body: string;
}

const KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
const STATUSES = ['UNSET', 'OK', 'ERROR'] as const;

/**
 * A stand-in OpenTelemetry collector: `POST /v1/traces` with OTLP/JSON bodies (what
 * @opentelemetry/exporter-trace-otlp-http sends), decoded into spans (resourceSpans → scopeSpans →
 * spans). Listens on a free loopback port; answers 200 `{}` like a collector that took everything.
 * `hang()` makes it a collector that stops answering: requests are taken and left waiting (and not
 * recorded) until `answer()`. `GET /stats` answers `{requests, spans}` (for a receiver run as its own
 * process).
 */
export class OtlpReceiver {
  /** The export requests answered, with their bodies (unless started with `keep: false`). */
  readonly exports: ReceivedExport[] = [];
  /** The spans received (unless started with `keep: false`). */
  readonly spans: ReceivedSpan[] = [];
  /** Export requests that arrived, answered or not. */
  requests = 0;
  /** Spans received, kept or not. */
  spanCount = 0;
  private waiting: (() => void)[] | undefined;

  private constructor(
    private readonly server: Server,
    private readonly keep: boolean,
  ) {}

  /** From now on requests wait, unanswered. */
  hang(): void {
    this.waiting ??= [];
  }

  /** Answers (and records) the requests that wait, and every later one at once. */
  answer(): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const respond of waiting) respond();
  }

  /**
   * Listens on 127.0.0.1 (`port` 0 = a free port). `keep: false` only counts what arrives, for
   * long runs under load.
   */
  static async start(
    options: { readonly port?: number; readonly keep?: boolean } = {},
  ): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server, options.keep ?? true);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method === 'GET' && req.url === '/stats') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ requests: receiver.requests, spans: receiver.spanCount }));
          return;
        }
        if (req.method !== 'POST' || req.url !== '/v1/traces') {
          res.writeHead(404).end();
          return;
        }
        receiver.requests += 1;
        if (receiver.waiting !== undefined) {
          receiver.waiting.push(() => receiver.take(req.headers, chunks, res));
          return;
        }
        receiver.take(req.headers, chunks, res);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return receiver;
  }

  /** Records one export request and answers it: 200, or 400 for a body that is no OTLP/JSON. */
  private take(headers: IncomingHttpHeaders, chunks: Buffer[], res: ServerResponse): void {
    const body = Buffer.concat(chunks).toString('utf8');
    let spans: ReceivedSpan[];
    try {
      spans = decodeExport(JSON.parse(body));
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `not OTLP/JSON: ${(error as Error).message}` }));
      return;
    }
    this.spanCount += spans.length;
    if (this.keep) {
      this.spans.push(...spans);
      this.exports.push({ headers, body });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }

  /** The OTLP base URL (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every span of one trace. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  /** Forgets what was received. */
  reset(): void {
    this.exports.length = 0;
    this.spans.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
interface OtlpAnyValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: string;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: OtlpKeyValue[];
  events?: { name: string; attributes?: OtlpKeyValue[] }[];
  status?: { code?: number };
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}

/** The spans of one OTLP/JSON export request. */
export function decodeExport(request: OtlpExport): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = flatten(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span): ReceivedSpan => ({
        traceId: hexId(span.traceId),
        spanId: hexId(span.spanId),
        parentSpanId: span.parentSpanId ? hexId(span.parentSpanId) : undefined,
        name: span.name,
        kind: KINDS[span.kind ?? 0] ?? 'UNSPECIFIED',
        attributes: flatten(span.attributes),
        events: (span.events ?? []).map((event) => ({
          name: event.name,
          attributes: flatten(event.attributes),
        })),
        status: STATUSES[span.status?.code ?? 0] ?? 'UNSET',
        resource,
        scope: scopeSpans.scope?.name ?? '',
      })),
    );
  });
}

function flatten(attributes: OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  return Object.fromEntries((attributes ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

function valueOf(value: OtlpAnyValue): AttributeValue {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(valueOf);
  if (value.kvlistValue !== undefined) return flatten(value.kvlistValue.values);
  return value.bytesValue ?? '';
}

/** OTLP/JSON writes ids in hex; some encoders use base64. Both come back as lowercase hex. */
function hexId(id: string): string {
  return /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

// Standalone: `tsx tests/support/otlp-receiver.ts [--port N]` counts what it receives (GET /stats) and
// keeps nothing; prints one JSON line `{"port":N,"url":"http://127.0.0.1:N"}` once listening, stops on
// SIGTERM/SIGINT.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--port');
  const port = at === -1 ? 0 : Number(process.argv[at + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('otlp-receiver: --port must be 0..65535');
  const receiver = await OtlpReceiver.start({ port, keep: false });
  const address = new URL(receiver.url);
  process.stdout.write(`${JSON.stringify({ port: Number(address.port), url: receiver.url })}\n`);
  const stop = (): void => void receiver.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
