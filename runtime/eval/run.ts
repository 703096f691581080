/**
 * Runs the cases against the candidate and, when there is one, the stable, at the same time and on
 * the same cases, each side with at most `concurrency` cases in flight. Each side's first case goes
 * alone: a runtime that refuses the evaluation's credentials (401/403) makes the whole run an error
 * naming apiKeySecretRef after one request, not a version failing every case.
 */
import type { Logger } from 'pino';
import { callChat } from './chat-call.js';
import type { EvaluationCase } from './dataset.js';
import { checkAnswer, type ExpectationKind } from './expectations.js';
import { askJudge, type JudgeSettings } from './judge.js';
import { EvaluationProblem } from './problem.js';
import {
  MAX_FAILED_MESSAGE_CHARS,
  RESULT_FORMAT,
  type EvaluationResult,
  type FailedCase,
  type SideResult,
} from './result.js';

/** A version to evaluate: its name and the base URL of its own Service. */
export interface EvaluatedVersion {
  readonly version: string;
  readonly url: string;
}

export interface RunSettings {
  /** `<namespace>/<job>`, sent as X-Evaluation-Run. */
  readonly runId: string;
  /** Model id of the chat requests (the AIModel's name). */
  readonly model: string;
  readonly apiKey?: string;
  /** Cases in flight at once, per version. */
  readonly concurrency: number;
  /** Longest wait for one answer (and for the judge's score of it). */
  readonly caseTimeoutMs: number;
  readonly judge?: JudgeSettings;
  readonly logger: Logger;
  /** Log prompts and answers (LOG_CONTENT=true); never otherwise. */
  readonly logContent: boolean;
  /** Told of every case as it finishes (progress). */
  readonly onCase?: (side: 'target' | 'stable', outcome: CaseOutcome) => void;
}

/** How one case went on one version. */
export interface CaseOutcome {
  readonly id: string;
  readonly passed: boolean;
  /** Why it failed. */
  readonly failure?: FailedCase;
  /** The judge's score, when judged. */
  readonly score?: number;
  readonly latencyMs?: number;
}

/** A runtime refused the credentials; the run stops. */
class Refused extends Error {
  constructor(
    readonly who: string,
    readonly status: number,
  ) {
    super(`${who} refused the credentials (${status})`);
  }
}

/** Runs every case on `target` (and `stable`); throws an EvaluationProblem when credentials are refused. */
export async function runEvaluation(
  cases: readonly EvaluationCase[],
  target: EvaluatedVersion,
  stable: EvaluatedVersion | undefined,
  settings: RunSettings,
): Promise<EvaluationResult> {
  const stop = new AbortController();
  const side = async (which: 'target' | 'stable', version: EvaluatedVersion): Promise<SideResult> => {
    try {
      return await runSide(cases, version, which, settings, stop.signal);
    } catch (error) {
      stop.abort();
      throw error;
    }
  };
  try {
    const [targetResult, stableResult] = await Promise.all([
      side('target', target),
      stable === undefined ? undefined : side('stable', stable),
    ]);
    return {
      format: RESULT_FORMAT,
      target: targetResult,
      ...(stableResult === undefined ? {} : { stable: stableResult }),
    };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    throw new EvaluationProblem(
      'apiKeySecretRef',
      `the runtime ${error.who} refused the evaluation's credentials (${error.status}); set evaluation.apiKeySecretRef to a Secret key holding an accepted API key`,
    );
  }
}

async function runSide(
  cases: readonly EvaluationCase[],
  version: EvaluatedVersion,
  which: 'target' | 'stable',
  settings: RunSettings,
  stop: AbortSignal,
): Promise<SideResult> {
  const outcomes: CaseOutcome[] = new Array(cases.length);
  const run = async (index: number): Promise<void> => {
    const outcome = await runCase(cases[index] as EvaluationCase, version, settings, stop);
    outcomes[index] = outcome;
    settings.onCase?.(which, outcome);
  };
  await run(0);
  let next = 1;
  const worker = async (): Promise<void> => {
    while (next < cases.length && !stop.aborted) await run(next++);
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, cases.length - 1) }, worker));
  const scores = outcomes.flatMap((o) => (o.score === undefined ? [] : [o.score]));
  const judgeScore =
    scores.length === 0
      ? undefined
      : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000;
  return {
    version: version.version,
    cases: cases.length,
    passed: outcomes.filter((o) => o.passed).length,
    failed: outcomes.flatMap((o) => (o.failure === undefined ? [] : [o.failure])),
    ...(judgeScore === undefined ? {} : { judgeScore }),
  };
}

async function runCase(
  c: EvaluationCase,
  version: EvaluatedVersion,
  settings: RunSettings,
  stop: AbortSignal,
): Promise<CaseOutcome> {
  const deadlines: Deadline[] = [];
  try {
    return await judgeCase(c, version, settings, stop, deadlines);
  } finally {
    for (const deadline of deadlines) deadline.clear();
  }
}

/** A signal that aborts after a time or with the run, and what stops its timer. */
interface Deadline {
  readonly signal: AbortSignal;
  readonly clear: () => void;
}

/**
 * Aborts after `ms`, or when `stop` does. Not `AbortSignal.any([stop, AbortSignal.timeout(ms)])`: in
 * Node.js 20 a composed signal that only the pending fetch holds can be garbage-collected before its
 * timeout fires, and a request nobody answers then waits forever. A plain timer keeps it alive.
 */
function deadline(stop: AbortSignal, ms: number): Deadline {
  const controller = new AbortController();
  const onStop = (): void => controller.abort(stop.reason);
  const timer = setTimeout(() => controller.abort(new DOMException('no answer in time', 'TimeoutError')), ms);
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
    },
  };
}

async function judgeCase(
  c: EvaluationCase,
  version: EvaluatedVersion,
  settings: RunSettings,
  stop: AbortSignal,
  deadlines: Deadline[],
): Promise<CaseOutcome> {
  const job = settings.runId.slice(settings.runId.lastIndexOf('/') + 1);
  const call = (requestId: string) => {
    const limit = deadline(stop, settings.caseTimeoutMs);
    deadlines.push(limit);
    const signal = limit.signal;
    return {
      runId: settings.runId,
      requestId,
      signal,
      timeoutMs: settings.caseTimeoutMs,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    };
  };
  const answered = await callChat(
    version.url,
    { model: settings.model, messages: c.messages, ...c.params },
    call(`${job}.${c.id}`),
  );
  if (answered.kind === 'refused') throw new Refused(`of ${version.version}`, answered.status);
  const failed = (expectation: ExpectationKind, message: string, score?: number): CaseOutcome => ({
    id: c.id,
    passed: false,
    failure: { id: c.id, expectation, message: clip(message), ...(score === undefined ? {} : { score }) },
    ...(score === undefined ? {} : { score }),
    ...(answered.kind === 'answer' ? { latencyMs: Math.round(answered.latencyMs) } : {}),
  });
  let outcome: CaseOutcome;
  if (answered.kind === 'error') outcome = failed('request', answered.message);
  else {
    const failure = checkAnswer(c.expect, answered.text, answered.latencyMs);
    if (failure !== undefined) outcome = failed(failure.expectation, failure.message);
    else if (c.judged && settings.judge !== undefined) {
      const verdict = await askJudge(settings.judge, c.messages, answered.text, call(`${job}.${c.id}.judge`));
      if (verdict.kind === 'refused')
        throw new Refused(`of the judge ${settings.judge.model}`, verdict.status);
      if (verdict.kind === 'error') outcome = failed('judge', verdict.message);
      else if (verdict.score < settings.judge.minScore)
        outcome = failed(
          'judge',
          `scored ${verdict.score}, below minScore ${settings.judge.minScore}`,
          verdict.score,
        );
      else
        outcome = { id: c.id, passed: true, score: verdict.score, latencyMs: Math.round(answered.latencyMs) };
    } else outcome = { id: c.id, passed: true, latencyMs: Math.round(answered.latencyMs) };
  }
  logCase(settings, version, c, outcome, answered.kind === 'answer' ? answered.text : undefined);
  return outcome;
}

/** One line per case: passes at debug, failures at info; prompts and answers only with LOG_CONTENT. */
function logCase(
  settings: RunSettings,
  version: EvaluatedVersion,
  c: EvaluationCase,
  outcome: CaseOutcome,
  answer: string | undefined,
): void {
  const line = {
    runId: settings.runId,
    version: version.version,
    case: c.id,
    passed: outcome.passed,
    ...(outcome.failure === undefined
      ? {}
      : { expectation: outcome.failure.expectation, reason: outcome.failure.message }),
    ...(outcome.score === undefined ? {} : { score: outcome.score }),
    ...(outcome.latencyMs === undefined ? {} : { latencyMs: outcome.latencyMs }),
    ...(settings.logContent ? { messages: c.messages, ...(answer === undefined ? {} : { answer }) } : {}),
  };
  if (outcome.passed) settings.logger.debug(line, 'case passed');
  else settings.logger.info(line, 'case failed');
}

function clip(message: string): string {
  return message.length <= MAX_FAILED_MESSAGE_CHARS
    ? message
    : `${message.slice(0, MAX_FAILED_MESSAGE_CHARS - 1)}…`;
}
