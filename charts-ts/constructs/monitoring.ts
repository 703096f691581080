import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { MANAGEMENT_PORT_NAME } from './runtime-contract.js';
import {
  OPERATOR_METRICS_SERVICE,
  OPERATOR_NAME,
  PLATFORM_PART_OF,
  REDIS_NAME,
  SYNC_WAVE_ANNOTATION,
  SyncWave,
  platformLabels,
} from './platform-names.js';

/** One agent's custom HPA metric: the per-pod request rate of that agent, under its own name. */
export interface AgentMetric {
  /** `spec.agent.name` (the `agent` label of the runtime's metrics). */
  readonly agent: string;
  /** Name under which the custom metrics API serves the rate, and which the agent's HPA asks for. */
  readonly metric: string;
}

/** The Suoke agents' custom metrics (DESIGN.md table). */
export const SUOKE_AGENT_METRICS: readonly AgentMetric[] = [
  { agent: 'xiaoai', metric: 'ai_inference_requests_per_second' },
  { agent: 'xiaoke', metric: 'health_analysis_requests_per_second' },
  { agent: 'laoke', metric: 'tcm_diagnosis_requests_per_second' },
  { agent: 'soer', metric: 'wellness_recommendations_per_second' },
];

/** Thresholds of the alerts. */
export interface AlertThresholds {
  /** Share of requests answered 5xx above which an agent version alerts. @default 0.05 */
  readonly errorRate?: number;
  /** p95 request duration (seconds) above which an agent version alerts. @default 5 */
  readonly latencyP95Seconds?: number;
  /** Requests per second below which error-rate and latency alerts stay quiet (too few to judge). @default 0.1 */
  readonly minRequestRate?: number;
  /** How long a canary stays alerted after its rollback. @default '30m' */
  readonly rolledBackWindow?: string;
}

export interface MonitoringProps {
  /** Namespace of the ServiceMonitors, PrometheusRule and dashboard ConfigMap (the platform namespace). */
  readonly namespace: string;
  /** Namespaces where the agents' runtime pods run. @default ['suoke-ai'] */
  readonly agentNamespaces?: readonly string[];
  /**
   * Labels your Prometheus selects ServiceMonitors and PrometheusRules by (`serviceMonitorSelector`,
   * `ruleSelector`), e.g. `{ release: 'kube-prometheus-stack' }`.
   * @default {} (kube-prometheus selects every object)
   */
  readonly prometheusSelectorLabels?: Readonly<Record<string, string>>;
  /** Custom HPA metrics the Prometheus Adapter serves, one per agent. @default SUOKE_AGENT_METRICS */
  readonly agentMetrics?: readonly AgentMetric[];
  /** Namespace of the Prometheus Adapter. @default 'monitoring' */
  readonly adapterNamespace?: string;
  /** Name of the ConfigMap the Prometheus Adapter reads its rules from (key `config.yaml`). @default 'prometheus-adapter' */
  readonly adapterConfigMapName?: string;
  /** Rate window of the custom metrics. @default '2m' */
  readonly adapterRateWindow?: string;
  /** Namespace the Grafana dashboard sidecar watches. @default the `namespace` prop */
  readonly dashboardNamespace?: string;
  /**
   * Namespace of the in-cluster Redis (with its exporter): adds its ServiceMonitor and the Redis-down
   * alert. Undefined when Redis is external.
   * @default undefined
   */
  readonly redisNamespace?: string;
  /**
   * Whether the agents run in an Istio mesh with STRICT mTLS. Prometheus then scrapes them over mTLS
   * with the Istio certificates mounted into its pod at /etc/prom-certs (Istio's documented setup),
   * since a plain-text scrape would be refused.
   * @default true
   */
  readonly istioMtls?: boolean;
  /** Scrape interval. @default '15s' */
  readonly scrapeInterval?: string;
  /** Alert thresholds. */
  readonly thresholds?: AlertThresholds;
}

/** A Prometheus rule group (the format of rule files and of `PrometheusRule.spec.groups`). */
export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly {
    readonly alert: string;
    readonly expr: string;
    readonly for?: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  }[];
}

const VERSION_LABELS = 'namespace, agent, model, version';
const DURATION = /^\d+(ms|s|m|h)$/;
/**
 * Selects the requests clients were answered: not the mirrored copies of a shadow stage (the
 * runtime's `traffic="shadow"`), whose answers the mesh discards, nor the golden-set cases of an
 * evaluation run (`traffic="evaluation"`), which no user sent. A negative match rather than
 * `="live"`, so series from runtimes without the label still count.
 */
const LIVE = 'traffic!~"shadow|evaluation"';

/**
 * The platform's alerts. Error rate and latency are judged per agent version, so a bad canary
 * alerts on its own and the stable version's numbers do not hide it. They count live requests only:
 * a version failing only the mirrored copies of a shadow stage fails no client, and its rollout's
 * analysis (which counts the copies) rolls it back; a version failing its golden set fails no
 * client either, and its evaluation gate rolls it back.
 */
export function alertRuleGroups(
  options: { redis?: boolean; thresholds?: AlertThresholds } = {},
): RuleGroup[] {
  const t = options.thresholds ?? {};
  const errorRate = t.errorRate ?? 0.05;
  const latency = t.latencyP95Seconds ?? 5;
  const minRate = t.minRequestRate ?? 0.1;
  const window = t.rolledBackWindow ?? '30m';
  if (!(errorRate > 0 && errorRate < 1)) {
    throw new Error(
      `Monitoring thresholds.errorRate (${errorRate}) must be a share between 0 and 1, e.g. 0.05`,
    );
  }
  if (!(latency > 0))
    throw new Error(`Monitoring thresholds.latencyP95Seconds (${latency}) must be positive`);
  if (!(minRate >= 0)) throw new Error(`Monitoring thresholds.minRequestRate (${minRate}) must be 0 or more`);
  if (!DURATION.test(window)) {
    throw new Error(`Monitoring thresholds.rolledBackWindow '${window}' must be a duration such as 30m`);
  }
  const requestRate = `sum by (${VERSION_LABELS}) (rate(ai_inference_requests_total{${LIVE}}[5m]))`;
  const busyEnough = `${requestRate} >= ${minRate}`;
  const groups: RuleGroup[] = [
    {
      name: 'suoke-agent-inference',
      rules: [
        {
          alert: 'AgentInferenceErrorRateHigh',
          expr:
            `(sum by (${VERSION_LABELS}) (rate(ai_inference_requests_total{code=~"5..",${LIVE}}[5m]))\n` +
            `  / ${requestRate}) > ${errorRate}\nand ${busyEnough}`,
          for: '5m',
          labels: { severity: 'critical' },
          annotations: {
            summary: 'Agent {{ $labels.agent }} version {{ $labels.version }} fails too many requests',
            description:
              '{{ $value | humanizePercentage }} of requests to {{ $labels.namespace }}/{{ $labels.model }} ' +
              `version {{ $labels.version }} were answered 5xx over 5 minutes (limit ${errorRate * 100}%).`,
          },
        },
        {
          alert: 'AgentInferenceLatencyHigh',
          expr:
            `histogram_quantile(0.95, sum by (${VERSION_LABELS}, le) (rate(ai_inference_request_duration_seconds_bucket{${LIVE}}[5m])))\n` +
            `  > ${latency}\nand ${busyEnough}`,
          for: '10m',
          labels: { severity: 'warning' },
          annotations: {
            summary: 'Agent {{ $labels.agent }} version {{ $labels.version }} answers slowly',
            description:
              'p95 request duration of {{ $labels.namespace }}/{{ $labels.model }} version {{ $labels.version }} ' +
              `is {{ $value | humanizeDuration }} (limit ${latency}s).`,
          },
        },
      ],
    },
    {
      name: 'suoke-modelops-rollouts',
      rules: [
        {
          alert: 'ModelCanaryRolledBack',
          // Fires while a version rolls back and for a window after: a rolled-back ModelVersion stays
          // in the cluster until someone deletes it, and an alert that never resolves would be ignored.
          expr:
            'max by (namespace, model, version) (ai_rollout_phase{phase=~"RollingBack|RolledBack"}) == 1\n' +
            `unless max by (namespace, model, version) (ai_rollout_phase{phase="RolledBack"} offset ${window}) == 1`,
          labels: { severity: 'warning' },
          annotations: {
            summary: 'Canary {{ $labels.version }} of {{ $labels.model }} was rolled back',
            description:
              'ModelVersion {{ $labels.version }} of {{ $labels.namespace }}/{{ $labels.model }} failed its analysis ' +
              'and was rolled back; `kubectl describe mv` shows the failed checks.',
          },
        },
      ],
    },
    {
      name: 'suoke-modelops-operator',
      rules: [
        {
          alert: 'ModelOpsOperatorDown',
          expr: `absent(up{job="${OPERATOR_METRICS_SERVICE}"} == 1)`,
          for: '5m',
          labels: { severity: 'critical' },
          annotations: {
            summary: 'No model-ops operator replica is up',
            description:
              `Prometheus has scraped no healthy ${OPERATOR_NAME} replica for 5 minutes: ` +
              'rollouts are neither advanced nor rolled back.',
          },
        },
        {
          alert: 'ModelOpsOperatorReconcileErrors',
          expr: `sum by (controller) (rate(controller_runtime_reconcile_errors_total{job="${OPERATOR_METRICS_SERVICE}"}[10m])) > 0.05`,
          for: '15m',
          labels: { severity: 'warning' },
          annotations: {
            summary: 'Controller {{ $labels.controller }} keeps failing to reconcile',
            description:
              'The {{ $labels.controller }} controller has returned reconcile errors for 15 minutes.',
          },
        },
      ],
    },
  ];
  if (options.redis ?? true) {
    groups.push({
      name: 'suoke-redis',
      rules: [
        {
          alert: 'AgentRedisDown',
          // `up` covers the pod and its exporter; `redis_up` covers Redis itself behind a live exporter.
          expr:
            `up{job="${REDIS_NAME}"} == 0 or redis_up{job="${REDIS_NAME}"} == 0\n` +
            `or absent(up{job="${REDIS_NAME}"})`,
          for: '2m',
          labels: { severity: 'critical' },
          annotations: {
            summary: 'Redis for the agents is down',
            description:
              'Sessions, the response cache and rate limits are unavailable: agents answer without them or fail.',
          },
        },
      ],
    });
  }
  return groups;
}

/** One rule of the Prometheus Adapter's configuration (`rules:` in its config.yaml). */
export interface AdapterRule {
  readonly seriesQuery: string;
  readonly resources: { readonly overrides: Record<string, { readonly resource: string }> };
  readonly name: { readonly matches: string; readonly as: string };
  readonly metricsQuery: string;
}

const PROMQL_IDENT = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Prometheus Adapter rules that serve each agent's request rate per pod under the agent's own
 * metric name. The rules are mutually exclusive (each filters on its agent), as the adapter requires.
 * The rate counts every request, mirrored copies (`traffic="shadow"`) included: they are real load
 * on the pods of the version they are mirrored to.
 */
export function adapterRules(metrics: readonly AgentMetric[], rateWindow = '2m'): AdapterRule[] {
  if (!DURATION.test(rateWindow)) {
    throw new Error(`Monitoring adapterRateWindow '${rateWindow}' must be a duration such as 2m`);
  }
  const seen = new Set<string>();
  return metrics.map(({ agent, metric }, i) => {
    if (!LABEL_VALUE.test(agent)) {
      throw new Error(
        `Monitoring agentMetrics[${i}].agent '${agent}' must be a valid label value (the agent name)`,
      );
    }
    if (!PROMQL_IDENT.test(metric)) {
      throw new Error(
        `Monitoring agentMetrics[${i}].metric '${metric}' must be a metric name: letters, digits and '_'`,
      );
    }
    if (seen.has(metric)) {
      throw new Error(
        `Monitoring agentMetrics[${i}].metric '${metric}' is used twice: give each agent its own name`,
      );
    }
    seen.add(metric);
    return {
      seriesQuery: `ai_inference_requests_total{namespace!="",pod!="",agent="${agent}"}`,
      resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
      name: { matches: '^ai_inference_requests_total$', as: metric },
      metricsQuery: `sum(rate(<<.Series>>{<<.LabelMatchers>>,agent="${agent}"}[${rateWindow}])) by (<<.GroupBy>>)`,
    };
  });
}

/**
 * Grafana dashboard model shipped with the platform (inference traffic per version and rollouts).
 * The panels of what clients get (requests, errors, latency, tokens, cost, finish reasons) show live
 * traffic only; a shadow stage's mirrored copies have panels of their own, and the in-flight panel
 * shows each traffic (live, shadow, evaluation) apart. Cost is in the currency of the model's
 * pricing; a cache hit costs nothing and counts the finish reason of the answer it repeats.
 */
export function grafanaDashboard(): Record<string, unknown> {
  const all = 'namespace=~"$namespace",agent=~"$agent",model=~"$model"';
  const sel = `${all},${LIVE}`;
  const shadow = `${all},traffic="shadow"`;
  const panels: Record<string, unknown>[] = [];
  const add = (
    title: string,
    unit: string,
    targets: { expr: string; legend: string }[],
    type = 'timeseries',
  ): void => {
    const index = panels.length;
    panels.push({
      id: index + 1,
      title,
      type,
      datasource: { type: 'prometheus', uid: '${datasource}' },
      gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
      fieldConfig: { defaults: { unit }, overrides: [] },
      targets: targets.map((target, i) => ({
        refId: String.fromCharCode(65 + i),
        expr: target.expr,
        legendFormat: target.legend,
        datasource: { type: 'prometheus', uid: '${datasource}' },
      })),
    });
  };
  add('Requests per second by version', 'reqps', [
    {
      expr: `sum by (model, version) (rate(ai_inference_requests_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}}',
    },
  ]);
  add('Error ratio (5xx) by version', 'percentunit', [
    {
      expr:
        `sum by (model, version) (rate(ai_inference_requests_total{${sel},code=~"5.."}[$__rate_interval]))\n` +
        `/ sum by (model, version) (rate(ai_inference_requests_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}}',
    },
  ]);
  add('Request duration p50 / p95 by version', 's', [
    {
      expr: `histogram_quantile(0.5, sum by (model, version, le) (rate(ai_inference_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`,
      legend: 'p50 {{model}} {{version}}',
    },
    {
      expr: `histogram_quantile(0.95, sum by (model, version, le) (rate(ai_inference_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`,
      legend: 'p95 {{model}} {{version}}',
    },
  ]);
  add('Time to first token p95 by version', 's', [
    {
      expr: `histogram_quantile(0.95, sum by (model, version, le) (rate(ai_inference_time_to_first_token_seconds_bucket{${sel}}[$__rate_interval])))`,
      legend: '{{model}} {{version}}',
    },
  ]);
  add('Tokens per second', 'short', [
    {
      expr: `sum by (model, version, type) (rate(ai_inference_tokens_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}} {{type}}',
    },
  ]);
  // Cost is counted only by runtimes with pricing (spec.runtime.pricing), in its currency.
  add('Cost per hour', 'short', [
    {
      expr: `sum by (model, version, currency) (rate(ai_inference_cost_total{${sel}}[$__rate_interval])) * 3600`,
      legend: '{{model}} {{version}} {{currency}}/h',
    },
  ]);
  add('Cost per request', 'short', [
    {
      expr:
        `sum by (model, version, currency) (rate(ai_inference_cost_total{${sel}}[$__rate_interval]))\n` +
        `/ on (model, version) group_left sum by (model, version) (rate(ai_inference_requests_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}} {{currency}}',
    },
  ]);
  add('Finish reasons', 'short', [
    {
      expr: `sum by (model, version, reason) (rate(ai_inference_finish_reasons_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}} {{reason}}',
    },
  ]);
  add('Truncation rate (answers cut at the token limit)', 'percentunit', [
    {
      expr:
        `sum by (model, version) (rate(ai_inference_finish_reasons_total{${sel},reason="length"}[$__rate_interval]))\n` +
        `/ sum by (model, version) (rate(ai_inference_finish_reasons_total{${sel}}[$__rate_interval]))`,
      legend: '{{model}} {{version}}',
    },
  ]);
  add('Response cache hit ratio', 'percentunit', [
    {
      // No `traffic` label: mirrored and evaluation requests never use the cache.
      expr:
        `sum by (model) (rate(ai_inference_cache_requests_total{${all},result="hit"}[$__rate_interval]))\n` +
        `/ sum by (model) (rate(ai_inference_cache_requests_total{${all}}[$__rate_interval]))`,
      legend: '{{model}}',
    },
  ]);
  add('Shadow (mirrored) requests per second by version and code', 'reqps', [
    {
      expr: `sum by (model, version, code) (rate(ai_inference_requests_total{${shadow}}[$__rate_interval]))`,
      legend: '{{model}} {{version}} {{code}}',
    },
  ]);
  add('Shadow (mirrored) request duration and time to first token p95 by version', 's', [
    {
      expr: `histogram_quantile(0.95, sum by (model, version, le) (rate(ai_inference_request_duration_seconds_bucket{${shadow}}[$__rate_interval])))`,
      legend: 'duration {{model}} {{version}}',
    },
    {
      expr: `histogram_quantile(0.95, sum by (model, version, le) (rate(ai_inference_time_to_first_token_seconds_bucket{${shadow}}[$__rate_interval])))`,
      legend: 'first token {{model}} {{version}}',
    },
  ]);
  add('In-flight requests by traffic (live, shadow, evaluation)', 'short', [
    {
      expr: `sum by (model, version, traffic) (ai_inference_in_flight_requests{${all}})`,
      legend: '{{model}} {{version}} {{traffic}}',
    },
  ]);
  add('Token budget used by key and period', 'short', [
    {
      // Every replica (of every version) reports the key's shared count as it last saw it: the max
      // is the count. Only keys with a budget (tokens-per-day / tokens-per-month) have one.
      expr: `max by (model, key, period) (ai_budget_tokens_used{${all}})`,
      legend: '{{model}} {{key}} {{period}}',
    },
  ]);
  add('Canary traffic weight', 'percent', [
    {
      expr: 'max by (model, version) (ai_rollout_canary_weight{namespace=~"$namespace",model=~"$model"})',
      legend: '{{model}} {{version}}',
    },
  ]);
  add(
    'Rollout phase',
    'none',
    [
      {
        expr: 'max by (model, version, phase) (ai_rollout_phase{namespace=~"$namespace",model=~"$model"}) == 1',
        legend: '{{model}} {{version}}: {{phase}}',
      },
    ],
    'table',
  );
  add('Analysis results', 'short', [
    {
      expr: 'sum by (model, result) (increase(ai_rollout_analysis_total{namespace=~"$namespace",model=~"$model"}[$__range]))',
      legend: '{{model}} {{result}}',
    },
  ]);
  const variable = (name: string, query: string): Record<string, unknown> => ({
    name,
    type: 'query',
    datasource: { type: 'prometheus', uid: '${datasource}' },
    query: { query, refId: name },
    definition: query,
    includeAll: true,
    multi: true,
    refresh: 2,
    current: { text: 'All', value: '$__all' },
  });
  return {
    uid: 'suoke-modelops',
    title: 'Suoke ModelOps: agents and rollouts',
    tags: ['suoke', 'modelops'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus', current: { text: 'Prometheus' } },
        variable('namespace', 'label_values(ai_inference_requests_total, namespace)'),
        variable('agent', 'label_values(ai_inference_requests_total{namespace=~"$namespace"}, agent)'),
        variable(
          'model',
          'label_values(ai_inference_requests_total{namespace=~"$namespace",agent=~"$agent"}, model)',
        ),
      ],
    },
    panels,
  };
}

/**
 * Monitoring for the platform: ServiceMonitors for the agents' runtime pods, the operator and Redis;
 * the alerts; the Prometheus Adapter rules behind each agent's custom HPA metric; a Grafana dashboard.
 * Requires the prometheus-operator CRDs (ServiceMonitor, PrometheusRule) in the cluster.
 */
export class Monitoring extends Construct {
  /** The alert groups, as rendered into the PrometheusRule. */
  public readonly ruleGroups: readonly RuleGroup[];
  /** The Prometheus Adapter rules, as rendered into its ConfigMap. */
  public readonly adapterRules: readonly AdapterRule[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const namespace = props.namespace;
    const agentNamespaces = props.agentNamespaces ?? ['suoke-ai'];
    if (agentNamespaces.length === 0) {
      throw new Error('Monitoring agentNamespaces must name at least one namespace where agents run');
    }
    const selectorLabels = props.prometheusSelectorLabels ?? {};
    const redisNamespace = props.redisNamespace;
    const redis = redisNamespace !== undefined;
    const istioMtls = props.istioMtls ?? true;
    const interval = props.scrapeInterval ?? '15s';
    if (!DURATION.test(interval)) {
      throw new Error(`Monitoring scrapeInterval '${interval}' must be a duration such as 15s`);
    }
    this.ruleGroups = alertRuleGroups({ redis, thresholds: props.thresholds });
    this.adapterRules = adapterRules(props.agentMetrics ?? SUOKE_AGENT_METRICS, props.adapterRateWindow);
    const annotations = { [SYNC_WAVE_ANNOTATION]: SyncWave.platform };
    const meshScrape = istioMtls
      ? {
          scheme: 'https',
          tlsConfig: {
            caFile: '/etc/prom-certs/root-cert.pem',
            certFile: '/etc/prom-certs/cert-chain.pem',
            keyFile: '/etc/prom-certs/key.pem',
            // Istio workload certificates carry SPIFFE URIs, not DNS names.
            insecureSkipVerify: true,
          },
        }
      : { scheme: 'http' };
    const metadata = (name: string, ns: string, component: string, extra: Record<string, string> = {}) => ({
      name,
      namespace: ns,
      labels: { ...platformLabels(name, component), ...selectorLabels, ...extra },
      annotations,
    });

    new ApiObject(this, 'runtime-service-monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: metadata('suoke-agent-runtime', namespace, 'monitoring'),
      spec: {
        // The per-model Services the operator derives (see charts-ts workload names).
        selector: {
          matchLabels: {
            'app.kubernetes.io/component': 'inference',
            'app.kubernetes.io/part-of': PLATFORM_PART_OF,
          },
        },
        namespaceSelector: { matchNames: [...agentNamespaces] },
        endpoints: [
          {
            // The runtime's management port: /metrics is not served on its API port.
            port: MANAGEMENT_PORT_NAME,
            path: '/metrics',
            interval,
            ...meshScrape,
          },
        ],
      },
    });

    new ApiObject(this, 'operator-service-monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: metadata(OPERATOR_NAME, namespace, 'monitoring'),
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': OPERATOR_METRICS_SERVICE } },
        namespaceSelector: { matchNames: [namespace] },
        // The rollout series name the namespace of the model they are about, not the operator's:
        // without honorLabels Prometheus renames that label exported_namespace, and the dashboard
        // and the rolled-back alert, which select by the agents' namespace, find nothing.
        endpoints: [{ port: 'metrics', path: '/metrics', interval, scheme: 'http', honorLabels: true }],
      },
    });

    if (redisNamespace !== undefined) {
      new ApiObject(this, 'redis-service-monitor', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: metadata(REDIS_NAME, namespace, 'monitoring'),
        spec: {
          selector: {
            matchLabels: { 'app.kubernetes.io/name': REDIS_NAME, 'app.kubernetes.io/component': 'cache' },
          },
          namespaceSelector: { matchNames: [redisNamespace] },
          endpoints: [{ port: 'http-metrics', path: '/metrics', interval, ...meshScrape }],
        },
      });
    }

    new ApiObject(this, 'rules', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: metadata('suoke-modelops', namespace, 'monitoring'),
      spec: { groups: this.ruleGroups },
    });

    new ApiObject(this, 'adapter-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(
        props.adapterConfigMapName ?? 'prometheus-adapter',
        props.adapterNamespace ?? 'monitoring',
        'monitoring',
      ),
      data: { 'config.yaml': stringify({ rules: this.adapterRules }, { lineWidth: 0 }) },
    });

    new ApiObject(this, 'dashboard', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      // The Grafana dashboard sidecar loads every ConfigMap labelled grafana_dashboard=1.
      metadata: metadata('suoke-modelops-dashboard', props.dashboardNamespace ?? namespace, 'monitoring', {
        grafana_dashboard: '1',
      }),
      data: { 'suoke-modelops.json': JSON.stringify(grafanaDashboard(), null, 2) },
    });
  }
}
