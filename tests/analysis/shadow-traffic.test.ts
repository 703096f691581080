import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinQuery, requestCountQuery } from '../../operators/analysis/builtins.js';
import { testPromql } from '../support/promtool.js';

/**
 * The runtime labels its request metrics `traffic="live"`, `traffic="shadow"` (mirrored copies of a
 * shadow stage) or `traffic="evaluation"` (the golden-set cases of an evaluation run). The built-in
 * analysis queries sum live and shadow by version: in a shadow stage the mirrored copies are all a
 * new version serves. They leave evaluation cases out, which have a verdict of their own. Evaluated
 * by the real promtool.
 */
const work = mkdtempSync(join(tmpdir(), 'suoke-shadow-analysis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scope = (version: string) => ({
  namespace: 'suoke-ai',
  model: 'soer-wellness-engine',
  agent: 'soer',
  version,
  interval: '1m',
});

/** Requests of one version, one code and one traffic, `perScrape` more every 15 seconds. */
const requests = (version: string, code: string, traffic: string, perScrape: number) => ({
  series:
    `ai_inference_requests_total{namespace="suoke-ai",agent="soer",model="soer-wellness-engine",` +
    `version="${version}",code="${code}",traffic="${traffic}",pod="soer-${version}"}`,
  values: `0+${perScrape}x40`,
});

/** What both series sets must give: 10% errors for each version, over 40 (v2) and 80 (v1) requests. */
const BOTH_AT_TEN_PERCENT = [
  { expr: builtinQuery('error-rate', scope('v2')), eval_time: '5m', exp_samples: [{ value: 0.1 }] },
  { expr: requestCountQuery(scope('v2')), eval_time: '5m', exp_samples: [{ value: 40 }] },
  { expr: builtinQuery('error-rate', scope('v1')), eval_time: '5m', exp_samples: [{ value: 0.1 }] },
  { expr: requestCountQuery(scope('v1')), eval_time: '5m', exp_samples: [{ value: 80 }] },
];

it('built-in checks count the mirrored (shadow) requests of a version with its live ones', async () => {
  const { code, output } = await testPromql(work, 'shadow', {
    input_series: [
      // v2 in a shadow stage: only mirrored copies, 1 in 10 answered 500.
      requests('v2', '200', 'shadow', 9),
      requests('v2', '500', 'shadow', 1),
      // v1 (stable): its live requests and the zero-valued shadow series every runtime exposes.
      requests('v1', '200', 'live', 18),
      requests('v1', '500', 'live', 2),
      requests('v1', '500', 'shadow', 0),
    ],
    promql_expr_test: BOTH_AT_TEN_PERCENT,
  });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});

it('built-in checks leave the evaluation cases of a version out of its error rate and sample count', async () => {
  const { code, output } = await testPromql(work, 'evaluation', {
    input_series: [
      // v2 at the last step: live requests, 1 in 10 answered 500…
      requests('v2', '200', 'live', 9),
      requests('v2', '500', 'live', 1),
      // …while an evaluation run sends its golden set, half of which the engine fails.
      requests('v2', '200', 'evaluation', 5),
      requests('v2', '500', 'evaluation', 5),
      // v1 (stable): its live requests, and the same golden set, every case of which fails.
      requests('v1', '200', 'live', 18),
      requests('v1', '500', 'live', 2),
      requests('v1', '500', 'evaluation', 10),
    ],
    promql_expr_test: BOTH_AT_TEN_PERCENT,
  });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});
