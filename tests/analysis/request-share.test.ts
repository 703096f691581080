import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestShareQuery } from '../../operators/analysis/request-share.js';
import { testPromql } from '../support/promtool.js';

/**
 * The request share query evaluated by the real promtool over series as the runtime labels them:
 * a version's live requests over all live requests of its model, whatever else the runtimes count
 * (mirrored copies, evaluation cases, another model in the same namespace).
 */
const work = mkdtempSync(join(tmpdir(), 'suoke-request-share-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scope = (version: string, model = 'xiaoai-conversation-llm') => ({
  namespace: 'suoke-ai',
  model,
  version,
  interval: '1m',
});

/** The share in tenths of a percent, as the operator rounds it (the ratio itself is 0.25000000000000006). */
const perMille = (s: ReturnType<typeof scope>) => `round(1000 * (${requestShareQuery(s)}))`;

/** Requests of one version and traffic kind, `perScrape` more every 15 seconds, from two pods. */
const requests = (version: string, traffic: string, perScrape: number, model = 'xiaoai-conversation-llm') =>
  [1, 2].map((pod) => ({
    series:
      `ai_inference_requests_total{namespace="suoke-ai",agent="xiaoai",model="${model}",` +
      `version="${version}",code="200",traffic="${traffic}",pod="${model}-${version}-${pod}"}`,
    values: `0+${perScrape}x40`,
  }));

it("is a version's share of its model's live requests, mirrored copies and evaluation cases left out", async () => {
  const { code, output } = await testPromql(work, 'share', {
    input_series: [
      // The weight says 50/50, but sessions kept on the stable serve 3 of 4 live requests there.
      ...requests('v1', 'live', 9),
      ...requests('v2', 'live', 3),
      // Mirrored copies and an evaluation run on the canary are no user's requests.
      ...requests('v2', 'shadow', 9),
      ...requests('v2', 'evaluation', 20),
      // Another model of the namespace, at ten times the traffic.
      ...requests('v2', 'live', 120, 'laoke-tcm-expert'),
    ],
    promql_expr_test: [
      { expr: perMille(scope('v2')), eval_time: '5m', exp_samples: [{ value: 250 }] },
      { expr: perMille(scope('v1')), eval_time: '5m', exp_samples: [{ value: 750 }] },
      {
        expr: perMille(scope('v2', 'laoke-tcm-expert')),
        eval_time: '5m',
        exp_samples: [{ value: 1000 }],
      },
      // A version with no series at all has no share: the provider reads that as no data.
      { expr: requestShareQuery(scope('v3')), eval_time: '5m', exp_samples: [] },
    ],
  });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});
