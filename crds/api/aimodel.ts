/** AIModel: one served model behind one agent API. */
import { Type, type Static } from '@sinclair/typebox';
import { conditionsSchema, observedGenerationSchema } from './condition.js';
import { DEFAULT_GPU_RESOURCE, DEFAULT_RUNTIME_IMAGE } from './constants.js';
import { PricingSchema } from './pricing.js';
import { PromotionPolicySchema } from './promotion.js';
import { COOKIE_NAME_PATTERN, HEADER_NAME_PATTERN } from './strategy.js';
import {
  DNS_LABEL_PATTERN,
  bool,
  duration,
  int,
  list,
  localRef,
  mapList,
  num,
  obj,
  quantity,
  secretKeyRef,
  str,
  strEnum,
} from './schema.js';

const IMAGE_PATTERN = '^[^\\s]+$';

/**
 * A quantity field as a CEL double. The field is int-or-string (CEL `dyn`): integers convert
 * directly, strings go through the quantity library (Kubernetes 1.29+). No `string()` conversion on
 * purpose: its result has no size bound, which would blow the API server's static cost estimate.
 */
function quantityAsDouble(field: string): string {
  return `(type(${field}) == int ? double(${field}) : quantity(${field}).asApproximateFloat())`;
}

/** `a.<resource> <= b.<resource>` when both are set, comparing quantities by value (500m < 1 < 2Gi...). */
function quantityLe(a: string, b: string, resource: 'cpu' | 'memory'): string {
  return (
    `!has(${a}.${resource}) || !has(${b}.${resource}) || ` +
    `${quantityAsDouble(`${a}.${resource}`)} <= ${quantityAsDouble(`${b}.${resource}`)}`
  );
}

export const ResourceListSchema = (what: string) =>
  obj(
    {
      cpu: Type.Optional(quantity({ description: `CPU ${what}, e.g. 500m or 2.` })),
      memory: Type.Optional(quantity({ description: `Memory ${what}, e.g. 512Mi or 4Gi.` })),
    },
    { description: `CPU and memory ${what}.` },
  );

export const EnvVarSchema = obj(
  {
    name: str({
      description: 'Environment variable name.',
      minLength: 1,
      maxLength: 253,
      pattern: '^[-._a-zA-Z][-._a-zA-Z0-9]*$',
    }),
    value: Type.Optional(
      str({ description: 'Literal value. Never put secrets here; use secretKeyRef.', maxLength: 32768 }),
    ),
    secretKeyRef: Type.Optional(secretKeyRef('Take the value from a key of a Secret.')),
  },
  {
    description: 'One environment variable.',
    rules: [
      {
        rule: '!(has(self.value) && has(self.secretKeyRef))',
        message: 'set value or secretKeyRef, not both',
      },
    ],
  },
);

export const TolerationSchema = obj(
  {
    key: Type.Optional(
      str({ description: 'Taint key the toleration applies to; empty matches all keys.', maxLength: 317 }),
    ),
    operator: Type.Optional(
      strEnum(['Exists', 'Equal'] as const, {
        description: 'Relation between key and value.',
        default: 'Equal',
      }),
    ),
    value: Type.Optional(str({ description: 'Taint value the toleration matches.', maxLength: 63 })),
    effect: Type.Optional(
      strEnum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const, {
        description: 'Taint effect to match; empty matches all effects.',
      }),
    ),
    tolerationSeconds: Type.Optional(
      int({
        description: 'For NoExecute: how long the pod stays bound after the taint appears.',
        format: 'int64',
      }),
    ),
  },
  {
    description: 'A pod toleration (core/v1 Toleration).',
    // The pod validation rules of core/v1, checked here so a mistake is refused on apply, not
    // later when the operator's Deployment is refused.
    rules: [
      {
        rule: "(has(self.key) && self.key != '') || (has(self.operator) && self.operator == 'Exists')",
        message: 'a toleration without key must use operator Exists (it then tolerates every taint)',
        fieldPath: '.operator',
      },
      {
        rule: "!has(self.operator) || self.operator != 'Exists' || !has(self.value) || self.value == ''",
        message: 'a toleration with operator Exists has no value',
        fieldPath: '.value',
      },
      {
        rule: "!has(self.tolerationSeconds) || (has(self.effect) && self.effect == 'NoExecute')",
        message: 'tolerationSeconds needs effect NoExecute',
        fieldPath: '.tolerationSeconds',
      },
    ],
  },
);

export const GpuSchema = obj(
  {
    count: num({
      description:
        'GPUs per replica, greater than 0. A fraction (e.g. 0.5) is only valid with a shared-GPU resourceName, where one physical GPU is advertised as slicesPerGpu units and the pod requests ceil(count x slicesPerGpu) of them.',
      // Positive in a form the API server enforces: it compares a whole number with the truncated
      // minimum, so a fractional one such as 0.01 would let 0 through; an exclusive 0 does not.
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 64,
    }),
    maxCount: Type.Optional(
      num({
        description:
          'Largest GPU count this model may be given per replica, greater than 0 (capacity planning and vertical recommendations; Kubernetes does not resize extended resources in place).',
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 64,
      }),
    ),
    resourceName: Type.Optional(
      str({
        description: `Extended resource to request. A name ending in ".shared" (e.g. nvidia.com/gpu.shared, NVIDIA time-slicing) marks a shared GPU. Defaults to ${DEFAULT_GPU_RESOURCE}.`,
        default: DEFAULT_GPU_RESOURCE,
        maxLength: 253,
        pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)[-._a-zA-Z0-9]+$',
      }),
    ),
    slicesPerGpu: Type.Optional(
      int({
        description:
          'Units one physical GPU is advertised as by a shared-GPU device plugin (time-slicing replicas). Defaults to 2 for shared resources.',
        minimum: 2,
        maximum: 64,
      }),
    ),
    product: Type.Optional(
      str({
        description:
          'GPU product to schedule on; becomes the node selector nvidia.com/gpu.product=<product>, e.g. NVIDIA-A100-SXM4-80GB.',
        maxLength: 63,
        pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
      }),
    ),
    tolerations: Type.Optional(
      list(TolerationSchema, { description: 'Tolerations for GPU node taints.', maxItems: 16 }),
    ),
  },
  {
    description: 'GPUs for the model server.',
    rules: [
      {
        rule: "double(int(self.count)) == self.count || self.resourceName.endsWith('.shared')",
        message:
          'a fractional gpu count needs a shared-GPU resourceName ending in ".shared" (e.g. nvidia.com/gpu.shared)',
        fieldPath: '.count',
      },
      {
        rule: "!has(self.slicesPerGpu) || self.resourceName.endsWith('.shared')",
        message: 'slicesPerGpu only applies to a shared-GPU resourceName ending in ".shared"',
        fieldPath: '.slicesPerGpu',
      },
      {
        rule: '!has(self.maxCount) || self.count <= self.maxCount',
        message: 'gpu.count must be less than or equal to gpu.maxCount',
        fieldPath: '.count',
      },
    ],
  },
);

export const ResourcesSchema = obj(
  {
    requests: Type.Optional(ResourceListSchema('requested')),
    limits: Type.Optional(ResourceListSchema('limit')),
    gpu: Type.Optional(GpuSchema),
  },
  {
    description:
      'Compute resources of the model-serving container (the engine when it runs in the pod, else the runtime).',
    rules: [
      {
        rule: `!has(self.requests) || !has(self.limits) || (${quantityLe('self.requests', 'self.limits', 'cpu')})`,
        message: 'requests.cpu must be less than or equal to limits.cpu',
        fieldPath: '.requests',
      },
      {
        rule: `!has(self.requests) || !has(self.limits) || (${quantityLe('self.requests', 'self.limits', 'memory')})`,
        message: 'requests.memory must be less than or equal to limits.memory',
        fieldPath: '.requests',
      },
    ],
  },
);

export const ExternalEngineSchema = obj(
  {
    baseUrl: str({
      description: 'Base URL of a remote OpenAI-compatible API, e.g. https://api.example.com/v1.',
      maxLength: 2048,
      pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
    }),
    fallbackUrls: Type.Optional(
      list(
        str({
          description: 'A fallback base URL.',
          maxLength: 2048,
          pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
        }),
        {
          description: 'Base URLs tried in order when baseUrl fails.',
          maxItems: 8,
        },
      ),
    ),
    apiKeySecretRef: Type.Optional(
      secretKeyRef('Secret key holding the API key sent to the endpoint.', 'api-key'),
    ),
  },
  { description: 'A remote OpenAI-compatible endpoint instead of a model server in the pod.' },
);

export const EngineSchema = obj(
  {
    image: Type.Optional(
      str({
        description: 'Model-server image run beside the runtime, e.g. vllm/vllm-openai:v0.6.3.',
        maxLength: 1024,
        pattern: IMAGE_PATTERN,
      }),
    ),
    args: Type.Optional(
      list(str({ description: 'One argument.', maxLength: 4096 }), {
        description: 'Model-server arguments.',
        maxItems: 64,
      }),
    ),
    env: Type.Optional(
      mapList(EnvVarSchema, ['name'], { description: 'Model-server environment.', maxItems: 64 }),
    ),
    port: Type.Optional(
      int({
        description: 'Port the model server listens on (loopback inside the pod). Defaults to 8001.',
        default: 8001,
        minimum: 1,
        maximum: 65535,
      }),
    ),
    protocol: Type.Optional(
      strEnum(['openai'] as const, {
        description: 'API the engine speaks. Defaults to openai.',
        default: 'openai',
      }),
    ),
    modelName: Type.Optional(
      str({
        description: 'Model name sent to the engine. Defaults to the AIModel name.',
        minLength: 1,
        maxLength: 253,
      }),
    ),
    external: Type.Optional(ExternalEngineSchema),
  },
  {
    description:
      'The model engine the runtime calls: a model-server image run in the pod, or an external endpoint.',
    rules: [
      {
        rule: 'has(self.image) != has(self.external)',
        message:
          'engine needs exactly one of image (a model server in the pod) or external (a remote OpenAI-compatible endpoint)',
      },
      {
        rule: '!has(self.external) || (!has(self.args) && !has(self.env))',
        message: 'args and env only apply to an engine image, not to an external engine',
      },
    ],
  },
);

export const RedisSchema = obj(
  {
    mode: Type.Optional(
      strEnum(['none', 'standalone', 'sentinel', 'cluster'] as const, {
        description:
          'How the runtime reaches Redis; none keeps sessions, cache and rate limits off. Defaults to none.',
        default: 'none',
      }),
    ),
    url: Type.Optional(
      str({
        description: 'redis:// or rediss:// URL (standalone).',
        maxLength: 2048,
        pattern: '^rediss?://[^\\s]+$',
      }),
    ),
    sentinels: Type.Optional(
      list(
        str({ description: 'host:port of a Sentinel.', maxLength: 261, pattern: '^[^\\s:]+:[0-9]{1,5}$' }),
        {
          description: 'Sentinel addresses (sentinel mode).',
          maxItems: 16,
        },
      ),
    ),
    sentinelName: Type.Optional(
      str({ description: 'Name of the monitored master (sentinel mode).', maxLength: 253 }),
    ),
    clusterNodes: Type.Optional(
      list(
        str({
          description: 'host:port of a cluster node.',
          maxLength: 261,
          pattern: '^[^\\s:]+:[0-9]{1,5}$',
        }),
        {
          description: 'Seed nodes (cluster mode).',
          maxItems: 16,
        },
      ),
    ),
    passwordSecretRef: Type.Optional(secretKeyRef('Secret key holding the Redis password.', 'password')),
  },
  {
    description: 'Redis for sessions, the response cache and rate limits.',
    rules: [
      {
        rule: "self.mode != 'standalone' || has(self.url)",
        message: 'redis mode standalone needs url',
        fieldPath: '.url',
        reason: 'FieldValueRequired',
      },
      {
        rule: "self.mode != 'sentinel' || (has(self.sentinels) && size(self.sentinels) > 0 && has(self.sentinelName))",
        message: 'redis mode sentinel needs sentinels and sentinelName',
      },
      {
        rule: "self.mode != 'cluster' || (has(self.clusterNodes) && size(self.clusterNodes) > 0)",
        message: 'redis mode cluster needs clusterNodes',
        fieldPath: '.clusterNodes',
        reason: 'FieldValueRequired',
      },
    ],
  },
);

export const AuthSchema = obj(
  {
    apiKeysSecretRef: Type.Optional(
      secretKeyRef(
        'Secret key holding the accepted API keys, one per line. When set, requests need a key.',
        'api-keys',
      ),
    ),
    jwt: Type.Optional(
      obj(
        {
          jwksUrl: Type.Optional(
            str({
              description: 'URL of the JSON Web Key Set.',
              maxLength: 2048,
              pattern: '^https?://[^\\s]+$',
            }),
          ),
          jwksSecretRef: Type.Optional(secretKeyRef('Secret key holding a JSON Web Key Set.', 'jwks.json')),
          // Required: without them any token the keys sign would do, whoever it was issued to or for.
          issuer: str({
            description:
              "The only token issuer accepted (its 'iss' claim), e.g. https://auth.suoke.life. Required.",
            minLength: 1,
            maxLength: 2048,
            pattern: '^\\S+$',
          }),
          audience: str({
            description:
              "The audience a token must name in its 'aud' claim, e.g. the agent's name. Required.",
            minLength: 1,
            maxLength: 256,
            pattern: '^\\S+$',
          }),
          subjectClaim: Type.Optional(
            str({
              description:
                'Claim naming the caller, which keys its sessions and rate limits; a token without it is refused. Defaults to sub.',
              default: 'sub',
              maxLength: 256,
              pattern: '^\\S+$',
            }),
          ),
          tenantClaim: Type.Optional(
            str({
              description:
                "Claim naming the caller's tenant; when set, a token without it is refused. Unset: callers have no tenant.",
              maxLength: 256,
              pattern: '^\\S+$',
            }),
          ),
          maxTokenLifetime: Type.Optional(
            duration({
              description:
                'Longest validity a token may have (from its iat, and from now); longer-lived tokens are refused. 1s to 720h. Defaults to 24h.',
              default: '24h',
              rules: [
                {
                  rule: "duration(self) >= duration('1s') && duration(self) <= duration('720h')",
                  message: 'maxTokenLifetime must be from 1s to 720h (30 days)',
                },
              ],
            }),
          ),
        },
        {
          description: 'Accept JSON Web Tokens signed by these keys, from this issuer, for this audience.',
          rules: [
            {
              rule: 'has(self.jwksUrl) != has(self.jwksSecretRef)',
              message: 'jwt needs exactly one of jwksUrl or jwksSecretRef',
            },
          ],
        },
      ),
    ),
  },
  { description: 'Authentication of agent API callers. Without it the API is open inside the mesh.' },
);

export const RuntimeSchema = obj(
  {
    image: Type.Optional(
      str({
        description: `Runtime image. Defaults to ${DEFAULT_RUNTIME_IMAGE}.`,
        default: DEFAULT_RUNTIME_IMAGE,
        maxLength: 1024,
        pattern: IMAGE_PATTERN,
      }),
    ),
    port: Type.Optional(
      int({
        description: 'Port of the agent API, health and metrics (named http). Defaults to 8000.',
        default: 8000,
        minimum: 1,
        maximum: 65535,
      }),
    ),
    resources: Type.Optional(
      obj(
        {
          requests: Type.Optional(ResourceListSchema('requested')),
          limits: Type.Optional(ResourceListSchema('limit')),
        },
        { description: 'Resources of the runtime container when the engine runs beside it.' },
      ),
    ),
    redis: Type.Optional(RedisSchema),
    auth: Type.Optional(AuthSchema),
    sessionTtl: Type.Optional(
      duration({
        description: 'Lifetime of a server-side session (X-Session-Id). Defaults to 30m.',
        default: '30m',
      }),
    ),
    cacheTtl: Type.Optional(
      duration({
        description:
          'Lifetime of cached responses to deterministic requests; 0s turns the cache off. Defaults to 10m.',
        default: '10m',
      }),
    ),
    rateLimitPerMinute: Type.Optional(
      int({
        description: 'Requests per minute per API key or subject; 0 means unlimited. Defaults to 0.',
        default: 0,
        minimum: 0,
        maximum: 1000000,
      }),
    ),
    budgetFailureMode: Type.Optional(
      strEnum(['Open', 'Closed'] as const, {
        description:
          'What a request of an API key with a token budget (tokens-per-day / tokens-per-month in the API keys file) gets while Redis cannot be reached: Open serves it without counting its tokens, Closed answers 503 budget_unavailable. Defaults to Open.',
        default: 'Open',
      }),
    ),
    logContent: Type.Optional(
      bool({
        description: 'Log prompt and completion text. Off by default: prompts may hold health data.',
        default: false,
      }),
    ),
    extraRequestParams: Type.Optional(
      list(
        str({
          description: 'A request field name, e.g. top_k.',
          maxLength: 64,
          pattern: '^[a-z][a-z0-9_]{0,63}$',
        }),
        {
          description:
            'Request fields the engine gets besides the standard OpenAI chat-completions parameters, unchecked (e.g. top_k, min_p for vLLM); clients that send any other field get 400 unknown_parameter. Defaults to none.',
          maxItems: 32,
          rules: [
            {
              rule: "self.all(f, !(f in ['model', 'messages', 'stream', 'stream_options']))",
              message:
                'extraRequestParams cannot list model, messages, stream or stream_options: the runtime sets them',
            },
          ],
        },
      ),
    ),
    pricing: Type.Optional(PricingSchema),
    env: Type.Optional(
      mapList(EnvVarSchema, ['name'], { description: 'Extra runtime environment.', maxItems: 32 }),
    ),
  },
  { description: 'The thin runtime serving the agent API in front of the engine.' },
);

export const CustomMetricSchema = obj(
  {
    name: str({
      description:
        'Metric name served by the metrics API (Prometheus Adapter), e.g. ai_inference_requests_per_second.',
      minLength: 1,
      maxLength: 253,
      pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$',
    }),
    type: Type.Optional(
      strEnum(['Pods', 'External'] as const, {
        description:
          'Pods: averaged over the pods of the version; External: one value from outside. Defaults to Pods.',
        default: 'Pods',
      }),
    ),
    target: quantity({
      description: 'Target average value per pod (Pods) or target value (External), e.g. 30.',
    }),
  },
  { description: 'A custom metric the autoscaler keeps at its target.' },
);

export const ScalingPolicySchema = obj(
  {
    type: strEnum(['Pods', 'Percent'] as const, {
      description: 'Change measured in pods or in percent of current replicas.',
    }),
    value: int({ description: 'Amount of change allowed per period.', minimum: 1 }),
    periodSeconds: int({ description: 'Window the policy holds over.', minimum: 1, maximum: 1800 }),
  },
  { description: 'A limit on scaling speed.' },
);

export const ScalingRulesSchema = (direction: string) =>
  obj(
    {
      stabilizationWindowSeconds: Type.Optional(
        int({
          description: `Past recommendations considered when scaling ${direction}.`,
          minimum: 0,
          maximum: 3600,
        }),
      ),
      selectPolicy: Type.Optional(
        strEnum(['Max', 'Min', 'Disabled'] as const, {
          description: 'Which policy wins when several apply.',
        }),
      ),
      policies: Type.Optional(list(ScalingPolicySchema, { description: 'Speed limits.', maxItems: 10 })),
    },
    { description: `Scaling ${direction} behavior (autoscaling/v2 HPAScalingRules).` },
  );

export const VpaSchema = obj(
  {
    mode: Type.Optional(
      strEnum(['Off', 'Initial', 'Recreate', 'Auto'] as const, {
        description: 'VerticalPodAutoscaler update mode; Off only records recommendations. Defaults to Off.',
        default: 'Off',
      }),
    ),
    minAllowed: Type.Optional(ResourceListSchema('lower bound of recommendations')),
    maxAllowed: Type.Optional(ResourceListSchema('upper bound of recommendations')),
  },
  {
    description: 'Vertical recommendations for the model-serving container.',
    rules: [
      {
        rule: `!has(self.minAllowed) || !has(self.maxAllowed) || (${quantityLe('self.minAllowed', 'self.maxAllowed', 'cpu')})`,
        message: 'vpa.minAllowed.cpu must be less than or equal to vpa.maxAllowed.cpu',
        fieldPath: '.minAllowed',
      },
      {
        rule: `!has(self.minAllowed) || !has(self.maxAllowed) || (${quantityLe('self.minAllowed', 'self.maxAllowed', 'memory')})`,
        message: 'vpa.minAllowed.memory must be less than or equal to vpa.maxAllowed.memory',
        fieldPath: '.minAllowed',
      },
    ],
  },
);

export const ScalingSchema = obj(
  {
    minReplicas: Type.Optional(
      int({
        description: 'Fewest replicas of the stable version. Defaults to 1.',
        default: 1,
        minimum: 1,
        maximum: 1000,
      }),
    ),
    maxReplicas: int({ description: 'Most replicas of the stable version.', minimum: 1, maximum: 1000 }),
    cpuUtilization: Type.Optional(
      int({ description: 'Target average CPU utilisation, percent of requests.', minimum: 1, maximum: 100 }),
    ),
    memoryUtilization: Type.Optional(
      int({
        description: 'Target average memory utilisation, percent of requests.',
        minimum: 1,
        maximum: 100,
      }),
    ),
    customMetrics: Type.Optional(
      mapList(CustomMetricSchema, ['name'], {
        description: 'Custom metrics with targets (Prometheus Adapter).',
        maxItems: 8,
      }),
    ),
    behavior: Type.Optional(
      obj(
        {
          scaleUp: Type.Optional(ScalingRulesSchema('up')),
          scaleDown: Type.Optional(ScalingRulesSchema('down')),
        },
        { description: 'HorizontalPodAutoscaler behavior.' },
      ),
    ),
    vpa: Type.Optional(VpaSchema),
  },
  {
    description:
      'Horizontal and vertical autoscaling. A canary gets replicas in proportion to its traffic weight, within the same bounds.',
    rules: [
      {
        rule: 'self.minReplicas <= self.maxReplicas',
        message: 'minReplicas must be less than or equal to maxReplicas',
        fieldPath: '.minReplicas',
      },
      {
        rule: 'self.minReplicas == self.maxReplicas || has(self.cpuUtilization) || has(self.memoryUtilization) || (has(self.customMetrics) && size(self.customMetrics) > 0)',
        message:
          'scaling needs a target (cpuUtilization, memoryUtilization or customMetrics) unless minReplicas equals maxReplicas',
      },
      {
        rule: "!has(self.vpa) || self.vpa.mode in ['Off', 'Initial'] || (!has(self.cpuUtilization) && !has(self.memoryUtilization))",
        message:
          'vpa.mode Auto or Recreate fights an HPA on cpuUtilization/memoryUtilization; use vpa.mode Off or Initial, or scale on customMetrics only',
        fieldPath: '.vpa.mode',
      },
    ],
  },
);

/** A Gateway API ParentReference, as HTTPRoute `spec.parentRefs[]` takes it (same names and bounds). */
export const ParentRefSchema = obj(
  {
    group: Type.Optional(
      str({
        description:
          'API group of the parent. Defaults to gateway.networking.k8s.io; empty for a core Service.',
        maxLength: 253,
        pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      }),
    ),
    kind: Type.Optional(
      str({
        description: 'Kind of the parent. Defaults to Gateway.',
        minLength: 1,
        maxLength: 63,
        pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$',
      }),
    ),
    namespace: Type.Optional(
      str({
        description: 'Namespace of the parent. Defaults to the AIModel’s namespace.',
        minLength: 1,
        maxLength: 63,
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      }),
    ),
    name: str({ description: 'Name of the parent.', minLength: 1, maxLength: 253 }),
    sectionName: Type.Optional(
      str({
        description: 'A listener of the Gateway (or a port name of a Service).',
        minLength: 1,
        maxLength: 253,
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      }),
    ),
    port: Type.Optional(int({ description: 'Port of the parent.', minimum: 1, maximum: 65535 })),
  },
  { description: 'A Gateway API parent (Gateway, or Service for mesh routing) of the model’s HTTPRoute.' },
);

/** The request header a session key travels in when the AIModel names none (the runtime's X-Session-Id). */
export const DEFAULT_SESSION_AFFINITY_HEADER = 'x-session-id';

export const SessionAffinitySchema = obj(
  {
    enabled: Type.Optional(
      bool({
        description:
          'Keep each conversation on the version that served its first turn while a rollout runs (pins in Redis, ' +
          'one in-mesh forward, a route per serving version in the VirtualService). Defaults to on when the model ' +
          'has server-side sessions (runtime.redis mode other than none) and the operator routes with Istio ' +
          '(--traffic-router=istio); off otherwise. The gateway-api and replica-ratio routers cannot: the operator ' +
          'refuses enabled: true with them (RenderFailed).',
      }),
    ),
    header: Type.Optional(
      str({
        description: `Lower-case request header holding the session key. Defaults to ${DEFAULT_SESSION_AFFINITY_HEADER}.`,
        minLength: 1,
        maxLength: 128,
        pattern: HEADER_NAME_PATTERN,
      }),
    ),
    cookie: Type.Optional(
      str({
        description: 'Cookie holding the session key, instead of a header.',
        minLength: 1,
        maxLength: 128,
        pattern: COOKIE_NAME_PATTERN,
      }),
    ),
  },
  {
    description: 'Session-consistent rollouts: a conversation keeps its model version during a canary.',
    rules: [
      {
        rule: '!has(self.header) || !has(self.cookie)',
        message: 'sessionAffinity takes the session key from a header or a cookie, not both',
      },
    ],
  },
);

export const TrafficSchema = obj(
  {
    hosts: Type.Optional(
      list(
        str({
          description: 'A host name the agent API answers on.',
          minLength: 1,
          maxLength: 253,
          pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
        }),
        {
          description: 'Host names of the VirtualService. Defaults to the in-cluster Service name.',
          maxItems: 16,
        },
      ),
    ),
    gateways: Type.Optional(
      list(str({ description: 'An Istio gateway, namespace/name or name.', minLength: 1, maxLength: 253 }), {
        description: 'Istio gateways to expose the agent API on. Defaults to the mesh only.',
        maxItems: 8,
      }),
    ),
    parentRefs: Type.Optional(
      list(ParentRefSchema, {
        description:
          'Gateway API parents of the HTTPRoute the gateway-api traffic router writes (usually Gateways). Defaults to the model’s own Service (GAMMA: in-mesh callers get the split).',
        maxItems: 8,
      }),
    ),
    timeout: Type.Optional(
      duration({
        description: 'Request timeout (long: completions stream). Defaults to 120s.',
        default: '120s',
      }),
    ),
    retries: Type.Optional(
      obj(
        {
          attempts: int({
            description: 'Retries per request; 0 turns retries off.',
            minimum: 0,
            maximum: 10,
          }),
          perTryTimeout: Type.Optional(duration({ description: 'Timeout of each try.' })),
          retryOn: Type.Optional(
            str({
              description: 'Istio retry conditions, e.g. connect-failure,refused-stream,unavailable,503.',
              maxLength: 256,
              default: 'connect-failure,refused-stream,unavailable,503',
            }),
          ),
        },
        { description: 'Retries of failed requests.' },
      ),
    ),
    connectionPool: Type.Optional(
      obj(
        {
          maxConnections: Type.Optional(
            int({ description: 'Most TCP connections to a version.', minimum: 1 }),
          ),
          maxPendingRequests: Type.Optional(
            int({ description: 'Most queued requests waiting for a connection.', minimum: 1 }),
          ),
          maxRequestsPerConnection: Type.Optional(
            int({
              description: 'Requests per connection before it is closed; 0 means unlimited.',
              minimum: 0,
            }),
          ),
        },
        { description: 'Circuit breaking by connection limits (DestinationRule connectionPool).' },
      ),
    ),
    outlierDetection: Type.Optional(
      obj(
        {
          consecutive5xxErrors: Type.Optional(
            int({ description: 'Errors in a row that eject a pod. Defaults to 5.', default: 5, minimum: 1 }),
          ),
          interval: Type.Optional(
            duration({ description: 'Time between ejection sweeps. Defaults to 10s.', default: '10s' }),
          ),
          baseEjectionTime: Type.Optional(
            duration({ description: 'Minimum ejection time. Defaults to 30s.', default: '30s' }),
          ),
          maxEjectionPercent: Type.Optional(
            int({
              description: 'Most pods ejected, in percent. Defaults to 50.',
              default: 50,
              minimum: 0,
              maximum: 100,
            }),
          ),
        },
        { description: 'Eject failing pods from load balancing (DestinationRule outlierDetection).' },
      ),
    ),
    sessionAffinity: Type.Optional(SessionAffinitySchema),
  },
  {
    description:
      'How traffic reaches the agent: Istio VirtualService and DestinationRule, or a Gateway API HTTPRoute, as the operator’s traffic router says.',
  },
);

export const AgentSchema = obj(
  {
    name: str({
      description: 'Agent name (label agent=, metric label agent).',
      minLength: 1,
      maxLength: 63,
      pattern: DNS_LABEL_PATTERN,
    }),
    description: Type.Optional(str({ description: 'What the agent does.', maxLength: 1024 })),
    systemPromptRef: Type.Optional(
      obj(
        {
          kind: Type.Optional(
            strEnum(['ConfigMap', 'Secret'] as const, {
              description: 'Kind of the object. Defaults to ConfigMap.',
              default: 'ConfigMap',
            }),
          ),
          name: str({
            description: 'Name of the ConfigMap or Secret in the same namespace.',
            minLength: 1,
            maxLength: 253,
          }),
          key: Type.Optional(
            str({
              description: 'Key holding the prompt. Defaults to system-prompt.txt.',
              default: 'system-prompt.txt',
              maxLength: 253,
            }),
          ),
        },
        { description: 'The persona: a system prompt mounted read-only into the runtime.' },
      ),
    ),
  },
  { description: 'The agent this model serves.' },
);

export const AIModelSpecSchema = obj(
  {
    agent: AgentSchema,
    framework: strEnum(['huggingface', 'pytorch', 'tensorflow', 'onnx', 'gguf', 'custom'] as const, {
      description:
        'Framework the model was built with; selects sensible engine defaults and shows in dashboards.',
    }),
    engine: EngineSchema,
    runtime: Type.Optional(RuntimeSchema),
    resources: Type.Optional(ResourcesSchema),
    scaling: Type.Optional(ScalingSchema),
    traffic: Type.Optional(TrafficSchema),
    rollout: Type.Optional(PromotionPolicySchema),
    registryRef: Type.Optional(localRef('ModelRegistry holding this model’s artifacts and versions.')),
    historyLimit: Type.Optional(
      int({
        description: 'Versions kept in status.history. Defaults to 10.',
        default: 10,
        minimum: 1,
        maximum: 50,
      }),
    ),
  },
  {
    description: 'Desired state of the AIModel.',
    rules: [
      {
        rule: '!has(self.engine.external) || !has(self.resources) || !has(self.resources.gpu)',
        message: 'resources.gpu applies to an engine image run in the pod, not to an external engine',
        fieldPath: '.resources.gpu',
      },
      {
        rule:
          '!has(self.traffic) || !has(self.traffic.sessionAffinity) || !has(self.traffic.sessionAffinity.enabled) || ' +
          "!self.traffic.sessionAffinity.enabled || (has(self.runtime) && has(self.runtime.redis) && has(self.runtime.redis.mode) && self.runtime.redis.mode != 'none')",
        message:
          'traffic.sessionAffinity.enabled needs server-side sessions: set runtime.redis (mode standalone, sentinel or cluster)',
        fieldPath: '.traffic.sessionAffinity.enabled',
      },
    ],
  },
);

export const TrafficWeightSchema = obj(
  {
    version: str({ description: 'ModelVersion spec.version.', maxLength: 63 }),
    weight: int({ description: 'Percent of traffic.', minimum: 0, maximum: 100 }),
  },
  { description: 'Traffic share of one version.' },
);

export const HistoryEntrySchema = obj(
  {
    version: str({ description: 'ModelVersion spec.version.', maxLength: 63 }),
    outcome: strEnum(['Promoted', 'RolledBack', 'Superseded', 'Failed'] as const, {
      description: 'How the rollout ended.',
    }),
    time: str({ description: 'When it ended (RFC 3339).', format: 'date-time' }),
    message: Type.Optional(str({ description: 'Why.', maxLength: 1024 })),
  },
  { description: 'One past rollout.' },
);

export const AIModelStatusSchema = obj(
  {
    observedGeneration: observedGenerationSchema(),
    stableVersion: Type.Optional(str({ description: 'Version serving stable traffic.', maxLength: 63 })),
    canaryVersion: Type.Optional(str({ description: 'Version being canaried, if any.', maxLength: 63 })),
    canaryWeight: Type.Optional(
      int({ description: 'Percent of traffic the canary gets.', minimum: 0, maximum: 100 }),
    ),
    traffic: Type.Optional(
      mapList(TrafficWeightSchema, ['version'], { description: 'Current traffic split.', maxItems: 8 }),
    ),
    replicas: Type.Optional(int({ description: 'Replicas of all versions.', minimum: 0 })),
    readyReplicas: Type.Optional(int({ description: 'Ready replicas of all versions.', minimum: 0 })),
    endpoint: Type.Optional(str({ description: 'In-cluster URL of the agent API.', maxLength: 2048 })),
    history: Type.Optional(
      list(HistoryEntrySchema, { description: 'Last rollouts, newest first.', maxItems: 50 }),
    ),
    conditions: conditionsSchema('Ready, Progressing and Degraded.'),
  },
  { description: 'Observed state of the AIModel.' },
);

export type Gpu = Static<typeof GpuSchema>;
export type Scaling = Static<typeof ScalingSchema>;
export type Engine = Static<typeof EngineSchema>;
export type Runtime = Static<typeof RuntimeSchema>;
export type Traffic = Static<typeof TrafficSchema>;
export type SessionAffinity = Static<typeof SessionAffinitySchema>;
export type ParentRef = Static<typeof ParentRefSchema>;
export type Resources = Static<typeof ResourcesSchema>;
export type CustomMetric = Static<typeof CustomMetricSchema>;
export type Vpa = Static<typeof VpaSchema>;
export type TrafficWeight = Static<typeof TrafficWeightSchema>;
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
