/**
 * Rollout scenarios shared by the end-to-end suites of every traffic router: rollout.test.ts and
 * strategies.test.ts run them through Istio, gateway-api.test.ts through Gateway API. Each acts as
 * a model owner would (create a ModelVersion) and asserts what users see (status, Events, where
 * requests went), whatever objects carry the routes: the mesh's RoutingTable is the same for both.
 * They assert with jest's `expect`, so only test files run them.
 */
import type { Environment } from './environment.js';
import type { RoutingTable } from './istio-routes.js';
import { AIMODELS, EVENTS, MODEL_VERSIONS, type KubeObject } from './kube.js';
import type { ClientRequest } from './load-generator.js';
import type { Promotion } from './objects.js';
import type { ModelVersionView, VersionStatus } from './status-recorder.js';
import { StatusRecorder } from './status-recorder.js';

/** The model a suite rolls out, in its environment. */
export interface Suite {
  readonly env: Environment;
  /** The AIModel's name. */
  readonly model: string;
  /**
   * Creates the ModelVersion, after whatever the suite does first (new clients, counts from zero);
   * resolves with the time just before it was created.
   */
  release(version: string, promotion?: Promotion): Promise<number>;
}

/**
 * The AIModel policy the canary scenarios assume: steps at 25 and 50 percent, 3 s apart, one
 * error-rate check, rolled back after 2 failed analyses.
 */
export const CANARY_ROLLOUT: Promotion = {
  steps: [{ weight: 25 }, { weight: 50 }],
  interval: '3s',
  progressDeadline: '2m',
  scaleDownDelay: '3s',
  analysis: {
    metrics: [{ name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 5 }],
    failureLimit: 1,
    inconclusiveLimit: 2,
  },
};

interface AIModelView extends KubeObject {
  status?: { stableVersion?: string };
}

export interface EventView {
  reason?: string;
  note?: string;
  regarding?: { name?: string; kind?: string };
  series?: { count?: number };
}

export async function versionStatus(suite: Suite, version: string): Promise<VersionStatus> {
  const { env, model } = suite;
  const mv = await env.kube.get<ModelVersionView>(MODEL_VERSIONS, env.namespace, `${model}-${version}`);
  return mv?.status ?? {};
}

export async function stableVersion(suite: Suite): Promise<string | undefined> {
  const { env, model } = suite;
  return (await env.kube.get<AIModelView>(AIMODELS, env.namespace, model))?.status?.stableVersion;
}

/** Promoted and done baking: the rollout is over and the next one may start. */
export async function promotedAndSettled(suite: Suite, version: string): Promise<boolean> {
  const s = await versionStatus(suite, version);
  return s.phase === 'Promoted' && s.finishedAt !== undefined && suite.env.mesh.weight(version) === 100;
}

/** Why a Paused version waits: the reason of its Progressing condition. */
export function pauseReason(s: VersionStatus): string | undefined {
  return s.conditions?.find((c) => c.type === 'Progressing')?.reason;
}

/** Events about the ModelVersion of `version`. */
export async function eventsOf(suite: Suite, version: string): Promise<EventView[]> {
  const { env, model } = suite;
  const events = (await env.kube.list(EVENTS, env.namespace)) as unknown as EventView[];
  return events.filter(
    (e) => e.regarding?.kind === 'ModelVersion' && e.regarding.name === `${model}-${version}`,
  );
}

/**
 * A healthy canary released at `since`, under {@link CANARY_ROLLOUT}: clients saw every step in
 * order and then all traffic on it; each step passed an analysis that says what it measured; it is
 * the stable version, and the one before it steps aside once it has baked.
 */
export async function healthyCanaryPromoted(
  suite: Suite,
  { version, previous, since }: { version: string; previous: string; since: number },
): Promise<void> {
  const { env } = suite;
  await env.until(() => promotedAndSettled(suite, version), `${version} promoted`, 90_000);

  expect(env.mesh.weightsOf(version, since)).toEqual([25, 50, 100]);
  expect(await stableVersion(suite)).toBe(version);
  const s = await versionStatus(suite, version);
  const passed = (s.analysis ?? []).filter((a) => a.verdict === 'Passed' && a.weight < 100);
  expect(passed.map((a) => a.step)).toEqual(expect.arrayContaining([0, 1]));
  // Each check says what it measured: value and verdict, not a bare pass.
  const check = passed[0]!.metrics!.find((m) => m.name === 'error-rate')!;
  expect(check).toMatchObject({ verdict: 'Passed' });
  expect(check.value).toBeLessThanOrEqual(0.05);
  // Beside each weight, the canary's share of the live requests as the real runtimes counted them:
  // a passing analysis had minSamples of its requests, so a share above 0. (Not asserted below 100:
  // on a loaded machine a 3s window can miss the stable's scrapes.)
  expect(passed.filter((a) => !((a.requestShare ?? 0) > 0))).toEqual([]);
  expect(s.requestShare).toBe(s.analysis?.at(-1)?.requestShare);
  expect(env.load.of(version)).toMatchObject({ failed: 0, rejected: 0 });
  expect(env.load.of(version).ok).toBeGreaterThan(20);
  // The old stable steps aside once the new one has baked.
  await env.until(
    async () => (await versionStatus(suite, previous)).phase === 'Superseded',
    `${previous} superseded`,
  );
}

/**
 * A canary whose engine fails 30% of requests, under {@link CANARY_ROLLOUT}: rolled back from its
 * first step with a decision report a person can read, and from then on every request goes to
 * `stable` and the canary's pods are gone.
 */
export async function failingCanaryRolledBack(
  suite: Suite,
  { version, stable }: { version: string; stable: string },
): Promise<void> {
  const { env, model } = suite;
  env.pods.setEngine(version, { failRate: 0.3 });
  const since = await suite.release(version);
  await env.until(
    async () => (await versionStatus(suite, version)).phase === 'RolledBack',
    `${version} rolled back`,
    90_000,
  );

  expect(await env.mesh.refresh()).toEqual({ [stable]: 100 });
  // It never got past its first step: every analysis failed.
  expect(env.mesh.weightsOf(version, since)).toEqual([25, 0]);
  const s = await versionStatus(suite, version);
  expect(s.failedChecks).toBeGreaterThanOrEqual(2);
  const failed = (s.analysis ?? []).filter((a) => a.verdict === 'Failed');
  expect(failed.length).toBeGreaterThanOrEqual(2);
  const errorRate = failed.at(-1)!.metrics!.find((m) => m.name === 'error-rate')!;
  expect(errorRate.value).toBeGreaterThan(0.15);
  expect(await stableVersion(suite)).toBe(stable);
  // The decision report a person reads in `kubectl describe mv`: verdict, threshold, window, query.
  const events = await eventsOf(suite, version);
  const report = events.find(
    (e) => e.reason === 'AnalysisFailed' && e.note?.startsWith('error-rate: Failed'),
  );
  expect(report?.note).toMatch(
    new RegExp(`threshold max 0\\.05\\); window 3s; query .*version="${version}"`),
  );
  expect(events.some((e) => e.reason === 'RolledBack')).toBe(true);

  // From now on every request goes to the stable version, and the canary's pods are gone.
  env.load.reset();
  await env.until(() => env.load.of(stable).ok >= 40, 'stable serving alone');
  expect(env.load.of(version).sent).toBe(0);
  expect(env.load.noEndpoint).toBe(0);
  await env.until(() => !env.pods.running().includes(`${model}-${version}`), `${version} pods removed`);
}

/** Kinds of clients, by name, as the blue-green scenario tells them apart. */
export interface PreviewClients {
  /** The testers: they send the preview header naming the version released. */
  readonly preview: string;
  /** Every other kind: nothing they send selects the preview. */
  readonly others: readonly string[];
}

/**
 * A blue-green release of a healthy `version` (the suite's clients must include `preview`
 * testers asking for it): while the preview is routed, testers get it and everyone else `stable`;
 * one switch from 0 to 100 after a passing analysis of the preview traffic; then every kind of
 * client is on it and the preview route is gone.
 */
export async function blueGreenPreviewed(
  suite: Suite,
  { version, stable, clients }: { version: string; stable: string; clients: PreviewClients },
): Promise<void> {
  const { env, model } = suite;
  const answered = (kinds: readonly string[], during: (table: RoutingTable) => boolean) =>
    env.load.answered((r: ClientRequest) => kinds.includes(r.kind) && during(r.table));
  const all = [clients.preview, ...clients.others];

  const recorder = new StatusRecorder(env.kube, env.namespace, `${model}-${version}`).start();
  const since = await suite.release(version, { strategy: 'BlueGreen' });
  await env.until(() => promotedAndSettled(suite, version), `${version} promoted`, 90_000);
  const samples = await recorder.stop();

  // While the preview was routed, testers got the new version and every other client the stable.
  const preview = (t: RoutingTable): boolean =>
    t.matchedRoutesTo(version).length > 0 && t.weight(version) === 0;
  expect(env.mesh.firstTableTime(preview, since)).toBeDefined();
  expect(answered([clients.preview], preview)).toEqual({ [version]: expect.any(Number) });
  expect(answered([clients.preview], preview)[version]).toBeGreaterThanOrEqual(5);
  expect(answered(clients.others, preview)).toEqual({ [stable]: expect.any(Number) });
  expect(env.load.reached((r) => r.kind !== clients.preview && r.table.weight(version) === 0)).toEqual({
    [stable]: expect.any(Number),
  });
  // One switch, 0 → 100, after a passing analysis of the preview traffic.
  expect(env.mesh.weightsOf(version, since)).toEqual([100]);
  expect(samples.some((x) => x.phase === 'Progressing' && x.stage === 'Preview')).toBe(true);
  const s = await versionStatus(suite, version);
  expect(s.strategy).toBe('BlueGreen');
  const passed = (s.analysis ?? []).filter((a) => a.verdict === 'Passed' && a.weight === 0);
  expect(passed.length).toBeGreaterThanOrEqual(1);
  expect(await stableVersion(suite)).toBe(version);

  // After the switch every client is on the new version, and the preview route is gone.
  const switched = (t: RoutingTable): boolean => t.weight(version) === 100;
  await env.until(
    () => all.every((k) => (answered([k], switched)[version] ?? 0) >= 2),
    `every kind of client answered by ${version}`,
  );
  expect(answered(all, switched)).toEqual({ [version]: expect.any(Number) });
  expect(env.mesh.routing().matchedRoutesTo(version)).toEqual([]);
  expect(env.load.of(version)).toMatchObject({ failed: 0, rejected: 0 });
}
