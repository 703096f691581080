/**
 * What the Prometheus Adapter does with one of its rules when an HPA asks for a pod metric: it
 * discovers series with the rule's `seriesQuery`, names the metric by `name.matches`/`as`, ties it
 * to Kubernetes resources by the `resources.overrides` labels, and fills the `metricsQuery` template
 * for the pods asked about.
 */
import type { AdapterRule } from '../../../charts-ts/constructs/monitoring.js';
import type { PrometheusApi, TimeRange } from './prometheus-api.js';

/** The series a rule discovers, as the adapter sees them. */
export interface Discovered {
  /** Names of the discovered series (`<<.Series>>`). */
  readonly seriesNames: readonly string[];
  /** Every discovered label set. */
  readonly series: readonly Record<string, string>[];
  /** The name the custom metrics API serves each series name under. */
  readonly metricNames: ReadonlyMap<string, string>;
}

export async function discover(
  rule: AdapterRule,
  prometheus: PrometheusApi,
  range: TimeRange,
): Promise<Discovered> {
  const series = await prometheus.series(rule.seriesQuery, range);
  const matches = new RegExp(rule.name.matches);
  const seriesNames = [...new Set(series.map((s) => s['__name__'] ?? ''))].sort();
  const metricNames = new Map(
    seriesNames.filter((n) => matches.test(n)).map((n) => [n, n.replace(matches, rule.name.as)]),
  );
  return { seriesNames, series, metricNames };
}

/** The labels a rule's `resources.overrides` names, each with the Kubernetes resource it stands for. */
export function resourceLabels(rule: AdapterRule): [label: string, resource: string][] {
  return Object.entries(rule.resources.overrides).map(([label, { resource }]) => [label, resource]);
}

/** The label a rule ties to `resource` (`pod`, `namespace`); throws when it ties none. */
export function labelFor(rule: AdapterRule, resource: string): string {
  const found = resourceLabels(rule).find(([, r]) => r === resource);
  if (found === undefined)
    throw new Error(`adapter rule ${rule.name.as} maps no label to the ${resource} resource`);
  return found[0];
}

/**
 * The query the adapter sends for the pods `pods` of `namespace`: `<<.Series>>` the series name,
 * `<<.LabelMatchers>>` the namespace and the pods, `<<.GroupBy>>` the pod label. Throws on a
 * template field it does not fill.
 */
export function metricsQueryFor(
  rule: AdapterRule,
  seriesName: string,
  namespace: string,
  pods: readonly string[],
): string {
  const podLabel = labelFor(rule, 'pod');
  const matchers = `${labelFor(rule, 'namespace')}="${namespace}",${podLabel}=~"${pods.join('|')}"`;
  const query = rule.metricsQuery
    .replaceAll('<<.Series>>', seriesName)
    .replaceAll('<<.LabelMatchers>>', matchers)
    .replaceAll('<<.GroupBy>>', podLabel);
  const left = /<<[^>]*>>/.exec(query);
  if (left !== null)
    throw new Error(`adapter rule ${rule.name.as} metricsQuery has ${left[0]}, which is not filled`);
  return query;
}
