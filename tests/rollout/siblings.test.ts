import { siblingObservations, type Sibling } from '../../operators/rollout/siblings.js';

const v = (version: string, minute: number, over: Partial<Sibling> = {}): Sibling => ({
  name: `demo-${version}`,
  version,
  createdAt: `2026-01-01T12:${String(minute).padStart(2, '0')}:00Z`,
  ...over,
});

describe('siblingObservations', () => {
  it.each([
    ['the only version', 'demo-v1', [v('v1', 0)], {}],
    [
      'a canary superseded by a newer version, which waits for it to roll back',
      'demo-v2',
      [
        v('v1', 0, { phase: 'Promoted', promotedAt: 't', finishedAt: 't' }),
        v('v2', 5, { phase: 'Progressing' }),
        v('v3', 9),
      ],
      { supersededBy: 'v3' },
    ],
    [
      'the newer version waits while the older canary holds the slot',
      'demo-v3',
      [
        v('v1', 0, { phase: 'Promoted', promotedAt: 't', finishedAt: 't' }),
        v('v2', 5, { phase: 'RollingBack' }),
        v('v3', 9),
      ],
      { waitingFor: 'v2' },
    ],
    [
      'a version being evaluated holds the slot',
      'demo-v3',
      [v('v2', 5, { phase: 'Evaluating' }), v('v3', 9)],
      { waitingFor: 'v2' },
    ],
    [
      'a baking version holds the slot',
      'demo-v3',
      [v('v2', 5, { phase: 'Promoted', promotedAt: 't' }), v('v3', 9)],
      { waitingFor: 'v2' },
    ],
    [
      'finished versions hold nothing',
      'demo-v3',
      [
        v('v1', 0, { phase: 'Superseded' }),
        v('v2', 5, { phase: 'RolledBack' }),
        v('v4', 7, { phase: 'Failed' }),
        v('v3', 9),
      ],
      {},
    ],
    [
      'the newest of several newer versions supersedes',
      'demo-v1',
      [v('v1', 0, { phase: 'Pending' }), v('v3', 9), v('v2', 5)],
      { supersededBy: 'v3' },
    ],
    ['same creation second: the name decides', 'demo-a', [v('a', 1), v('b', 1)], { supersededBy: 'b' }],
  ] as const)('%s', (_name, name, siblings, expected) => {
    expect(siblingObservations(name, siblings)).toEqual(expected);
  });

  it('names the version it cannot find', () => {
    expect(() => siblingObservations('demo-x', [v('v1', 0)])).toThrow(
      'ModelVersion demo-x: not among the versions given (demo-v1)',
    );
  });
});
