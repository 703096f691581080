/**
 * TrafficRouter for clusters without a mesh. Every version's pods sit behind the model's one
 * Service (its selector is the model, not the version), so each ready pod gets about the same share
 * of connections; a version's traffic share is approximated by its share of the replicas:
 *
 *     share(v) ≈ replicas(v) / Σ replicas
 *
 * The approximation, and what it costs:
 * - granularity is 100 / Σ replicas percent: with 4 replicas the closest split to 90/10 is 75/25;
 * - kube-proxy balances connections, not requests: clients that keep connections alive stay on the
 *   pod they first reached, so the split holds over many clients, not within one;
 * - a version with any ready pod takes traffic, so a canary takes its share as soon as its first pod
 *   is ready (there is no "deployed but dark" state), and a weight of 0 means 0 replicas;
 * - the total stays what the versions run now (the autoscaled capacity), at least one per version
 *   with a weight. In this mode the versions' autoscalers must not fight the split: the AIModel
 *   controller renders their bounds from {@link replicaSplit} too.
 *
 * The model's Deployments are found by label (`app=<model>`, `version=<version>`: the selector the
 * Service balances over); replicas are written with a merge patch of `spec.replicas` under the
 * operator's field manager.
 */
import type { KubeClient } from '../kit/client.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { modelSelector, versionedName } from '../../charts-ts/constructs/workload-names.js';
import { LABEL_VERSION } from '../../crds/api/index.js';
import {
  assertWeights,
  byVersion,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from './router.js';

export const DEPLOYMENT: ResourceType = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
};

/**
 * Replica counts approximating `weights` with `total` replicas (largest-remainder apportionment):
 * every version with a weight gets at least one replica, a weight of 0 gets none, and the total is
 * raised to the number of versions with a weight when it is smaller.
 *
 * Worked examples:
 * - total 10, 90/10 → 9/1 (exact);
 * - total 4, 90/10 → ideal 3.6/0.4 → 3/1, so traffic is about 75/25;
 * - total 3, 50/50 → ideal 1.5/1.5 → 2/1 (ties go to the version listed first);
 * - total 3, 98/1/1 → ideal 2.94/0.03/0.03 → 1/1/1 (each weighted version keeps one replica);
 * - total 5, 100/0 → 5/0.
 */
export function replicaSplit(total: number, weights: readonly VersionWeight[]): Map<string, number> {
  const weighted = weights.filter((w) => w.weight > 0);
  const n = Math.max(Math.floor(total), weighted.length);
  const ideal = weights.map((w) => ({ version: w.version, exact: (n * w.weight) / 100, weight: w.weight }));
  const replicas = new Map(
    ideal.map((i) => [i.version, i.weight > 0 ? Math.max(1, Math.floor(i.exact)) : 0]),
  );
  let assigned = [...replicas.values()].reduce((a, b) => a + b, 0);
  // Hand out what is left by largest remainder; take back from the largest when the minimums overshoot.
  const byRemainder = [...ideal]
    .filter((i) => i.weight > 0)
    .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; assigned < n && byRemainder.length > 0; i = (i + 1) % byRemainder.length) {
    const v = (byRemainder[i] as { version: string }).version;
    replicas.set(v, (replicas.get(v) as number) + 1);
    assigned++;
  }
  while (assigned > n) {
    const [largest] = [...replicas].sort((a, b) => b[1] - a[1]);
    if (largest === undefined || largest[1] <= 1) break;
    replicas.set(largest[0], largest[1] - 1);
    assigned--;
  }
  return replicas;
}

/** Percent shares of replica counts, rounded by largest remainder so they add up to 100. */
export function sharesOf(replicas: ReadonlyMap<string, number>): VersionWeight[] {
  const total = [...replicas.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return byVersion([...replicas.keys()].map((version) => ({ version, weight: 0 })));
  const exact = [...replicas].map(([version, r]) => ({ version, exact: (100 * r) / total }));
  const result = new Map(exact.map((e) => [e.version, Math.floor(e.exact)]));
  let left = 100 - [...result.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)),
  )) {
    if (left-- <= 0) break;
    result.set(e.version, (result.get(e.version) as number) + 1);
  }
  return byVersion([...result].map(([version, weight]) => ({ version, weight })));
}

export class ReplicaRatioRouter implements TrafficRouter {
  readonly name = 'replica-ratio';

  constructor(private readonly client: KubeClient) {}

  async reconcile(target: TrafficTarget, versions: readonly string[]): Promise<void> {
    const found = await this.deployments(target);
    const missing = versions.filter((v) => !found.has(v));
    if (missing.length > 0) {
      const names = missing.map((v) => `${target.namespace}/${versionedName(target.model, v)}`).join(', ');
      throw new Error(
        `Deployment ${names} of version ${missing.join(', ')} not found; the AIModel controller creates it`,
      );
    }
  }

  async setWeights(target: TrafficTarget, weights: readonly VersionWeight[]): Promise<boolean> {
    assertWeights(weights, `model ${target.namespace}/${target.model}`);
    const found = await this.deployments(target);
    const missing = weights.filter((w) => w.weight > 0 && !found.has(w.version)).map((w) => w.version);
    if (missing.length > 0) {
      throw new Error(
        `model ${target.namespace}/${target.model}: no Deployment for version ${missing.join(', ')}; reconcile the routes first`,
      );
    }
    // Every version of the model takes part: the ones not named get 0 replicas.
    const versions = [...found.keys()].sort();
    const current = new Map(versions.map((v) => [v, replicasOf(found.get(v) as KubeObject)]));
    const total = Math.max(
      1,
      [...current.values()].reduce((a, b) => a + b, 0),
    );
    const wanted = new Map(weights.map((w) => [w.version, w.weight]));
    const plan = replicaSplit(
      total,
      versions.map((version) => ({ version, weight: wanted.get(version) ?? 0 })),
    );
    let changed = false;
    for (const version of versions) {
      const replicas = plan.get(version) ?? 0;
      if (current.get(version) === replicas) continue;
      const name = (found.get(version) as KubeObject).metadata.name ?? versionedName(target.model, version);
      try {
        await this.client.patch(DEPLOYMENT, target.namespace, name, { spec: { replicas } }, 'merge');
      } catch (error) {
        throw new Error(
          `Deployment ${target.namespace}/${name}: scaling to ${replicas} failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      changed = true;
    }
    return changed;
  }

  /** Shares of the ready replicas: what the Service actually balances over now. */
  async getWeights(target: TrafficTarget): Promise<VersionWeight[]> {
    const found = await this.deployments(target);
    const ready = new Map(
      [...found].map(([v, d]) => [
        v,
        (d.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0,
      ]),
    );
    return sharesOf(ready);
  }

  async finalize(target: TrafficTarget, stableVersion: string): Promise<void> {
    await this.setWeights(target, [{ version: stableVersion, weight: 100 }]);
  }

  /**
   * The model's Deployments by version, found by label (`app=<model>`, one per `version`) rather than
   * remembered, so a restarted operator sees the same split.
   */
  private async deployments(target: TrafficTarget): Promise<Map<string, KubeObject>> {
    const selector = Object.entries(modelSelector(target.model))
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    let items: KubeObject[];
    try {
      items = (await this.client.list<KubeObject>(DEPLOYMENT, target.namespace, { labelSelector: selector }))
        .items;
    } catch (error) {
      throw new Error(
        `Deployments of model ${target.namespace}/${target.model}: list failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const byVersion = new Map<string, KubeObject>();
    for (const d of items) {
      const version = d.metadata.labels?.[LABEL_VERSION];
      if (version !== undefined && d.metadata.deletionTimestamp === undefined) byVersion.set(version, d);
    }
    return byVersion;
  }
}

function replicasOf(deployment: KubeObject): number {
  return (deployment.spec as { replicas?: number } | undefined)?.replicas ?? 1;
}
