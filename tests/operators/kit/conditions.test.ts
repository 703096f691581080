import { findCondition, metaTime, setCondition, type Condition } from '../../../operators/kit/conditions.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const T1 = T0 + 60_000;

describe('setCondition', () => {
  const ready = (status: Condition['status'], reason = 'Available', generation = 1) =>
    ({
      type: 'Ready',
      status,
      reason,
      message: `ready is ${status}`,
      observedGeneration: generation,
    }) as const;

  it('adds a missing condition with lastTransitionTime = now', () => {
    const out = setCondition(undefined, ready('True'), T0);
    expect(out).toEqual([{ ...ready('True'), lastTransitionTime: '2026-01-01T12:00:00Z' }]);
  });

  it('keeps lastTransitionTime when only reason, message or generation change', () => {
    const first = setCondition([], ready('False', 'Deploying', 1), T0);
    const second = setCondition(first, ready('False', 'Waiting', 2), T1);
    expect(findCondition(second, 'Ready')).toMatchObject({
      reason: 'Waiting',
      observedGeneration: 2,
      lastTransitionTime: metaTime(T0),
    });
  });

  it('moves lastTransitionTime when status changes', () => {
    const first = setCondition([], ready('False'), T0);
    expect(findCondition(setCondition(first, ready('True'), T1), 'Ready')?.lastTransitionTime).toBe(
      metaTime(T1),
    );
  });

  it('returns a deep-equal list when nothing changed, without mutating the input', () => {
    const first = setCondition([], ready('True'), T0);
    const frozen = Object.freeze([...first]);
    expect(setCondition(frozen, ready('True'), T1)).toEqual(first);
  });

  it('leaves other conditions in place', () => {
    const both = setCondition(
      setCondition([], ready('True'), T0),
      { ...ready('True'), type: 'Progressing' },
      T0,
    );
    expect(setCondition(both, ready('False'), T1).map((c) => c.type)).toEqual(['Ready', 'Progressing']);
  });

  it('rejects a reason that is not CamelCase, naming the condition', () => {
    expect(() => setCondition([], ready('True', 'not ok'), T0)).toThrow(/condition 'Ready': reason 'not ok'/);
  });
});
