import { canaryReplicaBounds, versionsScaledWithTraffic } from '../../operators/rollout/canary-capacity.js';

describe('canaryReplicaBounds', () => {
  it.each([
    [0, 1, 1],
    [10, 1, 1],
    [25, 1, 3],
    [50, 1, 5],
    [80, 2, 8],
    [100, 2, 10],
  ])('bounds 2-10 at weight %d → %d-%d', (weight, min, max) => {
    expect(canaryReplicaBounds({ minReplicas: 2, maxReplicas: 10 }, weight)).toEqual({
      minReplicas: min,
      maxReplicas: max,
    });
  });

  it('keeps a GPU canary at 10% to one pod instead of doubling the fleet', () => {
    const gpusPerPod = 2;
    const canary = canaryReplicaBounds({ minReplicas: 2, maxReplicas: 8 }, 10);
    expect(canary.maxReplicas * gpusPerPod).toBe(2);
  });

  it('never goes below one replica nor above the model bounds', () => {
    for (let weight = 0; weight <= 100; weight++) {
      const b = canaryReplicaBounds({ minReplicas: 3, maxReplicas: 7 }, weight);
      expect(b.minReplicas).toBeGreaterThanOrEqual(1);
      expect(b.maxReplicas).toBeLessThanOrEqual(7);
      expect(b.minReplicas).toBeLessThanOrEqual(b.maxReplicas);
    }
  });

  it('refuses bounds that make no sense', () => {
    expect(() => canaryReplicaBounds({ minReplicas: 0, maxReplicas: 3 }, 50)).toThrow(
      'replica bounds 0-3: minReplicas must be at least 1 and at most maxReplicas',
    );
  });
});

describe('versionsScaledWithTraffic', () => {
  it('scales canaries only; stable, baking and finished versions keep full bounds', () => {
    expect(
      versionsScaledWithTraffic([
        { version: 'v1', phase: 'Superseded' },
        { version: 'v2', phase: 'Promoted' },
        { version: 'v4', phase: 'Progressing' },
        { version: 'v3', phase: 'RollingBack' },
        { version: 'v5', phase: 'Pending' },
        { version: 'v6', phase: 'Paused' },
        { version: 'v7', phase: 'Deploying' },
        { version: 'v8', phase: 'Evaluating' },
      ]),
    ).toEqual(['v3', 'v4', 'v6', 'v7', 'v8']);
  });
});
