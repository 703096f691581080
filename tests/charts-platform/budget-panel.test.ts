/**
 * The dashboard's token budget panel, evaluated by the real promtool over the series runtimes
 * export: every replica (of every version) reports a key's shared count as it last saw it, so the
 * panel must show the count, not the sum over replicas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grafanaDashboard } from '../../charts-ts/constructs/monitoring.js';
import { testPromql } from '../support/promtool.js';

const work = mkdtempSync(join(tmpdir(), 'suoke-budget-panel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const used = (pod: string, version: string, key: string, period: string, values: string) => ({
  series:
    `ai_budget_tokens_used{namespace="suoke-ai",agent="xiaoai",model="xiaoai-conversation-llm",` +
    `version="${version}",pod="${pod}",key="${key}",period="${period}"}`,
  values,
});

it("shows each key's tokens used per period as the replica that saw most of them reports it", async () => {
  const panels = grafanaDashboard().panels as { title: string; targets: { expr: string }[] }[];
  const panel = panels.find((p) => p.title === 'Token budget used by key and period');
  expect(panel?.targets).toHaveLength(1);
  const expr = panel!.targets[0]!.expr.replace(/\$(namespace|agent|model)/g, '.*');
  const { code, output } = await testPromql(work, 'budget', {
    input_series: [
      // Three replicas of two versions: the one that settled alice's latest request saw 900.
      used('xiaoai-v1-a', 'v1', 'alice', 'day', '100 400 900'),
      used('xiaoai-v1-b', 'v1', 'alice', 'day', '100 400 400'),
      used('xiaoai-v2-a', 'v2', 'alice', 'day', '0 0 700'),
      used('xiaoai-v1-a', 'v1', 'alice', 'month', '5000 5300 5800'),
      used('xiaoai-v2-a', 'v2', 'bob', 'day', '10 20 30'),
    ],
    promql_expr_test: [
      {
        expr,
        eval_time: '30s',
        exp_samples: [
          { labels: '{model="xiaoai-conversation-llm",key="alice",period="day"}', value: 900 },
          { labels: '{model="xiaoai-conversation-llm",key="alice",period="month"}', value: 5800 },
          { labels: '{model="xiaoai-conversation-llm",key="bob",period="day"}', value: 30 },
        ],
      },
    ],
  });
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});
