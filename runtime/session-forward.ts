import {
  Agent,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { pipeline } from 'node:stream/promises';

/** Set on a forwarded turn: the version it is pinned to. Only runtimes send it (an AuthorizationPolicy enforces that in the mesh). */
export const SESSION_VERSION_HEADER = 'x-suoke-session-version';
/** Every answer of a runtime carries its version, so a forwarder knows a runtime answered. */
export const SERVED_BY_HEADER = 'x-suoke-served-by';

/** Headers of one connection, not of the request (RFC 9110 §7.6.1), never passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Where and how long: the model's own Service, and the time a forward may take to its headers. */
export interface ForwardTarget {
  /** `SESSION_FORWARD_URL`, without a trailing slash. */
  readonly url: string;
  /** `SESSION_FORWARD_TIMEOUT_MS` */
  readonly timeoutMs: number;
}

/** One turn to forward. */
export interface ForwardCall {
  readonly req: IncomingMessage;
  /** Where the answer goes, as it comes. */
  readonly res: ServerResponse;
  /** The body, read once (it cannot be read again if the forward fails and the turn is served here). */
  readonly body: Buffer;
  /** The version the session is pinned to. */
  readonly version: string;
  readonly requestId: string;
  /** Aborted when the client leaves or the drain deadline passes: the forward is cut. */
  readonly signal: AbortSignal;
}

/** How a forward went. */
export type ForwardResult =
  | {
      /** A runtime answered: its status and headers were written, its body piped. */
      readonly answered: true;
      readonly status: number;
      /** Time to the pinned runtime's response headers (milliseconds). */
      readonly headersMs: number;
      /** False when the answer broke off (either side went away) before its end. */
      readonly complete: boolean;
    }
  | {
      /** Nothing was written to the client: the turn can be served here. */
      readonly answered: false;
      /** Why, for the log line: no connection, no headers in time, or not a runtime that answered. */
      readonly reason: string;
    };

/**
 * Sends a turn once to the pinned version through the model's own Service (the mesh routes it by
 * `x-suoke-session-version`) and pipes the answer back as it comes, streams unbuffered. The request
 * goes as it came (method, path, body, headers with the hop-by-hop ones removed), credentials
 * included, so the pinned runtime authenticates it itself. A forward that fails before anything
 * was written (connect error, no headers within the timeout, an answer without `x-suoke-served-by`
 * such as a sidecar's 503) reports it and writes nothing, so the caller can serve the turn itself.
 */
export class SessionForwarder {
  /** Kept-alive connections to the Service: a forwarded turn must not pay a TCP handshake. */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly target: ForwardTarget) {}

  forward(call: ForwardCall): Promise<ForwardResult> {
    const started = performance.now();
    const url = new URL(call.req.url ?? '/', `${this.target.url}/`);
    return new Promise<ForwardResult>((resolve) => {
      let settled = false;
      const settle = (result: ForwardResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        call.signal.removeEventListener('abort', onAbort);
        resolve(result);
      };
      const upstream = request(url, {
        method: call.req.method ?? 'POST',
        headers: forwardedHeaders(call, url.host),
        agent: this.agent,
      });
      const timer = setTimeout(() => {
        upstream.destroy();
        settle({ answered: false, reason: `no response headers within ${this.target.timeoutMs} ms` });
      }, this.target.timeoutMs);
      const onAbort = (): void => {
        upstream.destroy();
        settle({ answered: false, reason: 'client gone' });
      };
      call.signal.addEventListener('abort', onAbort, { once: true });
      upstream.on('error', (error) => settle({ answered: false, reason: error.message }));
      upstream.on('response', (answer) => {
        if (settled) {
          answer.destroy();
          return;
        }
        if (answer.headers[SERVED_BY_HEADER] === undefined) {
          answer.resume();
          settle({
            answered: false,
            reason: `answer without ${SERVED_BY_HEADER} (status ${answer.statusCode})`,
          });
          return;
        }
        clearTimeout(timer);
        const headersMs = performance.now() - started;
        const status = answer.statusCode ?? 502;
        call.res.writeHead(status, answeredHeaders(answer.headers));
        // The client leaving destroys `res`, which ends the pipeline and destroys `answer` with it.
        call.signal.removeEventListener('abort', onAbort);
        settled = true;
        pipeline(answer, call.res).then(
          () => resolve({ answered: true, status, headersMs, complete: true }),
          () => resolve({ answered: true, status, headersMs, complete: false }),
        );
      });
      upstream.end(call.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The client's headers for the pinned runtime, less the hop-by-hop ones, plus the pin. */
function forwardedHeaders(call: ForwardCall, host: string): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const named = connectionNamed(call.req.headers);
  for (const [name, value] of Object.entries(call.req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    headers[name] = value;
  }
  headers.host = host;
  headers['content-length'] = call.body.length;
  headers['x-request-id'] = call.requestId;
  headers[SESSION_VERSION_HEADER] = call.version;
  return headers;
}

/** The pinned runtime's answer headers, less the hop-by-hop ones (Node sets its own framing). */
function answeredHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const named = connectionNamed(headers);
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** Headers a `Connection` header names are hop-by-hop too. */
function connectionNamed(headers: IncomingHttpHeaders): Set<string> {
  const connection = headers.connection;
  if (connection === undefined) return new Set();
  return new Set(
    connection
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}
