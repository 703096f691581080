import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  PLATFORM_PART_OF,
  REDIS_NAME,
  REDIS_SELECTOR,
  SYNC_WAVE_ANNOTATION,
  SyncWave,
  platformLabels,
} from './platform-names.js';
import { assertPinnedImage } from './image-rule.js';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './platform-security.js';

/** A key of a Secret; where a password comes from (never inline). */
export interface SecretKeyRef {
  /** Secret name (in the Redis namespace, which is also the agents' namespace). */
  readonly name: string;
  /** Key within the Secret. @default 'password' */
  readonly key?: string;
}

/** Redis run by the platform: one StatefulSet pod with a persistent volume. */
export interface InClusterRedis {
  readonly mode: 'in-cluster';
  /** Redis image; must pin a version. @default 'docker.io/library/redis:7.4.2' */
  readonly image?: string;
  /** Exporter image for Prometheus (`up`, `redis_up`). @default 'docker.io/oliver006/redis_exporter:v1.67.0' */
  readonly exporterImage?: string;
  /** Size of the data volume. @default '8Gi' */
  readonly storage?: string;
  /** StorageClass of the data volume. @default the cluster's default class */
  readonly storageClassName?: string;
}

/** A Redis the platform does not run (managed service, existing cluster). */
export interface ExternalRedis {
  readonly mode: 'external';
  /** Topology the runtime connects with (`REDIS_MODE`). */
  readonly topology: 'standalone' | 'sentinel' | 'cluster';
  /** `redis://` or `rediss://` URL; required for standalone. */
  readonly url?: string;
  /** Sentinel `host:port` list; required for sentinel. */
  readonly sentinels?: readonly string[];
  /** Master group name; required for sentinel. */
  readonly sentinelName?: string;
  /** Cluster seed `host:port` list; required for cluster. */
  readonly clusterNodes?: readonly string[];
}

export interface RedisProps {
  /** Namespace of Redis; the agents' namespace, so the runtime can mount the same password Secret. */
  readonly namespace: string;
  /** Password Secret (in `namespace`). Required: an open Redis would hold every session. */
  readonly passwordSecret: SecretKeyRef;
  /** In-cluster StatefulSet or external connection settings. @default { mode: 'in-cluster' } */
  readonly redis?: InClusterRedis | ExternalRedis;
  /** Namespace Prometheus scrapes from (allowed to reach the exporter). @default 'monitoring' */
  readonly monitoringNamespace?: string;
}

/** What the agents' runtime needs to reach Redis: environment plus the password Secret to mount. */
export interface RedisConnection {
  /** `REDIS_MODE`, `REDIS_URL` / `REDIS_SENTINELS` + `REDIS_SENTINEL_NAME` / `REDIS_CLUSTER_NODES`. */
  readonly env: Readonly<Record<string, string>>;
  /** Mount this key as a file and point `REDIS_PASSWORD_FILE` at it. */
  readonly passwordSecret: Required<SecretKeyRef>;
}

export const REDIS_PORT = 6379;
export const REDIS_EXPORTER_PORT = 9121;
const REDIS_UID = 999;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti)$/;

function validateExternal(r: ExternalRedis): Record<string, string> {
  const hostPorts = (field: string, list: readonly string[] | undefined): string => {
    if (list === undefined || list.length === 0) {
      throw new Error(`Redis redis.${field} must list at least one host:port for topology '${r.topology}'`);
    }
    for (const item of list) {
      if (!HOST_PORT.test(item)) throw new Error(`Redis redis.${field} entry '${item}' must be host:port`);
    }
    return list.join(',');
  };
  switch (r.topology) {
    case 'standalone': {
      if (r.url === undefined || !/^rediss?:\/\/[^/]+/.test(r.url)) {
        throw new Error(
          `Redis redis.url '${r.url ?? ''}' must be a redis:// or rediss:// URL for topology 'standalone'`,
        );
      }
      if (/^rediss?:\/\/[^/@]*:[^/@]*@/.test(r.url)) {
        throw new Error(
          'Redis redis.url must not contain a password: put it in the Secret named by passwordSecret',
        );
      }
      return { REDIS_MODE: 'standalone', REDIS_URL: r.url };
    }
    case 'sentinel':
      if (r.sentinelName === undefined || r.sentinelName === '') {
        throw new Error("Redis redis.sentinelName must name the master group for topology 'sentinel'");
      }
      return {
        REDIS_MODE: 'sentinel',
        REDIS_SENTINELS: hostPorts('sentinels', r.sentinels),
        REDIS_SENTINEL_NAME: r.sentinelName,
      };
    case 'cluster':
      return { REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: hostPorts('clusterNodes', r.clusterNodes) };
    default:
      throw new Error(
        `Redis redis.topology '${String((r as { topology: unknown }).topology)}' must be standalone, sentinel or cluster`,
      );
  }
}

/**
 * Redis for the agents' sessions, response cache and rate limits. In-cluster: a StatefulSet with a
 * persistent volume (append-only file), the password from a Secret, a Prometheus exporter beside it and
 * a NetworkPolicy that admits only the agents' pods. External: renders nothing and hands the runtime
 * the connection settings.
 */
export class Redis extends Construct {
  /** Connection settings for the agents' runtime. */
  public readonly connection: RedisConnection;
  /** Whether a StatefulSet is rendered (and so an exporter exists to alert on). */
  public readonly inCluster: boolean;

  constructor(scope: Construct, id: string, props: RedisProps) {
    super(scope, id);
    const { namespace } = props;
    const secret = { name: props.passwordSecret.name, key: props.passwordSecret.key ?? 'password' };
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret.name)) {
      throw new Error(
        `Redis passwordSecret.name '${secret.name}' must be the name of a Secret in ${namespace}`,
      );
    }
    const config = props.redis ?? { mode: 'in-cluster' };
    if (config.mode === 'external') {
      this.inCluster = false;
      this.connection = { env: validateExternal(config), passwordSecret: secret };
      return;
    }
    if (config.mode !== 'in-cluster') {
      throw new Error(
        `Redis redis.mode '${String((config as { mode: unknown }).mode)}' must be 'in-cluster' or 'external'`,
      );
    }
    this.inCluster = true;
    const image = config.image ?? 'docker.io/library/redis:7.4.2';
    const exporterImage = config.exporterImage ?? 'docker.io/oliver006/redis_exporter:v1.67.0';
    assertPinnedImage('Redis redis.image', image);
    assertPinnedImage('Redis redis.exporterImage', exporterImage);
    const storage = config.storage ?? '8Gi';
    if (!QUANTITY.test(storage))
      throw new Error(`Redis redis.storage '${storage}' must be a size such as 8Gi`);
    this.connection = {
      env: { REDIS_MODE: 'standalone', REDIS_URL: `redis://${REDIS_NAME}.${namespace}.svc:${REDIS_PORT}` },
      passwordSecret: secret,
    };

    const labels = { ...platformLabels(REDIS_NAME, 'cache', image.split(':').pop()) };
    const annotations = { [SYNC_WAVE_ANNOTATION]: SyncWave.platform };
    const headless = `${REDIS_NAME}-headless`;
    const password = { secretKeyRef: { name: secret.name, key: secret.key } };

    new ApiObject(this, 'service-account', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: REDIS_NAME, namespace, labels, annotations },
      // Redis never talks to the API server.
      automountServiceAccountToken: false,
    });

    new ApiObject(this, 'headless-service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: headless,
        namespace,
        labels: { ...labels, 'app.kubernetes.io/component': 'cache-peers' },
        annotations,
      },
      spec: {
        clusterIP: 'None',
        selector: { ...REDIS_SELECTOR },
        ports: [{ name: 'tcp-redis', port: REDIS_PORT, targetPort: 'redis', protocol: 'TCP' }],
      },
    });

    new ApiObject(this, 'service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: REDIS_NAME, namespace, labels, annotations },
      spec: {
        type: 'ClusterIP',
        selector: { ...REDIS_SELECTOR },
        ports: [
          // Port names tell Istio the protocol: plain TCP for Redis, HTTP for the exporter.
          { name: 'tcp-redis', port: REDIS_PORT, targetPort: 'redis', protocol: 'TCP', appProtocol: 'tcp' },
          { name: 'http-metrics', port: REDIS_EXPORTER_PORT, targetPort: 'metrics', protocol: 'TCP' },
        ],
      },
    });

    new ApiObject(this, 'statefulset', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: REDIS_NAME, namespace, labels, annotations },
      spec: {
        serviceName: headless,
        replicas: 1,
        selector: { matchLabels: { ...REDIS_SELECTOR } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: REDIS_NAME,
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(REDIS_UID),
            terminationGracePeriodSeconds: 30,
            containers: [
              {
                name: 'redis',
                image,
                imagePullPolicy: 'IfNotPresent',
                command: ['redis-server'],
                // Kubernetes expands $(REDIS_PASSWORD) from the Secret; the password is never in the manifest.
                args: [
                  '--port',
                  String(REDIS_PORT),
                  '--requirepass',
                  '$(REDIS_PASSWORD)',
                  '--dir',
                  '/data',
                  '--appendonly',
                  'yes',
                  '--appendfsync',
                  'everysec',
                ],
                env: [
                  { name: 'REDIS_PASSWORD', valueFrom: password },
                  // redis-cli (probes) authenticates with REDISCLI_AUTH.
                  { name: 'REDISCLI_AUTH', valueFrom: password },
                ],
                ports: [{ name: 'redis', containerPort: REDIS_PORT, protocol: 'TCP' }],
                livenessProbe: { tcpSocket: { port: 'redis' }, initialDelaySeconds: 15, periodSeconds: 20 },
                readinessProbe: {
                  exec: { command: ['sh', '-c', 'redis-cli -p 6379 ping | grep -q PONG'] },
                  initialDelaySeconds: 5,
                  periodSeconds: 10,
                  timeoutSeconds: 3,
                },
                resources: {
                  requests: { cpu: '100m', memory: '256Mi' },
                  limits: { cpu: '1', memory: '1Gi' },
                },
                securityContext: restrictedContainerSecurityContext(),
                volumeMounts: [
                  { name: 'data', mountPath: '/data' },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
              {
                name: 'exporter',
                image: exporterImage,
                imagePullPolicy: 'IfNotPresent',
                env: [
                  { name: 'REDIS_ADDR', value: `redis://127.0.0.1:${REDIS_PORT}` },
                  { name: 'REDIS_PASSWORD', valueFrom: password },
                ],
                ports: [{ name: 'metrics', containerPort: REDIS_EXPORTER_PORT, protocol: 'TCP' }],
                livenessProbe: { httpGet: { path: '/health', port: 'metrics' }, periodSeconds: 20 },
                readinessProbe: { httpGet: { path: '/health', port: 'metrics' }, periodSeconds: 10 },
                resources: {
                  requests: { cpu: '10m', memory: '32Mi' },
                  limits: { cpu: '100m', memory: '64Mi' },
                },
                securityContext: {
                  ...restrictedContainerSecurityContext(),
                  runAsUser: 59000,
                  runAsGroup: 59000,
                },
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels: { ...REDIS_SELECTOR } },
            spec: {
              accessModes: ['ReadWriteOnce'],
              ...(config.storageClassName === undefined ? {} : { storageClassName: config.storageClassName }),
              resources: { requests: { storage } },
            },
          },
        ],
      },
    });

    new ApiObject(this, 'network-policy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: REDIS_NAME, namespace, labels, annotations },
      spec: {
        podSelector: { matchLabels: { ...REDIS_SELECTOR } },
        // Ingress only: in the mesh the sidecar must still reach istiod and DNS.
        policyTypes: ['Ingress'],
        ingress: [
          {
            // Only the agents' runtime pods may use Redis.
            from: [
              {
                podSelector: {
                  matchLabels: {
                    'app.kubernetes.io/component': 'inference',
                    'app.kubernetes.io/part-of': PLATFORM_PART_OF,
                  },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: REDIS_PORT }],
          },
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': props.monitoringNamespace ?? 'monitoring' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: REDIS_EXPORTER_PORT }],
          },
        ],
      },
    });
  }
}
