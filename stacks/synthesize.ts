/**
 * Renders cdk8s charts in memory: no `dist/` files, no temp directories, nothing on disk, so the
 * program runs the same from a fresh clone, in CI and under `pulumi up`.
 */
import { App } from 'cdk8s';
import type { PlatformConfig } from './config.js';
import type { KubernetesObject } from './kubernetes-objects.js';

/** Names of the Secrets the program itself creates from secret stack config, for charts to mount. */
export interface PlatformSecretNames {
  /** Secret with key `password` (redis.mode statefulset or cluster) or `url` (external). @default none (redis.mode none) */
  readonly redis?: string;
  /** `kubernetes.io/dockerconfigjson` Secret for private registries. @default none */
  readonly registryCredentials?: string;
}

/** What a chart source gets to render from. */
export interface ChartContext {
  readonly config: PlatformConfig;
  readonly secretNames: PlatformSecretNames;
}

/** Adds the charts to render to `app`; one seam, so another program can render its own charts. */
export type ChartSource = (app: App, context: ChartContext) => void;

/** Every object of every chart `source` adds, in chart order. */
export function synthesize(source: ChartSource, context: ChartContext): KubernetesObject[] {
  const app = new App();
  source(app, context);
  return app.charts.flatMap((chart) => chart.toJson() as KubernetesObject[]);
}
