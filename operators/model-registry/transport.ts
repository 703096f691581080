/**
 * HTTP(S) requests to registries over Node's own `http`/`https`, so `spec.tls` maps one to one onto
 * TLS options (a CA bundle added to the system trust store, or verification off when `insecure`).
 * Every request has a timeout and a response size cap; network errors are classified into the
 * `FailureKind`s the reconciler reports, and never thrown.
 */
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { FailureKind, RegistryFailure } from './registry-client.js';

/** Largest response body read, in bytes; a registry answering more is misbehaving. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface TransportOptions {
  /** @default none */
  readonly caBundle?: string;
  /** @default false */
  readonly insecure?: boolean;
  /** @default 10_000 */
  readonly timeoutMs?: number;
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly url: URL;
  /** @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export type HttpResult =
  | { readonly ok: true; readonly response: HttpResponse }
  | { readonly ok: false; readonly failure: RegistryFailure };

export class Transport {
  private readonly timeoutMs: number;
  private readonly ca: string[] | undefined;
  private readonly insecure: boolean;

  constructor(options: TransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    // Node's `ca` replaces the default trust store; keep the public roots so a registry with a public
    // certificate still works when a private CA is added for a mirror.
    this.ca = options.caBundle ? [...rootCertificates, options.caBundle] : undefined;
    this.insecure = options.insecure ?? false;
  }

  /** Sends one request; resolves with the response (any status) or a classified network failure. */
  send(req: HttpRequest): Promise<HttpResult> {
    const target = `${req.method} ${redact(req.url)}`;
    return new Promise<HttpResult>((resolve) => {
      let settled = false;
      const settle = (r: HttpResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['Content-Length'] = Buffer.byteLength(req.body);
      const isHttps = req.url.protocol === 'https:';
      const options: https.RequestOptions = {
        method: req.method,
        headers,
        ...(isHttps ? { ca: this.ca, rejectUnauthorized: !this.insecure } : {}),
      };
      const request = (isHttps ? https : http).request(req.url, options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            request.destroy();
            settle(fail('protocol', `${target}: answer larger than ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (err) => settle(classify(err, target, this.timeoutMs)));
        res.on('end', () =>
          settle({
            ok: true,
            response: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) },
          }),
        );
      });
      // One deadline for the whole exchange (connect, TLS, headers and body), not per socket event.
      const timer = setTimeout(() => {
        request.destroy();
        settle(fail('timeout', `${target}: no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const onAbort = (): void => {
        request.destroy();
        settle(fail('network', `${target}: cancelled`));
      };
      if (req.signal?.aborted) return onAbort();
      req.signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (err) => settle(classify(err, target, this.timeoutMs)));
      if (req.body !== undefined) request.write(req.body);
      request.end();
    });
  }
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;

function classify(err: NodeJS.ErrnoException, target: string, timeoutMs: number): HttpResult {
  const code = err.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return fail('dns', `${target}: host name does not resolve (${code}); check spec.url`);
  }
  if (code === 'ECONNREFUSED') {
    return fail(
      'connection-refused',
      `${target}: connection refused; is the registry running at this address?`,
    );
  }
  if (code === 'ETIMEDOUT') return fail('timeout', `${target}: no answer within ${timeoutMs} ms`);
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(err.message)) {
    return fail(
      'tls',
      `${target}: TLS failed: ${err.message}; set spec.tls.caBundle to the registry's CA (or use http:// if it serves plain HTTP)`,
    );
  }
  return fail('network', `${target}: ${err.message}${code ? ` (${code})` : ''}`);
}

function fail(kind: FailureKind, message: string): HttpResult {
  return { ok: false, failure: { kind, message } };
}

/** The URL without user info or query (tokens may travel in either); safe for status and logs. */
export function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** A failure for an HTTP answer that is not a success, by status. */
export function statusFailure(status: number, target: string, detail = ''): RegistryFailure {
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: `${target}: 401 Unauthorized${suffix}; check the credentials in the Secret named by spec.auth.secretRef`,
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      message: `${target}: 403 Forbidden${suffix}; the credentials are valid but lack read access`,
    };
  }
  if (status === 404) return { kind: 'not-found', status, message: `${target}: 404 Not Found${suffix}` };
  if (status === 429)
    return { kind: 'rate-limited', status, message: `${target}: 429 Too Many Requests${suffix}` };
  if (status >= 500)
    return { kind: 'server-error', status, message: `${target}: ${status} server error${suffix}` };
  return { kind: 'protocol', status, message: `${target}: unexpected status ${status}${suffix}` };
}

/** Parses a JSON body, or returns a protocol failure naming what was expected. */
export function parseJson(
  body: Buffer,
  target: string,
): { ok: true; value: unknown } | { ok: false; failure: RegistryFailure } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false, failure: { kind: 'protocol', message: `${target}: answer is not JSON` } };
  }
}

/** `Authorization` header value for basic or bearer credentials (undefined for none). */
export function authorizationFor(
  credentials:
    | { type: 'none' }
    | { type: 'basic'; username: string; password: string }
    | { type: 'bearer'; token: string },
): string | undefined {
  if (credentials.type === 'basic') {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }
  if (credentials.type === 'bearer') return `Bearer ${credentials.token}`;
  return undefined;
}
