/**
 * The verdict of an evaluation gate on a run's result (pure): the pass rate, the comparison with the
 * stable run on the same cases, the sentence status and Events say, and the failed cases as status
 * keeps them.
 *
 * The gate passes when `passRate >= minPassRate` (if set) and, when the stable was evaluated in the
 * same run, `stablePassRate - passRate <= maxDropVsStable` (if set); without a stable (a model's
 * first version, or a stable the run could not reach) maxDropVsStable is ignored, and the message
 * says so. The stable never fails the gate on its own: its failures only make its pass rate.
 *
 * Example: 9 of 10 passed, stable v1 10 of 10, minPassRate 0.8, maxDropVsStable 0.1 →
 * "passed 9 of 10 cases (90%); stable v1 passed 10 of 10 (100%); gate minPassRate 80%,
 * maxDropVsStable 10%: passed". With 8 of 10 instead, the drop of 20 points fails it.
 *
 * A result that cannot be judged (an error the run reported, no candidate side, no case run) is
 * Invalid: the rollout then holds for a fix rather than deciding on nothing.
 */
import type { EvaluationFailedCase, ExpectationKind } from '../../crds/api/index.js';
import type { EvaluationResult, SideResult } from '../../runtime/eval/result.js';
import type { EffectiveEvaluation } from './types.js';

/** Failed cases kept in a run's status (the schema's maxItems). */
export const MaxFailedCases = 50;
/** Longest message of a failed case in status (the schema's maxLength). */
const MaxFailedCaseMessage = 256;
/** Longest run message in status (the schema's maxLength). */
export const MaxRunMessage = 2048;
/** Failed case ids an Event names. */
const MaxNamedCases = 10;
/**
 * Slack of the comparisons: a pass rate and a threshold that are equal on paper (0.8 - 0.7 against
 * 0.1) differ in the last bits of a double, which must not decide a gate.
 */
const Epsilon = 1e-9;

/** What the gate made of a run. */
export type GateVerdict =
  | {
      readonly verdict: 'Passed' | 'Failed';
      /** The run's fields as status records them. */
      readonly record: {
        readonly cases: number;
        readonly passed: number;
        readonly passRate: number;
        readonly stableVersion?: string;
        readonly stablePassRate?: number;
        readonly judgeScore?: number;
        readonly failedCases?: EvaluationFailedCase[];
      };
      /** The verdict in a sentence (the run's message). */
      readonly message: string;
      /** The failed cases for an Event: `no-diagnosis (notContains), sleep (judge) and 3 more`. */
      readonly failedSummary: string;
    }
  | { readonly verdict: 'Invalid'; readonly message: string };

/** The gate's verdict on `result`. */
export function gateVerdict(result: EvaluationResult, evaluation: EffectiveEvaluation): GateVerdict {
  if (result.error !== undefined) {
    return { verdict: 'Invalid', message: `${result.error.field}: ${result.error.message}` };
  }
  const target = result.target;
  if (target === undefined)
    return { verdict: 'Invalid', message: 'the result has no candidate side (target)' };
  if (target.cases === 0)
    return { verdict: 'Invalid', message: `no case was run against version ${target.version}` };
  const passRate = target.passed / target.cases;
  const stable = result.stable !== undefined && result.stable.cases > 0 ? result.stable : undefined;
  const stablePassRate = stable === undefined ? undefined : stable.passed / stable.cases;

  const failures: string[] = [];
  const gates: string[] = [];
  const { minPassRate, maxDropVsStable } = evaluation;
  if (minPassRate !== undefined) {
    gates.push(`minPassRate ${percent(minPassRate)}`);
    if (passRate + Epsilon < minPassRate) {
      failures.push(`pass rate ${percent(passRate)} is below minPassRate ${percent(minPassRate)}`);
    }
  }
  if (maxDropVsStable !== undefined) {
    if (stablePassRate === undefined) {
      gates.push(`maxDropVsStable ${percent(maxDropVsStable)} (ignored: no stable evaluated)`);
    } else {
      gates.push(`maxDropVsStable ${percent(maxDropVsStable)}`);
      const drop = stablePassRate - passRate;
      if (drop > maxDropVsStable + Epsilon) {
        failures.push(
          `${points(drop)} below the stable's pass rate, more than maxDropVsStable ${percent(maxDropVsStable)}`,
        );
      }
    }
  }

  const failedCount = target.cases - target.passed;
  const failedCases = target.failed.slice(0, MaxFailedCases).map(statusCase);
  const unlisted = failedCount - failedCases.length;
  const message = [
    `${sideText(target, 'passed')}${target.judgeScore === undefined ? '' : `, judge score ${target.judgeScore}`}`,
    ...(stable === undefined ? [] : [`stable ${sideText(stable, `${stable.version} passed`)}`]),
    `gate ${gates.join(', ')}: ${failures.length === 0 ? 'passed' : `failed (${failures.join('; ')})`}`,
    ...(unlisted > 0 ? [`${unlisted} failed cases not listed`] : []),
  ].join('; ');
  return {
    verdict: failures.length === 0 ? 'Passed' : 'Failed',
    record: {
      cases: target.cases,
      passed: target.passed,
      passRate: round(passRate),
      ...(stable === undefined ? {} : { stableVersion: stable.version.slice(0, 63) }),
      ...(stablePassRate === undefined ? {} : { stablePassRate: round(stablePassRate) }),
      ...(target.judgeScore === undefined ? {} : { judgeScore: target.judgeScore }),
      ...(failedCases.length === 0 ? {} : { failedCases }),
    },
    message: cut(message, MaxRunMessage),
    failedSummary: summary(failedCases, failedCount),
  };
}

/** `passed 9 of 10 cases (90%)`, or for the stable `v1 passed 10 of 10 (100%)`. */
function sideText(side: SideResult, lead: string): string {
  const cases = lead === 'passed' ? ' cases' : '';
  return `${lead} ${side.passed} of ${side.cases}${cases} (${percent(side.passed / side.cases)})`;
}

/** A failed case as status keeps it: id and message within the schema's bounds. */
function statusCase(failed: SideResult['failed'][number]): EvaluationFailedCase {
  return {
    id: failed.id.slice(0, 63),
    expectation: failed.expectation as ExpectationKind,
    ...(failed.message === undefined ? {} : { message: cut(failed.message, MaxFailedCaseMessage) }),
    ...(failed.score === undefined ? {} : { score: failed.score }),
  };
}

/** Up to MaxNamedCases failed cases with their expectation, and how many more failed. */
function summary(listed: readonly EvaluationFailedCase[], failed: number): string {
  if (failed === 0) return 'no case failed';
  const named = listed.slice(0, MaxNamedCases).map((c) => `${c.id} (${c.expectation})`);
  const more = failed - named.length;
  return `${named.join(', ')}${more > 0 ? `${named.length > 0 ? ' and ' : ''}${more} more` : ''}`;
}

/** 0.9 → `90%`, 2/3 → `66.7%`. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A difference of shares in percentage points: 0.2 → `20 points`. */
function points(share: number): string {
  return `${Math.round(share * 1000) / 10} points`;
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
