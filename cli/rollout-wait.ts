/**
 * Waiting for a rollout to end, shared by `wait`, `apply --wait` and `promote --wait`. Prints one
 * progress line (or JSON line) per visible change and settles on an exit code:
 * 0 promoted (or the `--for` target reached), 1 RolledBack / Failed / Superseded / deleted,
 * 2 timeout. Status written for an older generation of the spec is shown but not judged, so a
 * re-applied version is not reported on the strength of its previous rollout. An evaluation on the
 * golden set is part of the rollout (phase Evaluating); one that could not be judged holds it for a
 * person, like the manual gate, and one that failed ends it with the failed cases named.
 */
import {
  ACTION_ANNOTATION,
  type AIModel,
  type EvaluationRunStatus,
  type ModelVersion,
} from '../crds/index.js';
import type { KubeObject } from '../operators/kit/resource.js';
import type { CliContext } from './context.js';
import { EXIT } from './errors.js';
import type { Streams } from './output.js';
import {
  checkText,
  failedChecks,
  failedEvaluation,
  progressLine,
  progressView,
  phaseText,
  stepPlan,
  stepText,
  type ProgressView,
} from './progress.js';
import { AI_MODEL, MODEL_VERSION } from './resources.js';
import { ObjectWatch } from './watch-object.js';

/**
 * What counts as done: `promoted` (phase Promoted: the last canary step, the blue-green switch or
 * the experiment's win), `baked` (Promoted and its bake finished), `gate` (Paused at the manual gate
 * only: the last canary step of `mode: Manual`, a BlueGreen `mode: Manual` before its switch, an
 * Experiment `winner: Manual` at its end; a pipeline that promotes next must not stop at a pause for
 * missing data), `paused` (phase Paused for any reason).
 */
export const WAIT_TARGETS = ['promoted', 'baked', 'gate', 'paused'] as const;
export type WaitTarget = (typeof WAIT_TARGETS)[number];

export interface WaitOptions {
  readonly name: string;
  readonly timeoutMs: number;
  /** @default 'promoted' */
  readonly target?: WaitTarget;
  /** `json` prints JSON lines. @default 'table' */
  readonly format?: 'table' | 'json';
  readonly streams: Streams;
  /** Clock for the time stamps of progress lines. @default Date.now */
  readonly now?: () => number;
  /** Passed to the watch (tests shorten retries). @default the watch's defaults */
  readonly retryMs?: number;
}

const ENDED = new Set(['RolledBack', 'Failed', 'Superseded']);

/** Resolves with the exit code. Rejects with ApiFailure/UsageError on errors retrying cannot fix. */
export async function waitForRollout(ctx: CliContext, options: WaitOptions): Promise<number> {
  const { name, streams } = options;
  const target = options.target ?? 'promoted';
  const json = options.format === 'json';
  const now = options.now ?? Date.now;
  const clock = (): string => new Date(now()).toISOString();
  let model: AIModel | undefined;
  let last: ProgressView | undefined;
  let lastLine = '';
  let settle: (code: number) => void = () => undefined;
  const settled = new Promise<number>((resolve) => (settle = resolve));

  const emit = (record: Record<string, unknown>, text: string): void => {
    streams.out(json ? JSON.stringify({ time: clock(), ...record }) + '\n' : text + '\n');
  };

  let gateNoted = false;
  /** The job of the evaluation whose hold was noted, so each run's hold is noted once. */
  let invalidNoted: string | undefined;

  /** False for status written for an older generation of the spec. */
  const isCurrent = (mv: ModelVersion): boolean => {
    const generation = mv.metadata.generation;
    const observed = mv.status?.observedGeneration;
    return generation === undefined || observed === undefined || observed >= generation;
  };

  const judge = (mv: ModelVersion): number | undefined => {
    if (!isCurrent(mv)) return undefined;
    const phase = mv.status?.phase;
    if (phase === 'Promoted') {
      if (target === 'baked' && mv.status?.finishedAt === undefined) return undefined;
      return EXIT.ok;
    }
    if (phase !== undefined && ENDED.has(phase)) return EXIT.notPromoted;
    if (phase === 'Paused' && target === 'paused') return EXIT.ok;
    if (phase === 'Paused' && target === 'gate' && mv.status?.pauseReason === 'ManualGate') return EXIT.ok;
    return undefined;
  };

  const watch = new ObjectWatch({
    client: ctx.client,
    type: MODEL_VERSION,
    namespace: ctx.namespace,
    name,
    ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
    onObject: (object: KubeObject) => {
      const mv = object as unknown as ModelVersion;
      const view = progressView(mv, stepPlan(mv, model));
      const line = progressLine(view);
      if (line !== lastLine) {
        lastLine = line;
        emit({ type: 'progress', ...view }, `${clock().slice(11, 19)}  ${line}`);
      }
      last = view;
      const code = judge(mv);
      if (code === undefined) {
        // Waiting for a promotion that only a person can give: say so once, on stderr.
        if (view.pauseReason === 'ManualGate' && !gateNoted && isCurrent(mv) && !promoteRequested(mv)) {
          gateNoted = true;
          streams.err(
            `note: ModelVersion ${name} waits at the manual gate; 'kubectl model promote ${name}' finishes it ('--for gate' stops waiting here)\n`,
          );
        }
        // An evaluation that could not be judged waits for a person too: a fix, then 'resume'.
        const job = view.evaluation?.job;
        if (view.pauseReason === 'EvaluationInvalid' && invalidNoted !== job && isCurrent(mv)) {
          invalidNoted = job;
          streams.err(
            `note: ModelVersion ${name} holds: its evaluation${job ? ` (Job ${job})` : ''} could not be judged; fix the cause, then 'kubectl model resume ${name}' runs it again or 'kubectl model abort ${name}' gives up ('--for paused' stops waiting here)\n`,
          );
        }
        return;
      }
      watch.stop();
      // What the rollout was (strategy, stage, pause reason) goes with every result for machines.
      const context = {
        ...(view.strategy ? { strategy: view.strategy } : {}),
        ...(view.stage ? { stage: view.stage } : {}),
        ...(view.pauseReason ? { pauseReason: view.pauseReason } : {}),
      };
      if (code === EXIT.ok) {
        const reached =
          mv.status?.phase === 'Promoted'
            ? target === 'baked'
              ? 'promoted and baked'
              : 'promoted'
            : view.pauseReason === 'ManualGate'
              ? 'paused at the manual gate'
              : `paused${view.pauseReason ? ` (${view.pauseReason})` : ''}`;
        const next =
          view.pauseReason === 'ManualGate'
            ? `\n  promote it with 'kubectl model promote ${name}' or abort it with 'kubectl model abort ${name}'`
            : view.pauseReason === 'EvaluationInvalid'
              ? `\n  fix the evaluation, then run it again with 'kubectl model resume ${name}', or abort it with 'kubectl model abort ${name}'`
              : '';
        emit(
          {
            type: 'result',
            outcome: mv.status?.phase,
            exitCode: code,
            message: mv.status?.message ?? '',
            ...context,
          },
          `ModelVersion ${name} ${reached}${mv.status?.message ? `: ${mv.status.message}` : ''}${next}`,
        );
      } else {
        const failed = failedChecks(mv);
        // A version the golden set failed: the cases are what its owner fixes next.
        const evaluation = mv.status?.phase === 'Superseded' ? undefined : failedEvaluation(mv);
        emit(
          {
            type: 'result',
            outcome: mv.status?.phase,
            exitCode: code,
            message: mv.status?.message ?? '',
            ...context,
            failedChecks: failed,
            ...(evaluation !== undefined ? { evaluation, failedCases: evaluation.failedCases ?? [] } : {}),
          },
          [
            `ModelVersion ${name} was not promoted: ${mv.status?.phase}${mv.status?.message ? `: ${mv.status.message}` : ''}`,
            ...(evaluation !== undefined
              ? [
                  `  failed evaluation (${evaluation.gate}, attempt ${evaluation.attempt}, Job ${evaluation.job})${evaluation.message ? `: ${evaluation.message}` : ''}`,
                  ...failedCaseLines(evaluation),
                ]
              : []),
            ...failed.map((c) => `  failed check: ${checkText(c)}${c.reason ? ` (${c.reason})` : ''}`),
          ].join('\n'),
        );
      }
      settle(code);
    },
    onDeleted: () => {
      emit(
        { type: 'result', outcome: 'Deleted', exitCode: EXIT.notPromoted, message: 'deleted while waiting' },
        `ModelVersion ${name} was deleted while waiting; it will not be promoted`,
      );
      settle(EXIT.notPromoted);
    },
    onRecover: (what) => streams.err(`note: ${what}\n`),
  });

  // The AIModel gives the number of steps when the version inherits its policy; optional.
  const loadModel = async (): Promise<void> => {
    try {
      const mv = (await ctx.client.get(MODEL_VERSION, ctx.namespace, name)) as unknown as ModelVersion;
      model = (await ctx.client.get(AI_MODEL, ctx.namespace, mv.spec.modelRef.name)) as unknown as AIModel;
    } catch {
      // Progress lines then show `step i` without n; the wait itself does not depend on it.
    }
  };
  await loadModel();

  const timer = setTimeout(() => {
    watch.stop();
    const where = last
      ? `it is ${phaseText(last)}${last.stage ? ` in stage ${last.stage}` : ''}${stepText(last) ? ` at ${stepText(last)}` : ''}${last.canaryWeight !== undefined ? ` (weight ${last.canaryWeight}%)` : ''}`
      : 'its state was never read';
    emit(
      {
        type: 'result',
        outcome: 'Timeout',
        exitCode: EXIT.timeout,
        message: where,
        phase: last?.phase,
        ...(last?.strategy ? { strategy: last.strategy } : {}),
        ...(last?.stage ? { stage: last.stage } : {}),
        ...(last?.pauseReason ? { pauseReason: last.pauseReason } : {}),
      },
      `timed out after ${formatMs(options.timeoutMs)} waiting for ModelVersion ${name} to be ${target}; ${where}`,
    );
    settle(EXIT.timeout);
  }, options.timeoutMs);
  try {
    await Promise.race([watch.run().then(() => settled), settled]);
    return await settled;
  } finally {
    clearTimeout(timer);
    watch.stop();
  }
}

/** Failed cases shown under a failed evaluation; the rest are counted (status keeps up to 50). */
const SHOWN_FAILED_CASES = 10;

/** `  failed case: no-diagnosis (notContains): …` per failed case, then how many more there were. */
function failedCaseLines(run: EvaluationRunStatus): string[] {
  const cases = run.failedCases ?? [];
  const lines = cases
    .slice(0, SHOWN_FAILED_CASES)
    .map((c) => `  failed case: ${c.id} (${c.expectation})${c.message ? `: ${c.message}` : ''}`);
  const total = run.cases !== undefined && run.passed !== undefined ? run.cases - run.passed : cases.length;
  if (total > lines.length) lines.push(`  and ${total - lines.length} more failed cases`);
  return lines;
}

/** A promote is asked for (the annotation is set) or was just accepted (`promote --wait`). */
function promoteRequested(mv: ModelVersion): boolean {
  const last = mv.status?.lastAction;
  return (
    mv.metadata.annotations?.[ACTION_ANNOTATION] === 'promote' ||
    (last?.action === 'promote' && last.result === 'Accepted')
  );
}

function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
