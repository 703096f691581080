/**
 * What the evaluation program sends and how it paces itself, seen by a recording server standing in
 * for a runtime: the evaluation header, the bearer key, non-streamed bodies, at most
 * EVAL_CONCURRENCY cases in flight, the per-case timeout, rate limits waited out, and the sidecar
 * asked to quit only once the result is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { stringify } from 'yaml';
import { RecordingServer, Scratch, completion, type Recorded } from './eval-support.js';

const RUN_ID = 'suoke-ai/xiaoai-v2-eval-pre-1';

describe('evaluation program: its requests', () => {
  const scratch = new Scratch();
  afterAll(() => scratch.dispose());

  const cases = (n: number, extra: Record<string, unknown> = {}) =>
    scratch.write(
      `cases-${n}-${Object.keys(extra).join('-') || 'plain'}.yaml`,
      stringify({
        cases: Array.from({ length: n }, (_, i) => ({
          id: `case-${i}`,
          prompt: `question ${i}`,
          expect: { contains: 'ok' },
          ...extra,
        })),
      }),
    );
  const env = (target: RecordingServer, dataset: string, more: Record<string, string> = {}) => ({
    EVAL_RUN_ID: RUN_ID,
    EVAL_MODEL: 'xiaoai',
    EVAL_TARGET_URL: target.url,
    EVAL_TARGET_VERSION: 'v2',
    EVAL_DATASET_FILE: dataset,
    ...more,
  });

  it('marks every request as evaluation traffic, sends the key and asks for the whole answer', async () => {
    const target = await RecordingServer.start((_req, res) => answer(res, 'ok'));
    try {
      const run = await scratch.runEval(
        env(target, cases(3, { params: { temperature: 0, seed: 7 } }), {
          EVAL_API_KEY_FILE: scratch.write('key', 'k-123\n'),
        }),
      );
      expect(run.code).toBe(0);
      expect(target.requests).toHaveLength(3);
      for (const req of target.requests) {
        expect(req.method).toBe('POST');
        expect(req.url).toBe('/v1/chat/completions');
        expect(req.headers['x-evaluation-run']).toBe(RUN_ID);
        expect(req.headers.authorization).toBe('Bearer k-123');
        expect(req.headers['x-session-id']).toBeUndefined();
        expect(req.headers['x-request-id']).toMatch(/^xiaoai-v2-eval-pre-1\.case-\d$/);
        const body = JSON.parse(req.body) as Record<string, unknown>;
        expect(body).toMatchObject({ model: 'xiaoai', stream: false, temperature: 0, seed: 7 });
        expect(body.messages).toEqual([{ role: 'user', content: expect.stringMatching(/^question \d$/) }]);
      }
    } finally {
      await target.close();
    }
  });

  it('keeps at most EVAL_CONCURRENCY cases in flight, the first one alone', async () => {
    const held: ServerResponse[] = [];
    let inFlight = 0;
    let most = 0;
    let answered = 0;
    let answeredWhenSecondArrived: number | undefined;
    const release = () => {
      for (const res of held.splice(0)) {
        inFlight -= 1;
        answered += 1;
        answer(res, 'ok');
      }
    };
    const target = await RecordingServer.start((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      held.push(res);
      const arrived = target.requests.length;
      if (arrived === 2) answeredWhenSecondArrived = answered;
      if (arrived === 1 || arrived === 20) release();
      // Three in flight: answered after a short window in which a wider pool would send a fourth.
      else if (inFlight === 3) setTimeout(release, 25);
    });
    try {
      const run = await scratch.runEval(env(target, cases(20), { EVAL_CONCURRENCY: '3' }));
      expect(run.code).toBe(0);
      expect(run.result?.target).toMatchObject({ cases: 20, passed: 20 });
      expect(answeredWhenSecondArrived).toBe(1);
      expect(most).toBe(3);
    } finally {
      await target.close();
    }
  });

  it('fails a case unanswered within EVAL_CASE_TIMEOUT_MS and goes on with the others', async () => {
    const target = await RecordingServer.start((req, res) => {
      if (req.body.includes('question 1')) return; // never answers
      answer(res, 'ok');
    });
    try {
      const run = await scratch.runEval(env(target, cases(3), { EVAL_CASE_TIMEOUT_MS: '300' }));
      expect(run.code).toBe(0);
      expect(run.result?.target).toEqual({
        version: 'v2',
        cases: 3,
        passed: 2,
        failed: [{ id: 'case-1', expectation: 'request', message: 'no answer within the caseTimeout 300ms' }],
      });
    } finally {
      await target.close();
    }
  });

  it('waits out a rate limit instead of failing the case', async () => {
    let limited = 0;
    const target = await RecordingServer.start((_req, res) => {
      if (limited < 2) {
        limited += 1;
        res.writeHead(429, { 'retry-after-ms': '20', 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit_error' } }));
      }
      answer(res, 'ok');
    });
    try {
      const run = await scratch.runEval(env(target, cases(2)));
      expect(run.code).toBe(0);
      expect(run.result?.target).toMatchObject({ cases: 2, passed: 2 });
      expect(target.requests).toHaveLength(4);
    } finally {
      await target.close();
    }
  });

  it('fails a case on an HTTP error with the status, and never quotes the answer', async () => {
    const target = await RecordingServer.start((req, res) => {
      if (req.body.includes('question 0')) {
        res.writeHead(502, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({ error: { message: 'engine unavailable', type: 'server_error' } }),
        );
      }
      answer(res, 'a secret answer without the word');
    });
    try {
      const run = await scratch.runEval(env(target, cases(2)));
      expect(run.code).toBe(0);
      expect(run.result?.target?.failed).toEqual([
        { id: 'case-0', expectation: 'request', message: 'HTTP 502: engine unavailable' },
        { id: 'case-1', expectation: 'contains', message: 'the answer lacks "ok"' },
      ]);
      expect(run.output).not.toContain('secret answer');
    } finally {
      await target.close();
    }
  });

  it('asks the Istio sidecar to quit once the result is written, even when it could not run', async () => {
    const resultFile = join(scratch.dir, 'quit-result.json');
    const seen: Array<{ req: Recorded; resultWritten: string | undefined }> = [];
    const sidecar = await RecordingServer.start((req, res) => {
      seen.push({
        req,
        resultWritten: existsSync(resultFile) ? readFileSync(resultFile, 'utf8') : undefined,
      });
      res.writeHead(200);
      res.end();
    });
    const target = await RecordingServer.start((_req, res) => answer(res, 'ok'));
    try {
      const run = await scratch.runEval(
        env(target, cases(1), {
          EVAL_RESULT_FILE: resultFile,
          EVAL_ISTIO_QUIT_URL: `${sidecar.url}/quitquitquit`,
        }),
      );
      expect(run.code).toBe(0);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.req.method).toBe('POST');
      expect(seen[0]?.req.url).toBe('/quitquitquit');
      expect(seen[0]?.resultWritten).toBe(run.raw);

      const { EVAL_MODEL: _model, ...broken } = env(target, cases(1), {
        EVAL_RESULT_FILE: resultFile,
        EVAL_ISTIO_QUIT_URL: `${sidecar.url}/quitquitquit`,
      });
      const refused = await scratch.runEval(broken);
      expect(refused.code).toBe(2);
      expect(seen).toHaveLength(2);
      expect(seen[1]?.resultWritten).toContain('EVAL_MODEL is required');
    } finally {
      await Promise.all([sidecar.close(), target.close()]);
    }
  });

  it('ignores a sidecar that is not there', async () => {
    const target = await RecordingServer.start((_req, res) => answer(res, 'ok'));
    try {
      const run = await scratch.runEval(
        env(target, cases(1), { EVAL_ISTIO_QUIT_URL: 'http://127.0.0.1:1/quitquitquit' }),
      );
      expect(run.code).toBe(0);
      expect(run.result?.target?.passed).toBe(1);
    } finally {
      await target.close();
    }
  });
});

function answer(res: ServerResponse, content: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(completion(content));
}
