/**
 * Renders cdk8s charts in memory: no `dist/` files, no temp directories, nothing on disk, so the
 * program runs the same from a fresh clone, in CI and under `pulumi up`.
 */
import { App } from 'cdk8s';
import type { PlatformConfig } from './config.js';
import type { KubernetesObject } from './kubernetes-objects.js';

/** Secrets the program itself creates from secret stack config, for charts to mount by name. */
export interface PlatformSecretNames {
  /** Secret (in the agents' namespace) with the Redis password under `key`. */
  readonly redisPassword: { readonly name: string; readonly key: string };
  /** `kubernetes.io/dockerconfigjson` Secret, in both namespaces. @default none */
  readonly registryCredentials?: string;
}

/** What a chart source gets to render from. */
export interface ChartContext {
  readonly config: PlatformConfig;
  readonly secretNames: PlatformSecretNames;
  /**
   * Placeholders for secret values a chart must put into objects (see secret-placeholders.ts);
   * they are replaced by the secret values after synthesis.
   */
  readonly secretValues: {
    /** A `redis://…:6379` URL standing for the secret `redisUrl` (redis.mode external). @default none */
    readonly redisUrl?: string;
  };
}

/** Adds the charts to render to `app`; one seam, so another program can render its own charts. */
export type ChartSource = (app: App, context: ChartContext) => void;

/** Every object of every chart `source` adds, in chart order. */
export function synthesize(source: ChartSource, context: ChartContext): KubernetesObject[] {
  const app = new App();
  source(app, context);
  return app.charts.flatMap((chart) => chart.toJson() as KubernetesObject[]);
}
