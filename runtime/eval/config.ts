/**
 * The evaluation program's configuration: the EVAL_* variables the evaluation Job sets. Every
 * problem is reported at once, each naming its variable; the first one's variable is the result's
 * `error.field`.
 */
import { readFileSync } from 'node:fs';
import type { JudgeSettings } from './judge.js';
import type { DatasetSource } from './fetch-dataset.js';
import { EvaluationProblem, reasonOf } from './problem.js';
import type { EvaluatedVersion } from './run.js';

export interface EvalConfig {
  readonly runId: string;
  readonly model: string;
  readonly target: EvaluatedVersion;
  readonly stable?: EvaluatedVersion;
  readonly dataset: DatasetSource;
  /** The file holding the API key (a Secret key), read by readApiKey. */
  readonly apiKeyFile?: string;
  readonly judge?: JudgeSettings;
  readonly concurrency: number;
  readonly caseTimeoutMs: number;
  readonly resultFile: string;
  readonly istioQuitUrl?: string;
  readonly logLevel: string;
  readonly logContent: boolean;
}

export const DEFAULT_RESULT_FILE = '/dev/termination-log';
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_CASE_TIMEOUT_MS = 60_000;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** What the runtime accepts in X-Evaluation-Run: printable ASCII, at most 256 characters. */
const RUN_ID = /^[\x20-\x7e]{1,256}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DATASET_URI = /^(https?|oci):\/\/\S+$/;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the environment; throws an EvaluationProblem naming the first bad variable (and listing all). */
export function readConfig(env: Env): EvalConfig {
  const problems: { variable: string; message: string }[] = [];
  const report = (variable: string, message: string): undefined => {
    // `='value' must be …` quotes the value right after the name; anything else is a sentence.
    problems.push({ variable, message: `${variable}${message.startsWith('=') ? '' : ' '}${message}` });
    return undefined;
  };
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const required = (name: string, example: string): string => {
    const raw = value(name);
    if (raw === undefined) report(name, `is required (e.g. ${name}=${example})`);
    return raw ?? '';
  };
  const url = (name: string, raw: string | undefined): string | undefined => {
    if (raw === undefined) return undefined;
    try {
      const { protocol } = new URL(raw);
      if (protocol === 'http:' || protocol === 'https:') return raw.replace(/\/+$/, '');
    } catch {
      // reported below
    }
    return report(name, `='${raw}' is not an http(s) URL (e.g. http://soer-v2.suoke-ai.svc.cluster.local)`);
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (/^\d+$/.test(raw) && n >= min && n <= max) return n;
    report(name, `='${raw}' must be a whole number from ${min} to ${max} (default ${fallback})`);
    return fallback;
  };
  const together = (names: readonly string[], optional: readonly string[] = []): boolean => {
    const set = names.filter((n) => value(n) !== undefined);
    const extra = optional.filter((n) => value(n) !== undefined);
    if (set.length === 0 && extra.length === 0) return false;
    for (const n of names)
      if (value(n) === undefined) report(n, `is required with ${[...set, ...extra].join(', ')}`);
    return set.length === names.length;
  };

  const runId = required('EVAL_RUN_ID', 'suoke-ai/soer-v2-eval-pre-1');
  if (runId !== '' && !RUN_ID.test(runId))
    report('EVAL_RUN_ID', 'must be printable ASCII of at most 256 characters (<namespace>/<job name>)');
  const model = required('EVAL_MODEL', 'soer-wellness-engine');
  const targetUrl = url(
    'EVAL_TARGET_URL',
    required('EVAL_TARGET_URL', 'http://soer-v2.suoke-ai.svc.cluster.local') || undefined,
  );
  const targetVersion = required('EVAL_TARGET_VERSION', 'v2');
  let stable: EvaluatedVersion | undefined;
  if (together(['EVAL_STABLE_URL', 'EVAL_STABLE_VERSION'])) {
    const stableUrl = url('EVAL_STABLE_URL', value('EVAL_STABLE_URL'));
    if (stableUrl !== undefined) stable = { url: stableUrl, version: value('EVAL_STABLE_VERSION') as string };
  }
  const dataset = readDatasetSource(value, report);
  let judge: JudgeSettings | undefined;
  if (together(['EVAL_JUDGE_URL', 'EVAL_JUDGE_MODEL', 'EVAL_JUDGE_RUBRIC'], ['EVAL_JUDGE_MIN_SCORE'])) {
    const judgeUrl = url('EVAL_JUDGE_URL', value('EVAL_JUDGE_URL'));
    const rawScore = value('EVAL_JUDGE_MIN_SCORE');
    const minScore = rawScore === undefined ? 0.5 : Number(rawScore);
    if (!(minScore >= 0 && minScore <= 1))
      report('EVAL_JUDGE_MIN_SCORE', `='${rawScore}' must be a number from 0 to 1 (default 0.5)`);
    else if (judgeUrl !== undefined)
      judge = {
        url: judgeUrl,
        model: value('EVAL_JUDGE_MODEL') as string,
        // The rubric keeps its own line breaks and spacing.
        rubric: (env.EVAL_JUDGE_RUBRIC as string).trim(),
        minScore,
      };
  }
  const concurrency = integer('EVAL_CONCURRENCY', DEFAULT_CONCURRENCY, 1, 64);
  const caseTimeoutMs = integer('EVAL_CASE_TIMEOUT_MS', DEFAULT_CASE_TIMEOUT_MS, 1, 3_600_000);
  const istioQuitUrl = url('EVAL_ISTIO_QUIT_URL', value('EVAL_ISTIO_QUIT_URL'));
  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    report('LOG_LEVEL', `='${logLevel}' must be one of ${LOG_LEVELS.join(', ')}`);
  const logContent = booleanOf(value('LOG_CONTENT'));
  if (logContent === undefined) report('LOG_CONTENT', `='${value('LOG_CONTENT')}' must be true or false`);
  const first = problems[0];
  if (first !== undefined)
    throw new EvaluationProblem(first.variable, problems.map((p) => p.message).join('; '));
  const apiKeyFile = value('EVAL_API_KEY_FILE');
  return {
    runId,
    model,
    target: { url: targetUrl as string, version: targetVersion },
    ...(stable === undefined ? {} : { stable }),
    dataset: dataset as DatasetSource,
    ...(apiKeyFile === undefined ? {} : { apiKeyFile }),
    ...(judge === undefined ? {} : { judge }),
    concurrency,
    caseTimeoutMs,
    resultFile: resultFileOf(env),
    ...(istioQuitUrl === undefined ? {} : { istioQuitUrl }),
    logLevel,
    logContent: logContent === true,
  };
}

/** Where the result goes, even when the rest of the configuration is wrong. */
export function resultFileOf(env: Env): string {
  return env.EVAL_RESULT_FILE?.trim() || DEFAULT_RESULT_FILE;
}

/** LOG_LEVEL and LOG_CONTENT as far as they can be read, for logging a configuration that is refused. */
export function loggingOf(env: Env): { readonly level: string; readonly content: boolean } {
  const level = env.LOG_LEVEL?.trim() ?? '';
  return {
    level: LOG_LEVELS.includes(level) ? level : 'info',
    content: booleanOf(env.LOG_CONTENT?.trim()) === true,
  };
}

/** The bearer key in `file` (a Secret key): its content, trimmed. */
export function readApiKey(file: string): string {
  let key: string;
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new EvaluationProblem(
      'apiKeySecretRef',
      `the API key file ${file} cannot be read: ${reasonOf(error)}`,
    );
  }
  if (key === '' || /\s/.test(key))
    throw new EvaluationProblem(
      'apiKeySecretRef',
      `the API key file ${file} must hold one API key (${key === '' ? 'it is empty' : 'it holds whitespace inside'}); put the key alone in the Secret key`,
    );
  return key;
}

function readDatasetSource(
  value: (name: string) => string | undefined,
  report: (variable: string, message: string) => undefined,
): DatasetSource | undefined {
  const file = value('EVAL_DATASET_FILE');
  const uri = value('EVAL_DATASET_URI');
  const digest = value('EVAL_DATASET_DIGEST');
  if ((file === undefined) === (uri === undefined))
    return report(
      file === undefined ? 'EVAL_DATASET_FILE' : 'EVAL_DATASET_URI',
      file === undefined
        ? 'or EVAL_DATASET_URI is required: set exactly one (a mounted ConfigMap key, or an http(s):// or oci:// URI)'
        : 'and EVAL_DATASET_FILE are both set; set exactly one',
    );
  if (file !== undefined) {
    if (digest !== undefined)
      report('EVAL_DATASET_DIGEST', 'pins a URI; it is not used with EVAL_DATASET_FILE, unset it');
    const configMap = value('EVAL_DATASET_CONFIGMAP');
    const key = value('EVAL_DATASET_KEY');
    return {
      kind: 'file',
      path: file,
      ...(configMap === undefined ? {} : { configMap }),
      ...(key === undefined ? {} : { key }),
    };
  }
  if (!DATASET_URI.test(uri as string))
    return report('EVAL_DATASET_URI', `='${uri}' must be an https://, http:// or oci:// URI`);
  if (digest !== undefined && !DIGEST.test(digest))
    return report('EVAL_DATASET_DIGEST', `='${digest}' must be sha256:<64 lowercase hex digits>`);
  return { kind: 'uri', uri: uri as string, ...(digest === undefined ? {} : { digest }) };
}

function booleanOf(raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return false;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  return /^(false|0|no)$/i.test(raw) ? false : undefined;
}
