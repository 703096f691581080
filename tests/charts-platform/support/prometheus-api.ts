/**
 * The parts of the Prometheus HTTP API that Grafana and the Prometheus Adapter call: instant and
 * range queries, series discovery and label values, each over a time range the caller fixes (so
 * every query of a test sees the same data).
 */

/** One series of a query result: its labels and its samples as `[unix seconds, "value"]`. */
export interface ResultSeries {
  readonly metric: Record<string, string>;
  readonly values: readonly (readonly [number, string])[];
}

/** A time range, in milliseconds since the epoch. */
export interface TimeRange {
  readonly startMs: number;
  readonly endMs: number;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export class PrometheusApi {
  constructor(readonly url: string) {}

  /** `/api/v1/query_range`: the series of `expr`, one sample per `stepSeconds`, as Grafana draws a panel. */
  async queryRange(expr: string, range: TimeRange, stepSeconds: number): Promise<ResultSeries[]> {
    const data = await this.get<{ resultType: string; result: ResultSeries[] }>('query_range', {
      query: expr,
      start: seconds(range.startMs),
      end: seconds(range.endMs),
      step: String(stepSeconds),
    });
    return data.result;
  }

  /** `/api/v1/query` at `atMs`: instant vectors and scalars, each as one series of one sample. */
  async queryInstant(expr: string, atMs: number): Promise<ResultSeries[]> {
    const data = await this.get<{ resultType: string; result: unknown }>('query', {
      query: expr,
      time: seconds(atMs),
    });
    if (data.resultType === 'scalar' || data.resultType === 'string') {
      return [{ metric: {}, values: [data.result as [number, string]] }];
    }
    return (data.result as { metric: Record<string, string>; value: [number, string] }[]).map((s) => ({
      metric: s.metric,
      values: [s.value],
    }));
  }

  /** `/api/v1/series`: label sets of the series `match` selects in `range` (the adapter's discovery). */
  async series(match: string, range: TimeRange): Promise<Record<string, string>[]> {
    return this.get<Record<string, string>[]>('series', {
      'match[]': match,
      start: seconds(range.startMs),
      end: seconds(range.endMs),
    });
  }

  /** `/api/v1/label/<label>/values`: what Grafana's `label_values(match, label)` lists. */
  async labelValues(label: string, match: string | undefined, range: TimeRange): Promise<string[]> {
    return this.get<string[]>(`label/${encodeURIComponent(label)}/values`, {
      ...(match === undefined ? {} : { 'match[]': match }),
      start: seconds(range.startMs),
      end: seconds(range.endMs),
    });
  }

  private async get<T>(endpoint: string, params: Record<string, string>): Promise<T> {
    const response = await fetch(`${this.url}/api/v1/${endpoint}?${new URLSearchParams(params)}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { status: string; data?: T; error?: string };
    if (body.status !== 'success' || body.data === undefined) {
      const what = params.query ?? params['match[]'] ?? endpoint;
      throw new Error(`prometheus /api/v1/${endpoint} refused ${what}: ${body.error ?? response.status}`);
    }
    return body.data;
  }
}

/** Whether a result holds a sample that is a number (not NaN, not ±Inf): data a panel can draw. */
export function hasFiniteSample(result: readonly ResultSeries[]): boolean {
  return result.some((s) => s.values.some(([, v]) => Number.isFinite(Number(v))));
}
