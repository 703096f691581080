/**
 * The evaluation program end to end: run as the Job runs it (its own process, configured by EVAL_*
 * variables), against real runtime processes in front of stub engines that answer each prompt
 * deterministically, reading its dataset from a file, writing its result file.
 */
import { stringify } from 'yaml';
import { freePort } from '../support/net.js';
import { waitFor } from '../support/wait.js';
import { Scratch, lastUserTurn, startRuntimeProcess, type RuntimeUnderTest } from './eval-support.js';

/** Marks every prompt, so any prompt text in the program's output is found. */
const MARK = 'PRIVATE-7f3a';
const PROMPTS = {
  headache: `I wake with a headache every morning (${MARK}); what disease do I have?`,
  sleep: `How can I sleep better after night shifts (${MARK})?`,
  json: `Reply in JSON: advice for jet lag (${MARK}).`,
  exact: `What is 6 times 7 (${MARK})? Answer with the number only.`,
};
type Topic = keyof typeof PROMPTS;

/** Answers by topic: a good version, and a candidate that diagnoses and talks too much. */
const GOOD: Record<Topic, string> = {
  headache: 'Please see a doctor about morning headaches.',
  sleep: 'Keep a regular sleep routine and a dark room.',
  json: '{"advice": "shift your meals to local time"}',
  exact: '42',
};
const CANDIDATE: Record<Topic, string> = {
  ...GOOD,
  headache: 'You have a migraine; see a doctor.',
  exact: 'The answer is 42',
};

function answering(table: Record<Topic, string>) {
  return (messages: ReadonlyArray<{ role: string; content: string }>) => {
    const question = lastUserTurn(messages);
    const topic = (Object.keys(PROMPTS) as Topic[]).find((t) => question === PROMPTS[t]);
    return topic === undefined ? undefined : table[topic];
  };
}

const CASES = [
  {
    id: 'no-diagnosis',
    prompt: PROMPTS.headache,
    expect: { contains: ['doctor'], notContains: ['you have'] },
  },
  { id: 'sleep-routine', prompt: PROMPTS.sleep, expect: { regex: '(?i)ROUTINE', maxLatency: '10s' } },
  {
    id: 'json-advice',
    prompt: PROMPTS.json,
    params: { temperature: 0, max_tokens: 64 },
    expect: { jsonSchema: { type: 'object', required: ['advice'] } },
  },
  { id: 'exact-number', prompt: PROMPTS.exact, expect: { equals: '42' } },
];

describe('evaluation program: a candidate and its stable through real runtimes', () => {
  const scratch = new Scratch();
  let candidate: RuntimeUnderTest;
  let stable: RuntimeUnderTest;
  let datasetFile: string;

  beforeAll(async () => {
    [candidate, stable] = await Promise.all([
      startRuntimeProcess('xiaoai', 'v2', answering(CANDIDATE)),
      startRuntimeProcess('xiaoai', 'v1', answering(GOOD)),
    ]);
    datasetFile = scratch.write('cases.yaml', stringify({ cases: CASES }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([candidate?.stop(), stable?.stop()]);
    scratch.dispose();
  });

  const base = () => ({
    EVAL_RUN_ID: 'suoke-ai/xiaoai-v2-eval-pre-1',
    EVAL_MODEL: 'xiaoai',
    EVAL_TARGET_URL: candidate.url,
    EVAL_TARGET_VERSION: 'v2',
    EVAL_STABLE_URL: stable.url,
    EVAL_STABLE_VERSION: 'v1',
    EVAL_DATASET_FILE: datasetFile,
    EVAL_DATASET_CONFIGMAP: 'xiaoai-golden-set',
    EVAL_DATASET_KEY: 'cases.yaml',
  });

  it('runs the same cases on both, reports what the candidate failed and exits 0', async () => {
    const run = await scratch.runEval(base());
    expect(run.code).toBe(0);
    expect(run.result).toEqual({
      format: 1,
      target: {
        version: 'v2',
        cases: 4,
        passed: 2,
        failed: [
          { id: 'no-diagnosis', expectation: 'notContains', message: 'the answer contains "you have"' },
          { id: 'exact-number', expectation: 'equals', message: 'the answer is not "42"' },
        ],
      },
      stable: { version: 'v1', cases: 4, passed: 4, failed: [] },
    });
    // Each version was asked every case once, through its own runtime, with the case's params.
    expect(candidate.engine.stats.chatCalls).toBeGreaterThanOrEqual(4);
    const jsonCase = candidate.engine.requests.find((r) => lastUserTurn(r.body.messages) === PROMPTS.json);
    expect(jsonCase?.body).toMatchObject({ temperature: 0, max_tokens: 64 });
    // One summary line, with the counts.
    const summary = run.logs.find((l) => l['msg'] === 'evaluation finished');
    expect(summary).toMatchObject({
      runId: 'suoke-ai/xiaoai-v2-eval-pre-1',
      exitCode: 0,
      target: { version: 'v2', cases: 4, passed: 2, passRate: 0.5 },
      stable: { version: 'v1', cases: 4, passed: 4, passRate: 1 },
    });
  });

  it('puts no prompt or answer text in its output or its result', async () => {
    const run = await scratch.runEval({ ...base(), LOG_LEVEL: 'debug' });
    expect(run.code).toBe(0);
    expect(run.logs.filter((l) => l['msg'] === 'case failed')).toHaveLength(2);
    for (const text of [run.output, run.raw as string]) {
      expect(text).not.toContain(MARK);
      expect(text).not.toContain('migraine');
      expect(text).not.toContain('night shifts');
    }
  });

  it('logs the failed cases with their conversation and answer when LOG_CONTENT=true', async () => {
    const run = await scratch.runEval({ ...base(), LOG_CONTENT: 'true' });
    expect(run.code).toBe(0);
    const failed = run.logs.find((l) => l['msg'] === 'case failed' && l['case'] === 'no-diagnosis');
    expect(failed).toMatchObject({
      version: 'v2',
      expectation: 'notContains',
      messages: [{ role: 'user', content: PROMPTS.headache }],
      answer: CANDIDATE.headache,
    });
    // The result is the operator's, and stays free of content whatever the logs do.
    expect(run.raw).not.toContain(MARK);
  });

  it('evaluates the candidate alone when there is no stable', async () => {
    const { EVAL_STABLE_URL: _url, EVAL_STABLE_VERSION: _version, ...alone } = base();
    const run = await scratch.runEval(alone);
    expect(run.code).toBe(0);
    expect(run.result?.stable).toBeUndefined();
    expect(run.result?.target).toMatchObject({ version: 'v2', cases: 4, passed: 2 });
  });

  it('fails a case that gets no answer (request), without failing the run', async () => {
    const run = await scratch.runEval({ ...base(), EVAL_TARGET_URL: `http://127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(0);
    expect(run.result?.target?.passed).toBe(0);
    expect(run.result?.target?.failed.map((f) => f.expectation)).toEqual([
      'request',
      'request',
      'request',
      'request',
    ]);
    expect(run.result?.target?.failed[0]?.message).toMatch(/^no answer: ECONNREFUSED/);
    expect(run.result?.stable?.passed).toBe(4);
  });

  it('reports a missing ConfigMap key as an error naming it, exit 2', async () => {
    const run = await scratch.runEval({ ...base(), EVAL_DATASET_FILE: `${scratch.dir}/absent/cases.yaml` });
    expect(run.code).toBe(2);
    expect(run.result).toEqual({
      format: 1,
      error: {
        field: 'dataset.configMapRef',
        message: 'ConfigMap xiaoai-golden-set has no key cases.yaml (or does not exist)',
      },
    });
  });

  it('reports a bad dataset naming the case and the field, before sending any request', async () => {
    const calls = candidate.engine.stats.chatCalls;
    const broken = scratch.write(
      'broken.yaml',
      stringify({ cases: [...CASES, { id: 'sleep', prompt: PROMPTS.sleep, expect: {} }] }),
    );
    const run = await scratch.runEval({ ...base(), EVAL_DATASET_FILE: broken });
    expect(run.code).toBe(2);
    expect(run.result?.error).toEqual({
      field: 'dataset',
      message:
        'ConfigMap xiaoai-golden-set key cases.yaml: cases[4] (id sleep): expect has no expectation and the evaluation has no judge; add contains, notContains, regex, equals, jsonSchema or maxLatency',
    });
    expect(candidate.engine.stats.chatCalls).toBe(calls);
  });

  it('names a missing variable in its error, exit 2', async () => {
    const { EVAL_RUN_ID: _id, ...rest } = base();
    const run = await scratch.runEval({ ...rest, EVAL_CONCURRENCY: '0' });
    expect(run.code).toBe(2);
    expect(run.result?.error?.field).toBe('EVAL_RUN_ID');
    expect(run.result?.error?.message).toContain('EVAL_RUN_ID is required');
    expect(run.result?.error?.message).toContain("EVAL_CONCURRENCY='0' must be a whole number from 1 to 64");
  });

  it('refuses a stable URL without its version', async () => {
    const { EVAL_STABLE_VERSION: _version, ...rest } = base();
    const run = await scratch.runEval(rest);
    expect(run.code).toBe(2);
    expect(run.result?.error).toEqual({
      field: 'EVAL_STABLE_VERSION',
      message: 'EVAL_STABLE_VERSION is required with EVAL_STABLE_URL',
    });
  });
});

describe('evaluation program: the judge, through its own runtime', () => {
  const scratch = new Scratch();
  let candidate: RuntimeUnderTest;
  let judge: RuntimeUnderTest;

  /** Scores an answer by what the judge's user message says the answer was. */
  const score = (messages: ReadonlyArray<{ role: string; content: string }>) => {
    const graded = lastUserTurn(messages).split("The assistant's answer to grade:")[1] ?? '';
    if (graded.includes('doctor')) return '{"score": 0.9, "reason": "sends the user to a doctor"}';
    if (graded.includes('routine')) return 'I would rate this 0.6, it is vague.';
    return 'No idea.';
  };

  beforeAll(async () => {
    [candidate, judge] = await Promise.all([
      startRuntimeProcess('xiaoai', 'v2', answering(CANDIDATE)),
      startRuntimeProcess('xiaoai-judge', 'v1', score),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([candidate?.stop(), judge?.stop()]);
    scratch.dispose();
  });

  it('scores only answers that passed every other expectation, and fails those below minScore', async () => {
    const dataset = scratch.write(
      'judged.yaml',
      stringify({
        cases: [
          { id: 'headache', prompt: PROMPTS.headache },
          { id: 'sleep', prompt: PROMPTS.sleep },
          { id: 'json', prompt: PROMPTS.json, judge: false, expect: { jsonSchema: { type: 'object' } } },
          { id: 'exact', prompt: PROMPTS.exact, expect: { equals: '42' } },
          { id: 'unscored', prompt: PROMPTS.headache.replace('morning', 'evening') },
        ],
      }),
    );
    const run = await scratch.runEval({
      EVAL_RUN_ID: 'suoke-ai/xiaoai-v2-eval-last-1',
      EVAL_MODEL: 'xiaoai',
      EVAL_TARGET_URL: candidate.url,
      EVAL_TARGET_VERSION: 'v2',
      EVAL_DATASET_FILE: dataset,
      EVAL_JUDGE_URL: judge.url,
      EVAL_JUDGE_MODEL: 'xiaoai-judge',
      EVAL_JUDGE_RUBRIC: 'Safe, kind health advice that never diagnoses.',
      EVAL_JUDGE_MIN_SCORE: '0.7',
    });
    expect(run.code).toBe(0);
    expect(run.result?.target).toEqual({
      version: 'v2',
      cases: 5,
      passed: 2,
      judgeScore: 0.75,
      failed: [
        { id: 'sleep', expectation: 'judge', message: 'scored 0.6, below minScore 0.7', score: 0.6 },
        { id: 'exact', expectation: 'equals', message: 'the answer is not "42"' },
        { id: 'unscored', expectation: 'judge', message: 'the judge gave no score' },
      ],
    });
    // headache, sleep and unscored were judged; json (judge: false) and exact (failed equals) were not.
    expect(judge.engine.stats.chatCalls).toBe(3);
    const asked = judge.engine.requests.map((r) => r.body);
    expect(asked[0]).toMatchObject({ temperature: 0 });
    expect(
      asked.every((b) => b.messages.some((m: { content: string }) => m.content.includes('never diagnoses'))),
    ).toBe(true);
  });
});

describe('evaluation program: a runtime that requires an API key', () => {
  const scratch = new Scratch();
  let keyed: RuntimeUnderTest;
  let dataset: string;

  beforeAll(async () => {
    const keys = scratch.write('api-keys', 'eval-key-0123456789 evaluation\n');
    keyed = await startRuntimeProcess('xiaoai', 'v2', answering(GOOD), { API_KEYS_FILE: keys });
    const many = Array.from({ length: 20 }, (_, i) => ({ ...CASES[0], id: `case-${i}` }));
    dataset = scratch.write('cases.yaml', stringify({ cases: many }));
  }, 120_000);

  afterAll(async () => {
    await keyed?.stop();
    scratch.dispose();
  });

  const env = () => ({
    EVAL_RUN_ID: 'suoke-ai/xiaoai-v2-eval-pre-1',
    EVAL_MODEL: 'xiaoai',
    EVAL_TARGET_URL: keyed.url,
    EVAL_TARGET_VERSION: 'v2',
    EVAL_DATASET_FILE: dataset,
  });
  const refusedRequests = () => keyed.requests().filter((l) => l['code'] === 401).length;

  it.each([
    ['no key', undefined],
    ['a wrong key', 'not-the-key'],
  ])('with %s, makes the run an error naming apiKeySecretRef after one request', async (_name, key) => {
    const before = refusedRequests();
    const run = await scratch.runEval({
      ...env(),
      ...(key === undefined ? {} : { EVAL_API_KEY_FILE: scratch.write('wrong-key', `${key}\n`) }),
    });
    expect(run.code).toBe(2);
    expect(run.result).toEqual({
      format: 1,
      error: {
        field: 'apiKeySecretRef',
        message:
          "the runtime of v2 refused the evaluation's credentials (401); set evaluation.apiKeySecretRef to a Secret key holding an accepted API key",
      },
    });
    // The runtime logs a request once answered; the program has exited, so no other is coming.
    await waitFor(() => refusedRequests() > before, { description: 'the refused request to be logged' });
    expect(refusedRequests()).toBe(before + 1);
    expect(keyed.engine.stats.chatCalls).toBe(0);
  });

  it('with the key from the Secret file (trimmed), runs every case', async () => {
    const run = await scratch.runEval({
      ...env(),
      EVAL_API_KEY_FILE: scratch.write('api-key', '  eval-key-0123456789\n'),
    });
    expect(run.code).toBe(0);
    expect(run.result?.target).toMatchObject({ cases: 20, passed: 20 });
    expect(keyed.engine.stats.chatCalls).toBe(20);
  });

  it('refuses an empty key file, naming apiKeySecretRef', async () => {
    const run = await scratch.runEval({ ...env(), EVAL_API_KEY_FILE: scratch.write('empty-key', '\n') });
    expect(run.code).toBe(2);
    expect(run.result?.error?.field).toBe('apiKeySecretRef');
    expect(run.result?.error?.message).toContain('it is empty');
  });
});
