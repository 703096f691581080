/**
 * `SuokePlatform`: the whole platform as one reusable Pulumi component.
 *
 * It renders the cdk8s charts in memory and declares one Pulumi resource per Kubernetes object, so
 * `pulumi preview` lists every object and its diff. Objects are applied in stages (see
 * install-order.ts): namespaces, CRDs, configuration and secrets, the operator and platform
 * services, then the custom resources the operator reconciles. Values from secret stack config
 * become Kubernetes Secrets declared here, never rendered by the charts, so they stay Pulumi
 * secrets from config to cluster.
 *
 * Another program reuses it with its own config and chart source:
 *
 *     const platform = new SuokePlatform('suoke', { config, secrets, charts }, { provider });
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { PlatformConfig, PlatformSecrets } from './config.js';
import { STAGES, stageOf, type Stage } from './install-order.js';
import {
  declareObject,
  kindKey,
  resourceName,
  servedKindOf,
  type KubernetesObject,
} from './kubernetes-objects.js';
import { SecretPlaceholders } from './secret-placeholders.js';
import { synthesize, type ChartContext, type ChartSource } from './synthesize.js';

/** Pulumi type token of the component. */
export const SUOKE_PLATFORM_TYPE = 'suoke:platform:SuokePlatform';

/** Secret (in the agents' namespace) holding the Redis password under key `password`. */
export const REDIS_AUTH_SECRET = 'suoke-redis-auth';
/** `kubernetes.io/dockerconfigjson` Secret for private image registries. */
export const REGISTRY_CREDENTIALS_SECRET = 'suoke-registry-credentials';

export interface SuokePlatformArgs {
  /** Validated stack config (see `loadPlatformConfig`). */
  readonly config: PlatformConfig;
  /**
   * Secret stack values. Without `redisPassword` the Secret {@link REDIS_AUTH_SECRET} must already
   * exist in the agents' namespace. @default none
   */
  readonly secrets?: PlatformSecrets;
  /** The charts to render. */
  readonly charts: ChartSource;
}

export class SuokePlatform extends pulumi.ComponentResource {
  /** Namespace of the operator. */
  readonly namespace: pulumi.Output<string>;
  /** Namespace of the agents and Redis. */
  readonly agentNamespace: pulumi.Output<string>;
  /** Public URL of the agents' API on the Istio gateway, when a host is configured. */
  readonly gatewayEndpoint: pulumi.Output<string | undefined>;
  /** In-cluster URL of the operator's metrics, when the charts declare its metrics Service. */
  readonly operatorMetricsUrl: pulumi.Output<string | undefined>;
  /** Grafana, when the stack says where it is. */
  readonly grafanaUrl: pulumi.Output<string | undefined>;
  /** Every declared resource by its resource name (`<Kind>:<namespace>/<name>`). */
  readonly resources: ReadonlyMap<string, pulumi.CustomResource>;

  constructor(name: string, args: SuokePlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    super(SUOKE_PLATFORM_TYPE, name, {}, opts);
    const { config } = args;
    const secrets = args.secrets ?? {};

    const placeholders = new SecretPlaceholders();
    const secretObjects = platformSecretObjects(config, secrets);
    const context: ChartContext = {
      config,
      secretNames: {
        redisPassword: { name: REDIS_AUTH_SECRET, key: 'password' },
        registryCredentials:
          secrets.registryCredentials === undefined ? undefined : REGISTRY_CREDENTIALS_SECRET,
      },
      secretValues: {
        // Shaped like the URL the chart expects, so its own checks pass on the placeholder.
        redisUrl:
          secrets.redisUrl === undefined
            ? undefined
            : placeholders.placeholder(secrets.redisUrl, (t) => `redis://${t}.invalid:6379`),
      },
    };
    let rendered: KubernetesObject[];
    try {
      rendered = synthesize(args.charts, context);
    } catch (error) {
      throw new Error(`SuokePlatform ${name}: rendering the charts failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (context.secretNames.registryCredentials !== undefined) {
      rendered = withPullSecret(rendered, context.secretNames.registryCredentials, [
        config.namespace,
        config.agentNamespace,
      ]);
    }
    const objects = [
      ...ensureNamespaces(rendered, [config.namespace, config.agentNamespace]).map((o) =>
        placeholders.substitute(o),
      ),
      ...secretObjects,
    ];

    const resources = new Map<string, pulumi.CustomResource>();
    const crdByKind = new Map<string, pulumi.CustomResource>();
    const installedKinds = new Set(
      objects.filter((o) => stageOf(o, new Set()) === 'crd').map((crd) => servedKindOf(crd)),
    );
    const byStage = new Map<Stage, KubernetesObject[]>(STAGES.map((s) => [s, []]));
    for (const obj of objects) byStage.get(stageOf(obj, installedKinds))!.push(obj);

    let previous: pulumi.CustomResource[] = [];
    for (const stage of STAGES) {
      const declared: pulumi.CustomResource[] = [];
      for (const obj of byStage.get(stage)!) {
        const key = resourceName(obj);
        if (resources.has(key)) {
          throw new Error(
            `SuokePlatform ${name}: ${key} is rendered twice; each object must come from one chart only`,
          );
        }
        const ownCrd = stage === 'custom' ? crdByKind.get(kindKey(obj)) : undefined;
        const resource = declareObject(obj, {
          parent: this,
          dependsOn: ownCrd === undefined ? previous : [ownCrd, ...previous],
        });
        resources.set(key, resource);
        if (stage === 'crd') crdByKind.set(servedKindOf(obj), resource);
        declared.push(resource);
      }
      if (declared.length > 0) previous = declared;
    }
    this.resources = resources;

    const namespaceOutput = (ns: string) => {
      const resource = resources.get(`Namespace:${ns}`) as k8s.core.v1.Namespace;
      return resource.metadata.name;
    };
    this.namespace = namespaceOutput(config.namespace);
    this.agentNamespace = namespaceOutput(config.agentNamespace);
    const { host, tlsSecretName } = config.gateway;
    this.gatewayEndpoint = pulumi.output(
      host === undefined || tlsSecretName === undefined ? undefined : `https://${host}`,
    );
    this.operatorMetricsUrl = pulumi.output(operatorMetricsUrl(objects, config.namespace));
    this.grafanaUrl = pulumi.output(config.grafanaUrl);

    this.registerOutputs({
      namespace: this.namespace,
      agentNamespace: this.agentNamespace,
      gatewayEndpoint: this.gatewayEndpoint,
      operatorMetricsUrl: this.operatorMetricsUrl,
      grafanaUrl: this.grafanaUrl,
    });
  }
}

/** Secrets built from secret stack config; their payloads stay `Output`s marked secret. */
export function platformSecretObjects(config: PlatformConfig, secrets: PlatformSecrets): KubernetesObject[] {
  const labels = { 'app.kubernetes.io/part-of': 'suoke-modelops', 'app.kubernetes.io/managed-by': 'pulumi' };
  const objects: KubernetesObject[] = [];
  if (secrets.redisPassword !== undefined) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Secret',
      // Beside Redis and the agents, which mount it.
      metadata: { name: REDIS_AUTH_SECRET, namespace: config.agentNamespace, labels },
      type: 'Opaque',
      stringData: pulumi.secret({ password: secrets.redisPassword }),
    });
  }
  if (secrets.registryCredentials !== undefined) {
    // Pods can only use a pull secret of their own namespace.
    for (const namespace of [config.namespace, config.agentNamespace]) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: REGISTRY_CREDENTIALS_SECRET, namespace, labels },
        type: 'kubernetes.io/dockerconfigjson',
        stringData: pulumi.secret({ '.dockerconfigjson': secrets.registryCredentials }),
      });
    }
  }
  return objects;
}

/** The rendered objects, led by any of `namespaces` that no chart renders. */
function ensureNamespaces(objects: KubernetesObject[], namespaces: readonly string[]): KubernetesObject[] {
  const missing = namespaces.filter(
    (ns) => !objects.some((o) => o.apiVersion === 'v1' && o.kind === 'Namespace' && o.metadata.name === ns),
  );
  const labels = {
    'app.kubernetes.io/part-of': 'suoke-modelops',
    'pod-security.kubernetes.io/enforce': 'restricted',
  };
  return [
    ...missing.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } })),
    ...objects,
  ];
}

/**
 * ServiceAccounts in `namespaces` with `secret` added to their imagePullSecrets: Kubernetes adds a
 * ServiceAccount's pull secrets to every pod that runs as it, so private images pull without each
 * chart knowing about registry credentials.
 */
function withPullSecret(
  objects: KubernetesObject[],
  secret: string,
  namespaces: readonly string[],
): KubernetesObject[] {
  return objects.map((o) => {
    if (
      o.apiVersion !== 'v1' ||
      o.kind !== 'ServiceAccount' ||
      !namespaces.includes(o.metadata.namespace ?? '')
    ) {
      return o;
    }
    const existing = (o.imagePullSecrets ?? []) as { name: string }[];
    if (existing.some((s) => s.name === secret)) return o;
    return { ...o, imagePullSecrets: [...existing, { name: secret }] };
  });
}

/**
 * `http://<svc>.<ns>.svc:<port>/metrics` of the Service in the operator's namespace with a port named
 * `metrics` (the operator's, the only workload there), if the charts declare one.
 */
function operatorMetricsUrl(objects: readonly KubernetesObject[], namespace: string): string | undefined {
  for (const obj of objects) {
    if (obj.apiVersion !== 'v1' || obj.kind !== 'Service' || obj.metadata.namespace !== namespace) continue;
    const ports = (obj.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? [];
    const metrics = ports.find((p) => p.name === 'metrics');
    if (metrics !== undefined) return `http://${obj.metadata.name}.${namespace}.svc:${metrics.port}/metrics`;
  }
  return undefined;
}
