/**
 * What Grafana does with a dashboard's Prometheus queries before it sends them: the panels (rows
 * flattened), the dashboard's query variables resolved in order through `label_values()`, and every
 * `$variable` of an expression filled in the way Grafana fills it. Anything it does not know how to
 * fill is reported, never passed through, so a new variable or function is noticed by the tests.
 */
import type { PrometheusApi, TimeRange } from './prometheus-api.js';

/** One query of a panel. */
export interface PanelTarget {
  readonly refId: string;
  readonly expr: string;
  /** Grafana sends an instant query instead of a range query. @default false */
  readonly instant?: boolean;
  readonly range?: boolean;
}

export interface Panel {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly targets?: readonly PanelTarget[];
  /** The panels of a collapsed row. */
  readonly panels?: readonly Panel[];
}

interface Variable {
  readonly name: string;
  readonly type: string;
  readonly query?: string | { readonly query: string };
  readonly multi?: boolean;
  readonly includeAll?: boolean;
  readonly allValue?: string;
}

export interface Dashboard {
  readonly panels: readonly Panel[];
  readonly templating?: { readonly list: readonly Variable[] };
}

/** Every panel that shows data, rows flattened (a row itself queries nothing). */
export function dataPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.flatMap((p) => (p.type === 'row' ? [...(p.panels ?? [])] : [p]));
}

/** Grafana's template-variable syntax: `$name`, `[[name]]`, `${name}` (with `.field` or `:format`). */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** The result of filling a query's variables. */
export interface Interpolated {
  readonly expr: string;
  /** Variables it names that have no value (left in the expression as they were). */
  readonly unknown: readonly string[];
}

/** Fills every variable of `expr` that `values` holds and reports the others. */
export function interpolate(expr: string, values: ReadonlyMap<string, string>): Interpolated {
  const unknown: string[] = [];
  const filled = expr.replace(VARIABLE, (match, ...groups: (string | undefined)[]) => {
    const name = groups[0] ?? groups[1] ?? groups[3] ?? '';
    const format = groups[2] ?? groups[5];
    const value = values.get(name);
    if (value === undefined || format !== undefined || groups[4] !== undefined) {
      unknown.push(match);
      return match;
    }
    return value;
  });
  return { expr: filled, unknown };
}

/**
 * Grafana's Prometheus regex escaping of a variable value (prometheusSpecialRegexEscape): the value
 * goes inside a PromQL string used as a regular expression.
 */
function regexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&');
}

/**
 * How Grafana writes the values of a multi-value (or "All") variable into a Prometheus query:
 * each regex-escaped, `(a|b)` for several, the value itself for one.
 */
export function multiValue(values: readonly string[]): string {
  const escaped = values.map(regexEscape);
  return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
}

/** `label_values(metric{…}, label)` or `label_values(label)`. */
const LABEL_VALUES = /^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$/;

/** One variable, resolved: the values Grafana lists for it (its "All"). */
export interface ResolvedVariable {
  readonly name: string;
  readonly query: string;
  readonly values: readonly string[];
}

/**
 * Resolves the dashboard's variables in order, each query filled with the values of the ones
 * before it, and selects "All" of each, as a dashboard opened with its defaults does. The
 * datasource variable is left out (it picks the datasource, it is not part of any query); a variable
 * of any other kind, a query other than `label_values()`, or one that lists nothing, throws.
 */
export async function resolveVariables(
  dashboard: Dashboard,
  prometheus: PrometheusApi,
  range: TimeRange,
): Promise<{ values: Map<string, string>; variables: ResolvedVariable[] }> {
  const values = new Map<string, string>();
  const variables: ResolvedVariable[] = [];
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type === 'datasource') continue;
    if (variable.type !== 'query') {
      throw new Error(
        `dashboard variable '${variable.name}' is of type '${variable.type}', which is not filled`,
      );
    }
    const raw = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
    const { expr: query, unknown } = interpolate(raw, values);
    if (unknown.length > 0) {
      throw new Error(
        `dashboard variable '${variable.name}' query ${raw} uses unknown ${unknown.join(', ')}`,
      );
    }
    const parsed = LABEL_VALUES.exec(query);
    if (parsed === null) {
      throw new Error(`dashboard variable '${variable.name}' query ${query} is not label_values(…)`);
    }
    const listed = await prometheus.labelValues(parsed[2]!, parsed[1], range);
    if (listed.length === 0) {
      throw new Error(`dashboard variable '${variable.name}' lists no values: ${query}`);
    }
    const all =
      variable.includeAll === true && variable.allValue !== undefined ? variable.allValue : undefined;
    values.set(
      variable.name,
      all ?? (variable.multi === true || variable.includeAll === true ? multiValue(listed) : listed[0]!),
    );
    variables.push({ name: variable.name, query, values: listed });
  }
  return { values, variables };
}

/**
 * Grafana's built-in time variables for a panel drawn over `range` with one point per
 * `intervalSeconds` (`$__interval`, which Grafana never sets below the datasource's scrape interval):
 * `$__rate_interval` is max(4 × scrape interval, `$__interval` + scrape interval), and `$__range`
 * the whole range in seconds.
 */
export function timeVariables(
  range: TimeRange,
  intervalSeconds: number,
  scrapeIntervalSeconds: number,
): Map<string, string> {
  const rate = Math.max(4 * scrapeIntervalSeconds, intervalSeconds + scrapeIntervalSeconds);
  return new Map([
    ['__interval', `${intervalSeconds}s`],
    ['__rate_interval', `${rate}s`],
    ['__range', `${Math.round((range.endMs - range.startMs) / 1000)}s`],
  ]);
}
