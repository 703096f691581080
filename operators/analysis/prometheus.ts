/**
 * MetricsProvider over the Prometheus HTTP API (`GET /api/v1/query`, an instant query at the
 * server's now). Works with Prometheus, Thanos Query and anything else speaking that API.
 */
import { readFile } from 'node:fs/promises';
import {
  BadQueryError,
  HttpStatusError,
  MetricsUnreachableError,
  NoDataError,
  type MetricsError,
} from './errors.js';
import type { Measurement, MetricsProvider } from './provider.js';

export interface PrometheusProviderOptions {
  /** Base URL, e.g. `http://prometheus-operated.monitoring.svc:9090` (a path prefix is kept). */
  readonly url: string;
  /** Give up on a query after this long (milliseconds). @default 5000 */
  readonly timeoutMs?: number;
  /**
   * File holding a bearer token, read at every query so a rotated (projected) token is picked up.
   * @default no Authorization header
   */
  readonly bearerTokenFile?: string;
  /** HTTP client, for tests and proxies. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** Default query timeout (milliseconds). */
export const DefaultPrometheusTimeoutMs = 5_000;

interface ApiResponse {
  readonly status?: 'success' | 'error';
  readonly errorType?: string;
  readonly error?: string;
  readonly data?: { readonly resultType?: string; readonly result?: unknown };
}

export class PrometheusProvider implements MetricsProvider {
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: PrometheusProviderOptions) {
    try {
      this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    } catch (cause) {
      throw new Error(`prometheus url: '${options.url}' is not a URL; use e.g. http://prometheus:9090`, {
        cause,
      });
    }
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`prometheus url: '${options.url}' must use http or https`);
    }
    this.timeoutMs = options.timeoutMs ?? DefaultPrometheusTimeoutMs;
    if (!(this.timeoutMs > 0))
      throw new Error(`prometheus timeoutMs: ${this.timeoutMs} must be greater than 0`);
    this.fetchFn = options.fetch ?? globalThis.fetch;
  }

  async runQuery(query: string): Promise<Measurement> {
    try {
      return { query, value: await this.query(query) };
    } catch (error) {
      return { query, error: error as MetricsError };
    }
  }

  /** One value or a MetricsError (thrown here, caught by runQuery). */
  private async query(query: string): Promise<number> {
    const url = new URL('api/v1/query', this.base);
    url.searchParams.set('query', query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.bearerTokenFile !== undefined) headers.authorization = `Bearer ${await this.token()}`;

    let response: Response;
    try {
      response = await this.fetchFn(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError' || (cause as Error).name === 'AbortError';
      throw new MetricsUnreachableError(
        timedOut
          ? `Prometheus at ${this.base.origin} did not answer within ${this.timeoutMs} ms`
          : `Prometheus at ${this.base.origin} is unreachable: ${describe(cause)}`,
        { cause },
      );
    }
    const text = await response.text().catch(() => '');
    let body: ApiResponse | undefined;
    try {
      body = JSON.parse(text) as ApiResponse;
    } catch {
      body = undefined;
    }
    // Prometheus answers 400 (bad_data) for a syntax error and 422 (execution) for a failed evaluation.
    if (body?.status === 'error' && (response.status === 400 || response.status === 422)) {
      throw new BadQueryError(
        `Prometheus refused the query (${body.errorType ?? 'error'}): ${body.error ?? ''}`.trim(),
      );
    }
    if (!response.ok) {
      throw new HttpStatusError(
        `Prometheus at ${this.base.origin} answered HTTP ${response.status}${body?.error ? `: ${body.error}` : ''}`,
        response.status,
      );
    }
    if (body?.status !== 'success' || body.data === undefined) {
      throw new BadQueryError(`Prometheus answered HTTP ${response.status} without a query result`);
    }
    return singleValue(body.data);
  }

  private async token(): Promise<string> {
    const file = this.options.bearerTokenFile as string;
    try {
      return (await readFile(file, 'utf8')).trim();
    } catch (cause) {
      throw new MetricsUnreachableError(
        `cannot read the Prometheus bearer token file ${file}: ${describe(cause)}`,
        {
          cause,
        },
      );
    }
  }
}

/** Reads the one value out of a query result; more than one series is a query mistake. */
function singleValue(data: NonNullable<ApiResponse['data']>): number {
  const { resultType, result } = data;
  let raw: unknown;
  if (resultType === 'scalar') {
    raw = (result as [number, string])[1];
  } else if (resultType === 'vector') {
    const series = result as { value: [number, string] }[];
    if (series.length === 0) throw new NoDataError('the query returned no series');
    if (series.length > 1) {
      throw new BadQueryError(
        `the query returned ${series.length} series; aggregate it to one, e.g. with sum()`,
      );
    }
    raw = series[0]?.value[1];
  } else {
    throw new BadQueryError(
      `the query returned a ${resultType ?? 'unknown'} result; it must return one instant value`,
    );
  }
  const value = Number(raw);
  // NaN is what a ratio over zero traffic gives: there was nothing to measure.
  if (Number.isNaN(value)) throw new NoDataError('the query returned NaN (no traffic in the window?)');
  return value;
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
