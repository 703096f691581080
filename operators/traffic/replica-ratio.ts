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
 * - a version with any ready pod takes traffic, so a weight of 0 means 0 replicas: a canary still
 *   deploying, a rolled-back canary and the previous stable "kept warm" after a promotion all run no
 *   pods (a rollback to the previous stable starts its pods cold, and its capacity drops while they
 *   start); a canary's pods start at its first step, so a canary that never becomes ready gets no
 *   samples (inconclusive, never a pass) and the progress deadline rolls it back;
 * - the total stays what the model runs when a split begins (what the autoscaler of the version with
 *   all the traffic chose), recorded with the split so every step divides the same capacity; while a
 *   split is in force the versions sharing traffic have fixed replica counts and no autoscaler (the
 *   AIModel controller renders them from {@link renderedReplicas}), so nothing moves the ratio between
 *   steps; a version with all the traffic is autoscaled again;
 * - moving replicas is not instant: a step that moves pods from one version to the other removes the
 *   old pods at once and the new ones take traffic once ready.
 *
 * What the router reports is the split it last SET, recorded on the model's Service
 * ({@link TRAFFIC_SPLIT_ANNOTATION}), not the approximation: the rollout compares the weight it asked
 * for with the weight reported, so an approximation (75/25 for 90/10) would read as a step not taken,
 * or another step already taken. What clients get is {@link sharesOf} the ready replicas.
 *
 * The model's Deployments are found by label (`app=<model>`, `version=<version>`: the selector the
 * Service balances over); replicas are written with a merge patch of `spec.replicas` under the
 * operator's field manager.
 */
import { DEPLOYMENT, SERVICE } from '../kinds.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { modelSelector, versionedName } from '../../charts-ts/constructs/workload-names.js';
import { LABEL_VERSION } from '../../crds/api/index.js';
import {
  RoutesNotFoundError,
  assertWeights,
  byVersion,
  isPlainRouting,
  type CandidateRoutes,
  type RouterSupport,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from './router.js';

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

/**
 * Annotation on the model's Service recording the split the router last set: the weights it was asked
 * for (what it reports, so decide() compares exactly what it asked for) and the replica counts it
 * chose for them (the approximation). JSON, e.g. `{"weights":{"v1":90,"v2":10},"replicas":{"v1":9,"v2":1}}`.
 * Kept on the cluster, not in memory, so a restarted operator reads the same split.
 */
export const TRAFFIC_SPLIT_ANNOTATION = 'ai.suoke.life/traffic-split';

/** The split last set: weight and replica count per version. */
export interface RecordedSplit {
  readonly weights: Readonly<Record<string, number>>;
  readonly replicas: Readonly<Record<string, number>>;
}

/**
 * Parses the {@link TRAFFIC_SPLIT_ANNOTATION} value; undefined when there is none.
 * @throws Error naming the Service and the annotation when the value is not a split
 */
export function parseSplit(raw: string | undefined, where: string): RecordedSplit | undefined {
  if (raw === undefined) return undefined;
  const fail = (why: string, cause?: unknown): never => {
    throw new Error(
      `${where}: annotation ${TRAFFIC_SPLIT_ANNOTATION} ${why}; remove the annotation and the router records the split again at the next step`,
      cause === undefined ? undefined : { cause },
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return fail('is not JSON', error);
  }
  const counts = (field: string): Record<string, number> => {
    const o = (value as Record<string, unknown> | null)?.[field];
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return fail(`has no '${field}' object`);
    for (const [k, n] of Object.entries(o)) {
      if (!Number.isInteger(n) || (n as number) < 0)
        fail(`${field}.${k} (${String(n)}) is not a whole number`);
    }
    return o as Record<string, number>;
  };
  return { weights: counts('weights'), replicas: counts('replicas') };
}

/** Phases of a version being canaried: without a recorded weight, such a version gets no replicas. */
const CANARY_PHASES: ReadonlySet<string> = new Set([
  'Pending',
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
  'RollingBack',
]);

/**
 * Replica counts render() must give the running versions when this router splits traffic
 * (`RenderOptions.replicaSplit`), from the split last set:
 * - a version with all the traffic (weight 100) is left to its autoscaler: it is not in the result;
 * - a version with a share (0 < weight < 100) keeps the replicas the router chose, with no autoscaler,
 *   so nothing moves the ratio between steps;
 * - a version at weight 0 gets 0 replicas: any ready pod would take traffic (a kept-warm previous
 *   stable, a rolled-back canary, a canary still deploying);
 * - a version the split does not name is a canary (0 replicas) or, before any split was set (the
 *   first version), left to its autoscaler.
 *
 * Example: split `{"weights":{"v1":90,"v2":10},"replicas":{"v1":9,"v2":1}}`, running v1, v2 →
 * `{v1: 9, v2: 1}`; after promotion `{"weights":{"v1":0,"v2":100},…}` → `{v1: 0}` (v2 autoscaled).
 */
export function renderedReplicas(
  split: RecordedSplit | undefined,
  running: readonly { readonly version: string; readonly phase?: string }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { version, phase } of running) {
    const weight = split?.weights[version];
    if (weight === 100) continue;
    if (weight !== undefined && weight > 0) out[version] = split?.replicas[version] ?? 1;
    else if (weight === 0 || (phase !== undefined && CANARY_PHASES.has(phase))) out[version] = 0;
  }
  return out;
}

export class ReplicaRatioRouter implements TrafficRouter {
  readonly name = 'replica-ratio';
  /** Replicas behind one Service split by share only: no request is told apart or copied. */
  readonly supports: RouterSupport = { matches: false, mirror: false };
  readonly routes = 'none' as const;

  constructor(private readonly client: ClusterClient) {}

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

  /**
   * Records the split on the Service first, then scales the Deployments to it. Recording first means a
   * crash in between leaves the new weights reported (decide() completes the step) and the AIModel
   * controller renders the recorded replica counts, so the scaling is finished either way.
   *
   * The total replica count: while a split is in force, the total recorded with it (so every step
   * divides the same capacity); otherwise the replicas the version holding all traffic runs now (what
   * its autoscaler chose); with no record at all, every Deployment's replicas.
   *
   * @throws Error when `candidate` asks for header or cookie matches or a mirror, which replicas cannot do
   */
  async setWeights(
    target: TrafficTarget,
    weights: readonly VersionWeight[],
    candidate?: CandidateRoutes,
  ): Promise<boolean> {
    const where = `model ${target.namespace}/${target.model}`;
    if (candidate !== undefined && !isPlainRouting(candidate.routing)) {
      throw new Error(
        `${where}: version '${candidate.version}' needs header or cookie matches or a mirror, and the replica-ratio router cannot match headers or mirror requests; use --traffic-router=istio`,
      );
    }
    assertWeights(weights, where);
    const found = await this.deployments(target);
    const missing = weights.filter((w) => w.weight > 0 && !found.has(w.version)).map((w) => w.version);
    if (missing.length > 0) {
      throw new Error(
        `${where}: no Deployment for version ${missing.join(', ')}; reconcile the routes first`,
      );
    }
    const service = await this.service(target);
    const recorded = this.splitOf(service, target);
    // Every version of the model takes part: the ones not named get 0 replicas.
    const versions = [...found.keys()].sort();
    const current = new Map(versions.map((v) => [v, replicasOf(found.get(v) as KubeObject)]));
    const wanted = new Map(weights.map((w) => [w.version, w.weight]));
    const plan = replicaSplit(
      totalOf(recorded, current),
      versions.map((version) => ({ version, weight: wanted.get(version) ?? 0 })),
    );
    const split: RecordedSplit = {
      weights: Object.fromEntries(versions.map((v) => [v, wanted.get(v) ?? 0])),
      replicas: Object.fromEntries(versions.map((v) => [v, plan.get(v) ?? 0])),
    };
    let changed = false;
    const raw = JSON.stringify(split);
    if (service.metadata.annotations?.[TRAFFIC_SPLIT_ANNOTATION] !== raw) {
      await this.write(SERVICE, target.namespace, target.model, {
        metadata: { annotations: { [TRAFFIC_SPLIT_ANNOTATION]: raw } },
      });
      changed = true;
    }
    for (const version of versions) {
      const replicas = plan.get(version) ?? 0;
      // A version with all the traffic is its autoscaler's: the plan took its replicas as they are.
      if (current.get(version) === replicas) continue;
      const name = (found.get(version) as KubeObject).metadata.name ?? versionedName(target.model, version);
      await this.write(DEPLOYMENT, target.namespace, name, { spec: { replicas } }, `scaling to ${replicas}`);
      changed = true;
    }
    return changed;
  }

  /**
   * The split last set (exact weights, as asked for), for the versions that have a Deployment, sorted by
   * version. Before any split was recorded: the shares of the Deployments' replicas.
   * @throws RoutesNotFoundError while the model's Service does not exist yet
   */
  async getWeights(target: TrafficTarget): Promise<VersionWeight[]> {
    const [found, service] = await Promise.all([this.deployments(target), this.service(target)]);
    const split = this.splitOf(service, target);
    if (split === undefined) {
      return sharesOf(new Map([...found].map(([v, d]) => [v, replicasOf(d)])));
    }
    return byVersion([...found.keys()].map((version) => ({ version, weight: split.weights[version] ?? 0 })));
  }

  /** Never any: this router has no matched or mirror routes ({@link supports}). */
  async getCandidate(_target: TrafficTarget): Promise<CandidateRoutes | undefined> {
    return undefined;
  }

  /** The split last set, or undefined before the first (or while the Service does not exist). */
  async recordedSplit(target: TrafficTarget): Promise<RecordedSplit | undefined> {
    try {
      return this.splitOf(await this.service(target), target);
    } catch (error) {
      if (error instanceof RoutesNotFoundError) return undefined;
      throw error;
    }
  }

  async finalize(target: TrafficTarget, stableVersion: string): Promise<void> {
    await this.setWeights(target, [{ version: stableVersion, weight: 100 }]);
  }

  /** {@link renderedReplicas} of the split last set. */
  async replicaCounts(
    target: TrafficTarget,
    running: readonly { readonly version: string; readonly phase?: string }[],
  ): Promise<Record<string, number>> {
    return renderedReplicas(await this.recordedSplit(target), running);
  }

  private splitOf(service: KubeObject, target: TrafficTarget): RecordedSplit | undefined {
    return parseSplit(
      service.metadata.annotations?.[TRAFFIC_SPLIT_ANNOTATION],
      `Service ${target.namespace}/${target.model}`,
    );
  }

  private async service(target: TrafficTarget): Promise<KubeObject> {
    let service: KubeObject | undefined;
    try {
      service = await this.client.get<KubeObject>(SERVICE, target.namespace, target.model);
    } catch (error) {
      throw new Error(
        `Service ${target.namespace}/${target.model} of model ${target.model}: read failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (service === undefined) {
      throw new RoutesNotFoundError(
        `Service ${target.namespace}/${target.model} of model ${target.model} not found; the AIModel controller creates it`,
      );
    }
    return service;
  }

  private async write(
    rt: ResourceType,
    namespace: string,
    name: string,
    patch: Record<string, unknown>,
    what = 'recording the split',
  ): Promise<void> {
    try {
      await this.client.patch(rt, namespace, name, patch, 'merge');
    } catch (error) {
      throw new Error(`${rt.kind} ${namespace}/${name}: ${what} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * The model's Deployments by version, found by label (`app=<model>`, one per `version`) rather than
   * remembered, so a restarted operator sees the same split.
   */
  private async deployments(target: TrafficTarget): Promise<Map<string, KubeObject>> {
    let items: KubeObject[];
    try {
      items = await this.client.list<KubeObject>(DEPLOYMENT, target.namespace, {
        labels: modelSelector(target.model),
      });
    } catch (error) {
      throw new Error(
        `Deployments of model ${target.namespace}/${target.model}: list failed: ${(error as Error).message}`,
        { cause: error },
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

/** Total replicas to split; see {@link ReplicaRatioRouter.setWeights}. */
function totalOf(recorded: RecordedSplit | undefined, current: ReadonlyMap<string, number>): number {
  const full =
    recorded === undefined ? undefined : Object.entries(recorded.weights).find(([, w]) => w === 100);
  let total: number;
  // No record: every ready pod serves, so the capacity is all of them.
  if (recorded === undefined) total = [...current.values()].reduce((a, b) => a + b, 0);
  else if (full !== undefined) total = current.get(full[0]) ?? recorded.replicas[full[0]] ?? 0;
  else total = Object.values(recorded.replicas).reduce((a, b) => a + b, 0);
  return Math.max(1, total);
}

function replicasOf(deployment: KubeObject): number {
  return (deployment.spec as { replicas?: number } | undefined)?.replicas ?? 1;
}
