import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { parse, stringify } from 'yaml';
import {
  Monitoring,
  SUOKE_AGENT_METRICS,
  adapterRules,
  alertRuleGroups,
  grafanaDashboard,
} from '../../charts-ts/constructs/monitoring.js';
import { find, synthPlatform } from './support/platform.js';
import { validateCustom, type K8sObject } from './support/validate.js';
import { runPromtool } from '../support/promtool.js';

const work = mkdtempSync(join(tmpdir(), 'suoke-monitoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const promtool = (...args: string[]) => runPromtool(work, ...args);

const { objects } = synthPlatform();
const rule = find(objects, 'PrometheusRule', 'suoke-modelops');
writeFileSync(join(work, 'rules.yaml'), stringify({ groups: rule.spec.groups }));

describe('PrometheusRule (checked and unit-tested with the real promtool)', () => {
  it('passes promtool check rules', async () => {
    const { code, output } = await promtool('check', 'rules', 'rules.yaml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS: 6 rules found') });
  });

  it('has the five alerts users rely on, each with severity, summary and description', () => {
    const alerts = (
      rule.spec.groups as { rules: { alert: string; labels: any; annotations: any }[] }[]
    ).flatMap((g) => g.rules);
    expect(alerts.map((a) => a.alert)).toEqual(
      expect.arrayContaining([
        'AgentInferenceErrorRateHigh',
        'AgentInferenceLatencyHigh',
        'ModelCanaryRolledBack',
        'ModelOpsOperatorDown',
        'AgentRedisDown',
      ]),
    );
    for (const a of alerts) {
      expect([a.alert, a.labels.severity]).toEqual([a.alert, expect.stringMatching(/^(critical|warning)$/)]);
      expect([a.alert, a.annotations.summary, a.annotations.description]).toEqual([
        a.alert,
        expect.any(String),
        expect.any(String),
      ]);
    }
  });

  it('leaves the Redis alert out when Redis is external (it would fire forever)', () => {
    const external = synthPlatform({
      redis: { mode: 'external', topology: 'standalone', url: 'rediss://r.example:6380' },
    });
    const names = find(external.objects, 'PrometheusRule', 'suoke-modelops')
      .spec.groups.flatMap((g: { rules: { alert: string }[] }) => g.rules)
      .map((r: { alert: string }) => r.alert);
    expect(names).not.toContain('AgentRedisDown');
    expect(
      external.objects.some((o) => o.kind === 'ServiceMonitor' && o.metadata.name === 'suoke-redis'),
    ).toBe(false);
  });

  it('fires the error-rate alert for the failing canary only, after 5 minutes, and not on a trickle', async () => {
    const v = (
      version: string,
      code: string,
      values: string,
      traffic?: 'live' | 'shadow' | 'evaluation',
    ) => ({
      series: `ai_inference_requests_total{namespace="suoke-ai",agent="xiaoai",model="xiaoai-conversation-llm",version="${version}",code="${code}",pod="p-${version}"${traffic === undefined ? '' : `,traffic="${traffic}"`}}`,
      values,
    });
    const tests = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            // v1 (stable): 600 requests a minute, 1% answered 500.
            v('v1', '200', '0+594x20'),
            v('v1', '500', '0+6x20'),
            // v2 (canary): 60 a minute, 10% answered 500.
            v('v2', '200', '0+54x20'),
            v('v2', '503', '0+6x20'),
          ],
          alert_rule_test: [
            { eval_time: '3m', alertname: 'AgentInferenceErrorRateHigh', exp_alerts: [] },
            {
              eval_time: '10m',
              alertname: 'AgentInferenceErrorRateHigh',
              exp_alerts: [
                {
                  exp_labels: {
                    severity: 'critical',
                    namespace: 'suoke-ai',
                    agent: 'xiaoai',
                    model: 'xiaoai-conversation-llm',
                    version: 'v2',
                  },
                  exp_annotations: {
                    summary: 'Agent xiaoai version v2 fails too many requests',
                    description:
                      '10% of requests to suoke-ai/xiaoai-conversation-llm version v2 were answered 5xx over 5 minutes (limit 5%).',
                  },
                },
              ],
            },
          ],
        },
        {
          interval: '1m',
          input_series: [
            // Half of 2 requests a minute fail: too few requests to judge (below 0.1/s).
            v('v3', '200', '0+1x20'),
            v('v3', '500', '0+1x20'),
          ],
          alert_rule_test: [{ eval_time: '15m', alertname: 'AgentInferenceErrorRateHigh', exp_alerts: [] }],
        },
        {
          interval: '1m',
          input_series: [
            // v4 in a shadow stage: it fails half the mirrored copies, which no client sees…
            v('v4', '200', '0+300x20', 'shadow'),
            v('v4', '500', '0+300x20', 'shadow'),
            // …while v1's live traffic is fine; only live failures alert.
            v('v1', '200', '0+600x20', 'live'),
            v('v1', '500', '0+3x20', 'live'),
            v('v1', '200', '0+60x20', 'shadow'),
            v('v1', '503', '0+60x20', 'shadow'),
          ],
          alert_rule_test: [{ eval_time: '15m', alertname: 'AgentInferenceErrorRateHigh', exp_alerts: [] }],
        },
        {
          interval: '1m',
          input_series: [
            // v6 evaluated before any user traffic: it fails half its golden set, no client sees it
            // (its evaluation gate rolls it back)…
            v('v6', '200', '0+300x20', 'evaluation'),
            v('v6', '500', '0+300x20', 'evaluation'),
            v('v6', '500', '0+0x20', 'live'),
            // …and the stable, evaluated beside it, fails cases too while its live traffic is fine.
            v('v1', '200', '0+600x20', 'live'),
            v('v1', '500', '0+3x20', 'live'),
            v('v1', '503', '0+300x20', 'evaluation'),
          ],
          alert_rule_test: [{ eval_time: '15m', alertname: 'AgentInferenceErrorRateHigh', exp_alerts: [] }],
        },
        {
          interval: '1m',
          input_series: [
            // Live failures alert as before, whatever the shadow traffic beside them.
            v('v5', '200', '0+54x20', 'live'),
            v('v5', '500', '0+6x20', 'live'),
            v('v5', '200', '0+600x20', 'shadow'),
          ],
          alert_rule_test: [
            {
              eval_time: '10m',
              alertname: 'AgentInferenceErrorRateHigh',
              exp_alerts: [
                {
                  exp_labels: {
                    severity: 'critical',
                    namespace: 'suoke-ai',
                    agent: 'xiaoai',
                    model: 'xiaoai-conversation-llm',
                    version: 'v5',
                  },
                  exp_annotations: {
                    summary: 'Agent xiaoai version v5 fails too many requests',
                    description:
                      '10% of requests to suoke-ai/xiaoai-conversation-llm version v5 were answered 5xx over 5 minutes (limit 5%).',
                  },
                },
              ],
            },
          ],
        },
        {
          interval: '1m',
          input_series: [
            {
              series: 'up{job="suoke-modelops-operator-metrics",instance="10.0.0.1:8080"}',
              values: '1 1 1 0x20',
            },
            {
              series: 'up{job="suoke-modelops-operator-metrics",instance="10.0.0.2:8080"}',
              values: '1 1 1 0x20',
            },
            { series: 'up{job="suoke-redis",instance="10.0.0.3:9121"}', values: '1 1 1 0x20' },
            {
              series:
                'ai_rollout_phase{namespace="suoke-ai",model="laoke-tcm-expert",version="v2",phase="RolledBack"}',
              values: '0 0 0 0 0 1x60',
            },
          ],
          alert_rule_test: [
            { eval_time: '2m', alertname: 'ModelOpsOperatorDown', exp_alerts: [] },
            {
              eval_time: '10m',
              alertname: 'ModelOpsOperatorDown',
              exp_alerts: [
                {
                  exp_labels: { severity: 'critical' },
                  exp_annotations: {
                    summary: 'No model-ops operator replica is up',
                    description:
                      'Prometheus has scraped no healthy suoke-modelops-operator replica for 5 minutes: rollouts are neither advanced nor rolled back.',
                  },
                },
              ],
            },
            {
              eval_time: '10m',
              alertname: 'AgentRedisDown',
              exp_alerts: [
                {
                  exp_labels: { severity: 'critical', job: 'suoke-redis', instance: '10.0.0.3:9121' },
                  exp_annotations: {
                    summary: 'Redis for the agents is down',
                    description:
                      'Sessions, the response cache and rate limits are unavailable: agents answer without them or fail.',
                  },
                },
              ],
            },
            {
              eval_time: '20m',
              alertname: 'ModelCanaryRolledBack',
              exp_alerts: [
                {
                  exp_labels: {
                    severity: 'warning',
                    namespace: 'suoke-ai',
                    model: 'laoke-tcm-expert',
                    version: 'v2',
                  },
                  exp_annotations: {
                    summary: 'Canary v2 of laoke-tcm-expert was rolled back',
                    description:
                      'ModelVersion v2 of suoke-ai/laoke-tcm-expert failed its analysis and was rolled back; `kubectl describe mv` shows the failed checks.',
                  },
                },
              ],
            },
            // Resolved once the 30-minute window has passed, although the version stays RolledBack.
            { eval_time: '50m', alertname: 'ModelCanaryRolledBack', exp_alerts: [] },
          ],
        },
      ],
    };
    writeFileSync(join(work, 'rules.test.yaml'), stringify(tests));
    const { code, output } = await promtool('test', 'rules', 'rules.test.yaml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('refuses thresholds that make no sense, naming the field', () => {
    expect(() => alertRuleGroups({ thresholds: { errorRate: 5 } })).toThrow(
      /thresholds.errorRate \(5\) must be a share/,
    );
    expect(() => alertRuleGroups({ thresholds: { latencyP95Seconds: 0 } })).toThrow(
      /latencyP95Seconds \(0\)/,
    );
    expect(() => alertRuleGroups({ thresholds: { rolledBackWindow: 'half an hour' } })).toThrow(
      /rolledBackWindow 'half an hour' must be a duration/,
    );
  });
});

describe('Prometheus Adapter rules', () => {
  const adapterConfig = find(objects, 'ConfigMap', 'prometheus-adapter', 'monitoring');
  const config = parse(adapterConfig.data['config.yaml']) as { rules: ReturnType<typeof adapterRules> };

  it("serve each Suoke agent's custom HPA metric, filtered by agent", () => {
    expect(config.rules.map((r) => r.name.as)).toEqual([
      'ai_inference_requests_per_second',
      'health_analysis_requests_per_second',
      'tcm_diagnosis_requests_per_second',
      'wellness_recommendations_per_second',
    ]);
    for (const [i, r] of config.rules.entries()) {
      const agent = SUOKE_AGENT_METRICS[i]!.agent;
      expect(r.seriesQuery).toBe(`ai_inference_requests_total{namespace!="",pod!="",agent="${agent}"}`);
      expect(r.metricsQuery).toContain(`agent="${agent}"`);
      expect(r.resources.overrides).toEqual({
        namespace: { resource: 'namespace' },
        pod: { resource: 'pod' },
      });
    }
  });

  it('compute the per-pod request rate of their agent only, mirrored (shadow) and evaluation requests included (evaluated by promtool)', async () => {
    // The adapter substitutes its template; do the same for one pod selector, as it would for an HPA.
    const recording = config.rules.map((r) => ({
      record: r.name.as,
      expr: r.metricsQuery
        .replace('<<.Series>>', 'ai_inference_requests_total')
        .replace('<<.LabelMatchers>>', 'namespace="suoke-ai",pod=~"xiaoai-.*|xiaoke-.*"')
        .replace('<<.GroupBy>>', 'pod'),
    }));
    writeFileSync(join(work, 'adapter.yaml'), stringify({ groups: [{ name: 'adapter', rules: recording }] }));
    const series = (agent: string, pod: string, code: string, perMinute: number, traffic = 'live') => ({
      series: `ai_inference_requests_total{namespace="suoke-ai",agent="${agent}",model="m",version="v1",code="${code}",pod="${pod}",traffic="${traffic}"}`,
      values: `0+${perMinute}x10`,
    });
    writeFileSync(
      join(work, 'adapter.test.yaml'),
      stringify({
        rule_files: ['adapter.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              series('xiaoai', 'xiaoai-a', '200', 1200),
              series('xiaoai', 'xiaoai-a', '500', 300),
              // Mirrored copies and an evaluation run's cases are load on the pod too: 35/s in all.
              series('xiaoai', 'xiaoai-a', '200', 300, 'shadow'),
              series('xiaoai', 'xiaoai-a', '200', 300, 'evaluation'),
              series('xiaoke', 'xiaoke-b', '200', 600),
            ],
            promql_expr_test: [
              {
                expr: 'ai_inference_requests_per_second',
                eval_time: '5m',
                exp_samples: [{ labels: 'ai_inference_requests_per_second{pod="xiaoai-a"}', value: 35 }],
              },
              {
                expr: 'health_analysis_requests_per_second',
                eval_time: '5m',
                exp_samples: [{ labels: 'health_analysis_requests_per_second{pod="xiaoke-b"}', value: 10 }],
              },
              { expr: 'tcm_diagnosis_requests_per_second', eval_time: '5m', exp_samples: [] },
            ],
          },
        ],
      }),
    );
    const { code, output } = await promtool('test', 'rules', 'adapter.test.yaml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('refuse metric names PromQL cannot hold, and one name for two agents', () => {
    expect(() => adapterRules([{ agent: 'xiaoai', metric: 'requests-per-second' }])).toThrow(
      /agentMetrics\[0\].metric 'requests-per-second' must be a metric name/,
    );
    expect(() =>
      adapterRules([
        { agent: 'a', metric: 'rps' },
        { agent: 'b', metric: 'rps' },
      ]),
    ).toThrow(/agentMetrics\[1\].metric 'rps' is used twice/);
    expect(() => adapterRules([{ agent: 'a b', metric: 'rps' }])).toThrow(/agentMetrics\[0\].agent 'a b'/);
  });
});

describe('Grafana dashboard', () => {
  const cm = find(objects, 'ConfigMap', 'suoke-modelops-dashboard');
  const dashboard = JSON.parse(cm.data['suoke-modelops.json']) as ReturnType<typeof grafanaDashboard> & {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));

  it('is picked up by the Grafana sidecar', () => {
    expect(cm.metadata.labels!.grafana_dashboard).toBe('1');
  });

  it('shows traffic per version, errors, latency, TTFT, tokens, cache hits and the rollout', () => {
    for (const metric of [
      'ai_inference_requests_total',
      'ai_inference_request_duration_seconds_bucket',
      'ai_inference_time_to_first_token_seconds_bucket',
      'ai_inference_tokens_total',
      'ai_inference_cache_requests_total',
      'ai_inference_in_flight_requests',
      'ai_inference_cost_total',
      'ai_inference_finish_reasons_total',
      'ai_rollout_phase',
      'ai_rollout_canary_weight',
      'ai_rollout_analysis_total',
    ]) {
      expect([metric, exprs.some((e) => e.includes(metric))]).toEqual([metric, true]);
    }
    expect(
      exprs.filter((e) => e.includes('ai_inference_requests_total')).every((e) => e.includes('version')),
    ).toBe(true);
  });

  it('shows what clients got from live requests only (no mirrored copies, no evaluation cases), and the mirrored (shadow) requests on panels of their own', () => {
    const panel = (title: string) => dashboard.panels.find((p) => p.title === title)!;
    for (const title of [
      'Requests per second by version',
      'Error ratio (5xx) by version',
      'Request duration p50 / p95 by version',
      'Time to first token p95 by version',
      'Tokens per second',
      'Cost per hour',
      'Cost per request',
      'Finish reasons',
      'Truncation rate (answers cut at the token limit)',
    ]) {
      const targets = panel(title).targets.flatMap((t) => t.expr.match(/ai_inference_\w+\{[^}]*\}/g) ?? []);
      expect([
        title,
        targets.length > 0 && targets.every((e) => e.includes('traffic!~"shadow|evaluation"')),
      ]).toEqual([title, true]);
    }
    const shadowPanels = dashboard.panels.filter((p) => p.title.startsWith('Shadow (mirrored)'));
    expect(shadowPanels.length).toBeGreaterThanOrEqual(2);
    for (const p of shadowPanels) {
      expect([p.title, p.targets.every((t) => t.expr.includes('traffic="shadow"'))]).toEqual([p.title, true]);
    }
    expect(panel('In-flight requests by traffic (live, shadow, evaluation)').targets[0]!.expr).toContain(
      'by (model, version, traffic)',
    );
  });

  it('shows cost per hour and per request in the pricing currency, finish reasons and the truncation rate by version', () => {
    const panel = (title: string) => dashboard.panels.find((p) => p.title === title)!;
    expect(panel('Cost per hour').targets.map((t) => t.expr)).toEqual([
      expect.stringMatching(
        /^sum by \(model, version, currency\) \(rate\(ai_inference_cost_total\{[^}]*\}\[\$__rate_interval\]\)\) \* 3600$/,
      ),
    ]);
    const perRequest = panel('Cost per request').targets[0]!.expr;
    expect(perRequest).toContain('sum by (model, version, currency) (rate(ai_inference_cost_total{');
    expect(perRequest).toContain(
      '/ on (model, version) group_left sum by (model, version) (rate(ai_inference_requests_total{',
    );
    expect(panel('Finish reasons').targets[0]!.expr).toContain(
      'sum by (model, version, reason) (rate(ai_inference_finish_reasons_total{',
    );
    const truncation = panel('Truncation rate (answers cut at the token limit)');
    expect(truncation.targets[0]!.expr).toMatch(/ai_inference_finish_reasons_total\{[^}]*,reason="length"\}/);
    expect(
      (truncation as unknown as { fieldConfig: { defaults: { unit: string } } }).fieldConfig.defaults.unit,
    ).toBe('percentunit');
  });

  it('holds only PromQL that parses (promtool check rules over every panel query)', async () => {
    const rules = exprs.map((expr, i) => ({
      record: `dashboard:panel_query_${i}`,
      expr: expr
        .replaceAll('$__rate_interval', '5m')
        .replaceAll('$__range', '1h')
        .replace(/\$(namespace|agent|model)/g, '.*'),
    }));
    writeFileSync(join(work, 'dashboard.yaml'), stringify({ groups: [{ name: 'dashboard', rules }] }));
    const { code, output } = await promtool('check', 'rules', 'dashboard.yaml');
    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringContaining(`SUCCESS: ${rules.length} rules found`),
    });
  });
});

describe('ServiceMonitors', () => {
  it('scrape the runtime on its management port "http-metrics" at /metrics, over Istio mTLS in the mesh and plain HTTP without', () => {
    const mesh = find(objects, 'ServiceMonitor', 'suoke-agent-runtime');
    expect(mesh.spec.endpoints[0]).toMatchObject({ port: 'http-metrics', path: '/metrics', scheme: 'https' });
    expect(mesh.spec.namespaceSelector).toEqual({ matchNames: ['suoke-ai'] });
    const plain = find(synthPlatform({ istio: false }).objects, 'ServiceMonitor', 'suoke-agent-runtime');
    expect(plain.spec.endpoints[0]).toEqual({
      port: 'http-metrics',
      path: '/metrics',
      interval: '15s',
      scheme: 'http',
    });
  });

  it('carry the labels a Prometheus selects them by', () => {
    const chart = new Chart(new App(), 'c');
    new Monitoring(chart, 'm', {
      namespace: 'ops',
      prometheusSelectorLabels: { release: 'kube-prometheus-stack' },
    });
    const rendered = chart.toJson() as K8sObject[];
    const selected = rendered.filter((x) => x.kind === 'ServiceMonitor' || x.kind === 'PrometheusRule');
    expect(new Set(selected.map((o) => o.kind))).toEqual(new Set(['ServiceMonitor', 'PrometheusRule']));
    for (const o of selected) {
      expect(o.metadata.labels!.release).toBe('kube-prometheus-stack');
    }
  });

  it('are checked strictly: a misspelt field fails validation instead of being pruned', () => {
    const monitor = structuredClone(find(objects, 'ServiceMonitor', 'suoke-agent-runtime'));
    expect(validateCustom(monitor)).toEqual([]);
    monitor.spec.endpoints[0].prot = 'http';
    expect(validateCustom(monitor)).toEqual([expect.stringContaining('additionalProperty":"prot"')]);
  });
});
