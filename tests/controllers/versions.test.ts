import { renderTraffic } from '../../operators/aimodel/reconciler.js';
import {
  canaryOf,
  mergeHistory,
  outcomesOf,
  previousStableOf,
  stableOf,
  viewOf,
  type VersionView,
} from '../../operators/rollout-deps/versions.js';
import type { ModelVersion, ModelVersionStatus } from '../../crds/api/index.js';

function v(version: string, createdAt: string, status: ModelVersionStatus = {}): VersionView {
  const mv: ModelVersion = {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'ModelVersion',
    metadata: { name: `demo-${version}`, namespace: 'ns', creationTimestamp: createdAt },
    spec: { modelRef: { name: 'demo' }, version, artifact: { uri: `oci://r/demo:${version}` } },
    status,
  };
  return viewOf(mv);
}

const v1 = v('v1', '2026-01-01T09:00:00Z', {
  phase: 'Superseded',
  promotedAt: '2026-01-01T10:00:00Z',
  finishedAt: '2026-01-01T10:00:00Z',
});
const v2 = v('v2', '2026-01-01T10:30:00Z', { phase: 'Promoted', promotedAt: '2026-01-01T11:00:00Z' });
const v3 = v('v3', '2026-01-01T11:30:00Z', { phase: 'Progressing', canaryWeight: 25 });

describe('stable, previous stable and canary', () => {
  it('the stable is the version promoted last; the previous one is the stable it replaced', () => {
    expect(stableOf([v1, v2, v3], [])?.version).toBe('v2');
    expect(previousStableOf([v1, v2, v3], [], 'v2')?.version).toBe('v1');
    expect(previousStableOf([v1, v2, v3], [], 'v1')).toBeUndefined();
    expect(canaryOf([v1, v2, v3])?.version).toBe('v3');
  });

  it('a version the AIModel rolled back after its promotion is no longer stable', () => {
    const history = [{ version: 'v2', outcome: 'RolledBack' as const, time: '2026-01-01T11:20:00Z' }];
    expect(stableOf([v1, v2], history)?.version).toBe('v1');
    // A rollback older than a later promotion (a retried version) does not count.
    const old = [{ version: 'v2', outcome: 'RolledBack' as const, time: '2026-01-01T10:59:00Z' }];
    expect(stableOf([v1, v2], old)?.version).toBe('v2');
  });

  it('history: a superseded version ends when its successor was promoted; entries are only added', () => {
    const outcomes = outcomesOf([v1, v2]);
    expect(outcomes).toContainEqual(
      expect.objectContaining({ version: 'v1', outcome: 'Superseded', time: '2026-01-01T11:00:00Z' }),
    );
    const merged = mergeHistory([], outcomes, 10);
    expect(merged.map((h) => [h.version, h.outcome])).toEqual([
      ['v1', 'Superseded'],
      ['v2', 'Promoted'],
      ['v1', 'Promoted'],
    ]);
    expect(mergeHistory(merged, outcomesOf([v2]), 10)).toEqual(merged);
    expect(mergeHistory(merged, [], 2)).toHaveLength(2);
  });
});

describe('renderTraffic', () => {
  it('keeps the weights the router reports, adding versions without a route at 0', () => {
    expect(
      renderTraffic([v2, v3], v2, v3, [
        { version: 'v2', weight: 75 },
        { version: 'v3', weight: 25 },
      ]),
    ).toEqual([
      { version: 'v2', weight: 75 },
      { version: 'v3', weight: 25 },
    ]);
    expect(renderTraffic([v2, v3], v2, v3, [{ version: 'v2', weight: 100 }])).toEqual([
      { version: 'v2', weight: 100 },
      { version: 'v3', weight: 0 },
    ]);
  });

  it('without routes, or when a routed version is gone, derives the split from the canary status', () => {
    expect(renderTraffic([v2, v3], v2, v3, undefined)).toEqual([
      { version: 'v2', weight: 75 },
      { version: 'v3', weight: 25 },
    ]);
    // v3 was deleted while it had 25%: the stable takes everything back.
    expect(
      renderTraffic([v2], v2, undefined, [
        { version: 'v2', weight: 75 },
        { version: 'v3', weight: 25 },
      ]),
    ).toEqual([{ version: 'v2', weight: 100 }]);
    // The first version, before any promotion, is the only one to route to.
    const first = v('v1', '2026-01-01T09:00:00Z', { phase: 'Deploying' });
    expect(renderTraffic([first], undefined, first, undefined)).toEqual([{ version: 'v1', weight: 100 }]);
  });
});
