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
import { synthesize, type ChartSource, type PlatformSecretNames } from './synthesize.js';

/** Pulumi type token of the component. */
export const SUOKE_PLATFORM_TYPE = 'suoke:platform:SuokePlatform';

/** Secret holding Redis credentials: key `password`, or `url` for an external Redis. */
export const REDIS_AUTH_SECRET = 'suoke-redis-auth';
/** `kubernetes.io/dockerconfigjson` Secret for private image registries. */
export const REGISTRY_CREDENTIALS_SECRET = 'suoke-registry-credentials';

export interface SuokePlatformArgs {
  /** Validated stack config (see `loadPlatformConfig`). */
  readonly config: PlatformConfig;
  /** Secret stack values. @default none */
  readonly secrets?: PlatformSecrets;
  /** The charts to render. */
  readonly charts: ChartSource;
}

export class SuokePlatform extends pulumi.ComponentResource {
  /** Namespace the operator, Redis and agents run in. */
  readonly namespace: pulumi.Output<string>;
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

    const secretObjects = platformSecretObjects(config, args.secrets ?? {});
    const secretNames: PlatformSecretNames = {
      redis: secretObjects.some((s) => s.metadata.name === REDIS_AUTH_SECRET) ? REDIS_AUTH_SECRET : undefined,
      registryCredentials: secretObjects.some((s) => s.metadata.name === REGISTRY_CREDENTIALS_SECRET)
        ? REGISTRY_CREDENTIALS_SECRET
        : undefined,
    };
    let rendered: KubernetesObject[];
    try {
      rendered = synthesize(args.charts, { config, secretNames });
    } catch (error) {
      throw new Error(`SuokePlatform ${name}: rendering the charts failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const objects = [...ensureNamespace(rendered, config.namespace), ...secretObjects];

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

    const namespaceResource = resources.get(`Namespace:${config.namespace}`) as
      k8s.core.v1.Namespace | undefined;
    this.namespace =
      namespaceResource === undefined ? pulumi.output(config.namespace) : namespaceResource.metadata.name;
    const { host, tlsSecretName } = config.gateway;
    this.gatewayEndpoint = pulumi.output(
      host === undefined ? undefined : `${tlsSecretName === undefined ? 'http' : 'https'}://${host}`,
    );
    this.operatorMetricsUrl = pulumi.output(operatorMetricsUrl(objects));
    this.grafanaUrl = pulumi.output(config.grafanaUrl);

    this.registerOutputs({
      namespace: this.namespace,
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
  const redisValue =
    config.redis.mode === 'external'
      ? secrets.redisUrl && { url: secrets.redisUrl }
      : config.redis.mode === 'none'
        ? undefined
        : secrets.redisPassword && { password: secrets.redisPassword };
  if (redisValue) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: REDIS_AUTH_SECRET, namespace: config.namespace, labels },
      type: 'Opaque',
      stringData: pulumi.secret(redisValue),
    });
  }
  if (secrets.registryCredentials !== undefined) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: REGISTRY_CREDENTIALS_SECRET, namespace: config.namespace, labels },
      type: 'kubernetes.io/dockerconfigjson',
      stringData: pulumi.secret({ '.dockerconfigjson': secrets.registryCredentials }),
    });
  }
  return objects;
}

/** The rendered objects, led by the platform's Namespace when no chart renders it. */
function ensureNamespace(objects: KubernetesObject[], namespace: string): KubernetesObject[] {
  const rendered = objects.some(
    (o) => o.apiVersion === 'v1' && o.kind === 'Namespace' && o.metadata.name === namespace,
  );
  if (rendered) return objects;
  const labels = {
    'app.kubernetes.io/part-of': 'suoke-modelops',
    'pod-security.kubernetes.io/enforce': 'restricted',
  };
  return [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } }, ...objects];
}

/** `http://<svc>.<ns>.svc:<port>/metrics` of the operator's metrics Service, if the charts declare one. */
function operatorMetricsUrl(objects: readonly KubernetesObject[]): string | undefined {
  for (const obj of objects) {
    if (obj.apiVersion !== 'v1' || obj.kind !== 'Service') continue;
    const labels = (obj.metadata.labels ?? {}) as Record<string, string>;
    if (labels['app.kubernetes.io/component'] !== 'operator') continue;
    const ports = (
      (obj.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? []
    ).filter((p) => p.name === 'metrics');
    if (ports[0] === undefined || obj.metadata.namespace === undefined) continue;
    return `http://${obj.metadata.name}.${obj.metadata.namespace}.svc:${ports[0].port}/metrics`;
  }
  return undefined;
}
