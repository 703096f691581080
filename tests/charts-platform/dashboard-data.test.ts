import { parse } from 'yaml';
import { SUOKE_AGENT_METRICS, type AdapterRule } from '../../charts-ts/constructs/monitoring.js';
import { OPERATOR_NAME } from '../../charts-ts/constructs/platform-names.js';
import {
  dataPanels,
  interpolate,
  resolveVariables,
  timeVariables,
  type Dashboard,
  type Panel,
} from './support/grafana.js';
import { discover, labelFor, metricsQueryFor, resourceLabels } from './support/prometheus-adapter.js';
import { hasFiniteSample, type ResultSeries, type TimeRange } from './support/prometheus-api.js';
import { find, synthPlatform } from './support/platform.js';
import { ServingPlatform } from './support/serving-platform.js';

/**
 * Every panel of the Grafana dashboard and every Prometheus Adapter rule the platform chart ships,
 * exactly as rendered, run against a real prometheus that scraped real runtime processes and a real
 * operator process while they served traffic of every kind (see support/serving-platform.ts): live
 * requests to a stable and a canary version, streamed and not, cache hits, 5xx from a failing
 * engine, a mirrored (shadow) copy, an evaluation case, with pricing and a token budget configured.
 * A panel or rule that shows nothing on real data fails here, by its name.
 *
 * The rollout series (ai_rollout_*) come from the operator itself: its real process drives a real
 * canary of the first agent's model through the fake API server, analysing it on this Prometheus,
 * and Prometheus scrapes its /metrics as the operator's ServiceMonitor says. That costs a few
 * seconds more than serving its metrics registry from the test, and proves what a registry served
 * by the test could not: the labels the series have once scraped the way the chart scrapes them.
 *
 * Grafana's part is played as Grafana plays it (support/grafana.ts): the dashboard variables
 * resolved through label_values() and set to "All", `$__interval` 1 s (the scrape interval, below
 * which Grafana never goes), `$__rate_interval` max(4 × scrape interval, `$__interval` + scrape
 * interval) = 4 s, `$__range` the queried range, and range queries over the traffic.
 */
const SCRAPE_SECONDS = 1;
const STEP_SECONDS = 1;
const ROUNDS = 3;

const { objects } = synthPlatform();
const dashboard = JSON.parse(
  find(objects, 'ConfigMap', 'suoke-modelops-dashboard').data['suoke-modelops.json'],
) as Dashboard;
const adapterRules = (
  parse(find(objects, 'ConfigMap', 'prometheus-adapter', 'monitoring').data['config.yaml']) as {
    rules: AdapterRule[];
  }
).rules;
const panels = dataPanels(dashboard);

let platform: ServingPlatform;
let range: TimeRange;
let variables: Map<string, string>;
let listed: Map<string, readonly string[]>;
const testedPanels: string[] = [];

beforeAll(async () => {
  platform = await ServingPlatform.start({
    runtimeMonitor: find(objects, 'ServiceMonitor', 'suoke-agent-runtime'),
    operatorMonitor: find(objects, 'ServiceMonitor', OPERATOR_NAME),
    agents: SUOKE_AGENT_METRICS.map((m) => m.agent),
    scrapeIntervalSeconds: SCRAPE_SECONDS,
  });
  await platform.releaseCanary();
  await platform.sendTraffic(ROUNDS);
  const end = await platform.settled();
  range = { startMs: platform.trafficStartedAt - 2 * SCRAPE_SECONDS * 1000, endMs: end };
  const resolved = await resolveVariables(dashboard, platform.api, range);
  listed = new Map(resolved.variables.map((v) => [v.name, v.values]));
  variables = new Map([...resolved.values, ...timeVariables(range, STEP_SECONDS, SCRAPE_SECONDS)]);
}, 90_000);

afterAll(async () => {
  await platform?.stop();
}, 30_000);

/** Titles of every object of the dashboard JSON that holds queries, wherever it is nested. */
function titlesWithTargets(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(titlesWithTargets);
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = Array.isArray(o['targets']) ? [String(o['title'])] : [];
  return [...own, ...Object.values(o).flatMap(titlesWithTargets)];
}

const describeResult = (result: readonly ResultSeries[]): string =>
  result.length === 0
    ? 'no series'
    : `${result.length} series, none with a number (${JSON.stringify(result[0]?.values.slice(-3))})`;

describe('the traffic the panels are about', () => {
  it('reached every runtime, with cache hits, 5xx from the canary, a mirrored copy and an evaluation case', () => {
    const { exchanges } = platform;
    for (const pod of platform.pods) {
      expect([pod.pod, exchanges.some((e) => e.pod === pod.pod && e.status === 200)]).toEqual([
        pod.pod,
        true,
      ]);
    }
    expect(exchanges.filter((e) => e.kind === 'deterministic').map((e) => e.cache)).toEqual([
      'miss',
      ...Array(ROUNDS - 1).fill('hit'),
    ]);
    const canary = platform.pods.find((p) => p.model === platform.rolloutModel && p.version === 'v2')!;
    expect(exchanges.some((e) => e.pod === canary.pod && e.status >= 500)).toBe(true);
    for (const kind of ['shadow', 'shadow-stream', 'evaluation'] as const) {
      expect([kind, exchanges.filter((e) => e.kind === kind).map((e) => e.status)]).toEqual([
        kind,
        expect.arrayContaining([200]),
      ]);
    }
  });

  it('fills the dashboard variables with the namespace, every agent and every model served', () => {
    expect(listed.get('namespace')).toEqual([platform.namespace]);
    expect(listed.get('agent')).toEqual([...SUOKE_AGENT_METRICS.map((m) => m.agent)].sort());
    expect(listed.get('model')).toEqual([...new Set(platform.pods.map((p) => p.model))].sort());
  });
});

describe('Grafana dashboard panels on real data', () => {
  it.each(panels.map((p) => [p.title, p] as const))('%s', async (title, panel: Panel) => {
    testedPanels.push(title);
    const targets = panel.targets ?? [];
    expect([title, targets.length > 0]).toEqual([title, true]);
    const problems: string[] = [];
    for (const target of targets) {
      const { expr, unknown } = interpolate(target.expr, variables);
      const name = `panel "${title}" query ${target.refId}: ${target.expr}`;
      if (unknown.length > 0) {
        problems.push(`${name}\n  uses variables the test does not fill: ${unknown.join(', ')}`);
        continue;
      }
      const result =
        target.instant === true && target.range !== true
          ? await platform.api.queryInstant(expr, range.endMs)
          : await platform.api.queryRange(expr, range, STEP_SECONDS);
      if (!hasFiniteSample(result))
        problems.push(`${name}\n  returned ${describeResult(result)}\n  sent as: ${expr}`);
    }
    expect(problems).toEqual([]);
  });

  it('tested every panel that holds a query, rows and nested panels included', () => {
    expect([...testedPanels].sort()).toEqual(titlesWithTargets(dashboard).sort());
  });
});

describe('Prometheus Adapter rules on real data', () => {
  it.each(adapterRules.map((r) => [r.name.as, r] as const))('%s', async (metric, rule: AdapterRule) => {
    const discovered = await discover(rule, platform.api, range);
    expect([metric, rule.seriesQuery, discovered.series.length > 0]).toEqual([
      metric,
      rule.seriesQuery,
      true,
    ]);
    expect([metric, [...discovered.metricNames.values()]]).toEqual([
      metric,
      discovered.seriesNames.map(() => metric),
    ]);
    // Each override names a label every discovered series has: the adapter ties values to pods by it.
    for (const [label, resource] of resourceLabels(rule)) {
      const missing = discovered.series.filter((s) => s[label] === undefined);
      expect([metric, resource, label, missing]).toEqual([metric, resource, label, []]);
    }
    const podLabel = labelFor(rule, 'pod');
    const podsOf = [...new Set(discovered.series.map((s) => s[podLabel]!))].sort();
    for (const seriesName of discovered.seriesNames) {
      const query = metricsQueryFor(rule, seriesName, platform.namespace, podsOf);
      const result = await platform.api.queryInstant(query, range.endMs);
      expect([metric, query, hasFiniteSample(result)]).toEqual([metric, query, true]);
      // One value per pod asked about, by the label the adapter reads the pod from.
      expect([metric, query, result.map((s) => s.metric[podLabel]).sort()]).toEqual([metric, query, podsOf]);
    }
  });
});
