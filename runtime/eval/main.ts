/**
 * `node build/runtime/eval/main.js`: the program of an evaluation Job. Reads its configuration,
 * fetches and checks the golden set, runs it against the candidate (and the stable), writes the
 * compact result to EVAL_RESULT_FILE (the container's termination message, which the operator
 * reads), logs a one-line summary without any prompt or answer, and asks the Istio sidecar to quit
 * so the Job can complete.
 * Exit codes: 0 ran to the end (whatever the pass rate), 2 could not run (the result's `error`
 * says why, naming the field), 1 crashed.
 */
import { writeFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createLogger } from '../logger.js';
import { loggingOf, readApiKey, readConfig, resultFileOf, type EvalConfig } from './config.js';
import { parseDataset } from './dataset.js';
import { fetchDataset } from './fetch-dataset.js';
import { EvaluationProblem, reasonOf } from './problem.js';
import { encodeResult, RESULT_FORMAT, type EvaluationResult, type SideResult } from './result.js';
import { runEvaluation } from './run.js';

const EXIT_RAN = 0;
const EXIT_CRASHED = 1;
const EXIT_COULD_NOT_RUN = 2;
/** How long the sidecar gets to acknowledge quitting; it is never worth failing the run over. */
const QUIT_TIMEOUT_MS = 2_000;

async function main(): Promise<number> {
  const started = performance.now();
  const env = process.env;
  const logger = createLogger(loggingOf(env).level);
  let config: EvalConfig | undefined;
  let result: EvaluationResult;
  let code: number;
  try {
    config = readConfig(env);
    result = await evaluate(config, logger);
    code = EXIT_RAN;
  } catch (error) {
    if (error instanceof EvaluationProblem) {
      result = { format: RESULT_FORMAT, error: { field: error.field, message: error.message } };
      code = EXIT_COULD_NOT_RUN;
    } else {
      logger.error(
        { err: { message: reasonOf(error), stack: (error as Error).stack } },
        'evaluation crashed',
      );
      result = {
        format: RESULT_FORMAT,
        error: { field: 'evaluation', message: `the evaluation program crashed: ${reasonOf(error)}` },
      };
      code = EXIT_CRASHED;
    }
  }
  const resultFile = config?.resultFile ?? resultFileOf(env);
  try {
    writeFileSync(resultFile, encodeResult(result));
  } catch (error) {
    logger.error({ resultFile, err: { message: reasonOf(error) } }, 'cannot write the result');
    code = EXIT_CRASHED;
  }
  logger.info(
    {
      runId: config?.runId ?? env.EVAL_RUN_ID,
      exitCode: code,
      durationMs: Math.round(performance.now() - started),
      ...(result.target === undefined ? {} : { target: summaryOf(result.target) }),
      ...(result.stable === undefined ? {} : { stable: summaryOf(result.stable) }),
      ...(result.error === undefined ? {} : { error: result.error }),
    },
    'evaluation finished',
  );
  await quitSidecar(config?.istioQuitUrl ?? env.EVAL_ISTIO_QUIT_URL?.trim());
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  return code;
}

async function evaluate(config: EvalConfig, logger: Logger): Promise<EvaluationResult> {
  const apiKey = config.apiKeyFile === undefined ? undefined : readApiKey(config.apiKeyFile);
  const fetched = await fetchDataset(config.dataset);
  const cases = parseDataset(fetched.text, {
    hasJudge: config.judge !== undefined,
    source: fetched.description,
  });
  logger.info(
    {
      runId: config.runId,
      dataset: fetched.description,
      cases: cases.length,
      target: config.target.version,
      ...(config.stable === undefined ? {} : { stable: config.stable.version }),
      ...(config.judge === undefined ? {} : { judge: config.judge.model }),
      concurrency: config.concurrency,
    },
    'evaluation started',
  );
  return runEvaluation(cases, config.target, config.stable, {
    runId: config.runId,
    model: config.model,
    ...(apiKey === undefined ? {} : { apiKey }),
    concurrency: config.concurrency,
    caseTimeoutMs: config.caseTimeoutMs,
    ...(config.judge === undefined ? {} : { judge: config.judge }),
    logger,
    logContent: config.logContent,
  });
}

/** Counts only: which cases failed is in the result, and no text of any case. */
function summaryOf(side: SideResult) {
  return {
    version: side.version,
    cases: side.cases,
    passed: side.passed,
    passRate: side.cases === 0 ? 0 : Math.round((side.passed / side.cases) * 1000) / 1000,
    ...(side.judgeScore === undefined ? {} : { judgeScore: side.judgeScore }),
  };
}

/** POSTs the sidecar's quit endpoint (with the mesh), so the pod, and the Job, can finish. */
async function quitSidecar(url: string | undefined): Promise<void> {
  if (url === undefined || url === '') return;
  await fetch(url, { method: 'POST', signal: AbortSignal.timeout(QUIT_TIMEOUT_MS) }).then(
    (response) => response.body?.cancel().catch(() => undefined),
    () => undefined,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`evaluation failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(EXIT_CRASHED);
  },
);
