/**
 * Rules between stack config keys, which a schema of each key alone cannot state: one row per
 * rule, in the order of the keys it reports on. Each row names the keys it reads and is skipped
 * while one of them is itself invalid, so that a bad value is reported once, for what it is.
 */
import { setCommand, type ConfigProblem, type ProblemContext } from './config-problems.js';
import type { PlatformConfig, PlatformSecrets, SecretKey } from './config.js';
import { unpinnedReason } from '../charts-ts/constructs/image-rule.js';

/** What a rule may look at. */
export interface RuleInput {
  /** The configuration with defaults applied; the keys a rule `uses` are valid. */
  readonly config: PlatformConfig;
  /** Whether the stack sets a key (`redis.storage`), as opposed to leaving it to its default. */
  readonly isSet: (key: string) => boolean;
  /** The secrets, as Outputs: whether each one is set. */
  readonly secrets: PlatformSecrets;
  /** The clear value of a secret, to check its shape; a problem never quotes it. */
  readonly peek: (key: SecretKey) => string | undefined;
}

export interface CrossFieldRule {
  /** The key the problem is reported on. */
  readonly key: string;
  /** The keys the rule reads. */
  readonly uses: readonly string[];
  /** What is wrong, or `undefined` while the rule holds. */
  readonly check: (input: RuleInput) => string | undefined;
  /** What the key accepts, in words. */
  readonly allowed: string;
  /** The command that fixes it. @default `pulumi config set [--secret] <key> <value>` */
  readonly fix?: string;
}

const REDIS_URL_FIX = 'pulumi config set --secret redisUrl rediss://<host>:6380/0';

/** Why an image's tag may not be used, by the platform's image rule (image-rule.ts). */
function imageTagRule(which: 'operator' | 'runtime'): CrossFieldRule {
  return {
    key: `images.${which}.tag`,
    uses: [`images.${which}.repository`, `images.${which}.tag`],
    check: ({ config }) => {
      const { repository, tag } = config.images[which];
      const reason = unpinnedReason(`${repository}:${tag}`);
      if (reason === undefined) return undefined;
      return reason === 'moving-tag'
        ? `"${tag}" moves under a running rollout`
        : `"${tag}" does not pin a version`;
    },
    allowed: 'a fixed version such as 0.1.0',
  };
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    key: 'agentNamespace',
    uses: ['namespace', 'agentNamespace'],
    check: ({ config }) =>
      config.agentNamespace === config.namespace
        ? `is the operator's namespace "${config.namespace}"`
        : undefined,
    allowed: 'a namespace of its own (the agents run under their own policies)',
  },
  imageTagRule('operator'),
  imageTagRule('runtime'),
  {
    key: 'gpu.product',
    uses: ['gpu.enabled', 'gpu.product'],
    check: ({ config }) =>
      config.gpu.product !== undefined && !config.gpu.enabled
        ? 'is set while gpu.enabled is false'
        : undefined,
    allowed: 'no product while gpu.enabled is false',
    fix: 'pulumi config set --path gpu.enabled true',
  },
  {
    key: 'redis.storage',
    uses: ['redis.mode', 'redis.storage'],
    check: ({ config, isSet }) =>
      isSet('redis.storage') && config.redis.mode !== 'statefulset'
        ? `is only used when redis.mode is statefulset (it is ${config.redis.mode})`
        : undefined,
    allowed: 'no value',
    fix: 'pulumi config rm --path redis.storage',
  },
  {
    key: 'redis.clusterNodes',
    uses: ['redis.mode', 'redis.clusterNodes'],
    check: ({ config }) =>
      config.redis.mode === 'cluster' && config.redis.clusterNodes.length === 0
        ? 'is required when redis.mode is cluster'
        : undefined,
    allowed: 'a list of host:port seed nodes',
    fix: "pulumi config set --path 'redis.clusterNodes[0]' redis-0.redis.example:6379",
  },
  {
    key: 'redis.clusterNodes',
    uses: ['redis.mode', 'redis.clusterNodes'],
    check: ({ config }) =>
      config.redis.mode !== 'cluster' && config.redis.clusterNodes.length > 0
        ? `is only used when redis.mode is cluster (it is ${config.redis.mode})`
        : undefined,
    allowed: 'no value',
    fix: 'pulumi config rm --path redis.clusterNodes',
  },
  {
    key: 'trafficRouter',
    uses: ['trafficRouter', 'istio.enabled'],
    check: ({ config }) =>
      config.trafficRouter === 'istio' && !config.istio.enabled
        ? 'is istio, which routes through the Istio mesh, but istio.enabled is false'
        : undefined,
    allowed: 'gateway-api or replica-ratio while istio.enabled is false',
    fix: 'pulumi config set trafficRouter gateway-api (or pulumi config set --path istio.enabled true)',
  },
  {
    key: 'gateway.host',
    uses: ['gateway.host', 'istio.enabled'],
    check: ({ config }) =>
      config.gateway.host !== undefined && !config.istio.enabled
        ? 'needs the Istio ingress gateway but istio.enabled is false'
        : undefined,
    allowed: 'no host while istio.enabled is false',
    fix: 'pulumi config set --path istio.enabled true',
  },
  {
    key: 'gateway.host',
    uses: ['gateway.host', 'istio.enabled', 'trafficRouter'],
    check: ({ config }) =>
      config.gateway.host !== undefined && config.istio.enabled && config.trafficRouter !== 'istio'
        ? `is served by an Istio Gateway that only the istio router binds, but trafficRouter is ${config.trafficRouter}`
        : undefined,
    allowed:
      "no host unless trafficRouter is istio (with gateway-api, attach the models' HTTPRoutes to your Gateway through AIModel spec.traffic.parentRefs)",
    fix: 'pulumi config rm --path gateway.host',
  },
  {
    key: 'gateway.tlsSecretName',
    uses: ['gateway.host', 'gateway.tlsSecretName'],
    check: ({ config }) =>
      config.gateway.tlsSecretName !== undefined && config.gateway.host === undefined
        ? 'is set without gateway.host'
        : undefined,
    allowed: 'a TLS secret only together with a host',
    fix: 'pulumi config set --path gateway.host <host>',
  },
  {
    key: 'gateway.tlsSecretName',
    uses: ['gateway.host', 'gateway.tlsSecretName'],
    check: ({ config }) =>
      config.gateway.host !== undefined && config.gateway.tlsSecretName === undefined
        ? 'is required with gateway.host: the agents are served over HTTPS only'
        : undefined,
    allowed: 'the name of a kubernetes.io/tls Secret in the ingress gateway namespace',
    fix: 'pulumi config set --path gateway.tlsSecretName <secret>',
  },
  {
    key: 'tracing.collectorExporterEndpoint',
    uses: ['tracing.collector', 'tracing.collectorExporterEndpoint'],
    check: ({ config }) =>
      config.tracing.collector && config.tracing.collectorExporterEndpoint === undefined
        ? 'is required with tracing.collector: the collector forwards to it'
        : undefined,
    allowed: "the OTLP/HTTP endpoint of your trace backend, e.g. Jaeger's",
    fix: 'pulumi config set --path tracing.collectorExporterEndpoint http://jaeger-collector.observability.svc:4318',
  },
  {
    key: 'tracing.collectorExporterEndpoint',
    uses: ['tracing.collector', 'tracing.collectorExporterEndpoint'],
    check: ({ config }) =>
      !config.tracing.collector && config.tracing.collectorExporterEndpoint !== undefined
        ? 'is only used with tracing.collector, which is false'
        : undefined,
    allowed: 'no value while tracing.collector is false',
    fix: 'pulumi config set --path tracing.collector true (or pulumi config rm --path tracing.collectorExporterEndpoint)',
  },
  {
    key: 'tracing.samplingRatio',
    uses: ['tracing.endpoint', 'tracing.collector', 'tracing.samplingRatio'],
    check: ({ config, isSet }) =>
      isSet('tracing.samplingRatio') && config.tracing.endpoint === undefined && !config.tracing.collector
        ? 'has no effect: tracing is off (neither tracing.endpoint nor tracing.collector is set)'
        : undefined,
    allowed: 'a ratio only with tracing.endpoint or tracing.collector',
    fix: 'pulumi config set --path tracing.endpoint <OTLP/HTTP URL> (or pulumi config rm --path tracing.samplingRatio)',
  },
  {
    key: 'redisPassword',
    uses: [],
    check: ({ secrets }) =>
      secrets.redisPassword === undefined
        ? 'is required: Redis without a password would hold every session open'
        : undefined,
    allowed: 'a secret string',
    fix: 'pulumi config set --secret redisPassword <a long random string>',
  },
  {
    key: 'redisUrl',
    uses: ['redis.mode'],
    check: ({ config, secrets }) =>
      config.redis.mode === 'external' && secrets.redisUrl === undefined
        ? 'is required when redis.mode is external'
        : undefined,
    allowed: 'a secret redis:// or rediss:// URL',
    fix: REDIS_URL_FIX,
  },
  {
    key: 'redisUrl',
    uses: [],
    check: ({ peek }) => {
      const url = peek('redisUrl');
      return url !== undefined && !/^rediss?:\/\/[^/@]+/.test(url)
        ? 'is not a redis:// or rediss:// URL'
        : undefined;
    },
    allowed: 'redis://host:port[/db] or rediss://host:port[/db]',
    fix: REDIS_URL_FIX,
  },
  {
    key: 'redisUrl',
    uses: [],
    check: ({ peek }) => (peek('redisUrl')?.includes('@') ? 'holds credentials' : undefined),
    allowed: 'a URL without user or password (the password goes in redisPassword)',
    fix: REDIS_URL_FIX,
  },
  {
    key: 'redisUrl',
    uses: ['redis.mode'],
    check: ({ config, secrets }) =>
      config.redis.mode !== 'external' && secrets.redisUrl !== undefined
        ? `is only used when redis.mode is external (it is ${config.redis.mode})`
        : undefined,
    allowed: 'no value',
    fix: 'pulumi config rm redisUrl',
  },
];

/**
 * The problems of the rules that do not hold, skipping those that read a key already reported
 * invalid (`invalidKeys`, unqualified), or a map or an item above or below one.
 */
export function ruleProblems(
  rules: readonly CrossFieldRule[],
  input: RuleInput,
  invalidKeys: readonly string[],
  context: ProblemContext,
): ConfigProblem[] {
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const problems: ConfigProblem[] = [];
  for (const rule of rules) {
    if (rule.uses.some((used) => invalidKeys.some((bad) => related(used, bad)))) continue;
    const problem = rule.check(input);
    if (problem === undefined) continue;
    problems.push({
      key: rule.key,
      problem,
      allowed: rule.allowed,
      fix: rule.fix ?? setCommand(rule.key, '<value>', context.secretKeys.includes(rule.key)),
    });
  }
  return problems;
}
