import { spawnSync } from 'node:child_process';
import { Registry } from 'prom-client';
import { RolloutMetrics } from '../../operators/rollout/metrics.js';

describe('RolloutMetrics', () => {
  const subject = { namespace: 'suoke-ai', model: 'xiaoai', version: 'v2' };

  it('exposes phase one-hot, weight, analyses and durations under the documented names', async () => {
    const registry = new Registry();
    const m = new RolloutMetrics(registry);
    m.observeState(subject, 'Progressing', 25);
    m.observeState(subject, 'Paused', 25);
    m.observeAnalysis(subject, 'Passed');
    m.observeAnalysis(subject, 'Failed');
    m.observeAnalysis(subject, 'Failed');
    m.observeFinished(subject, 'RolledBack', '2026-01-01T12:00:00Z', '2026-01-01T12:07:30Z');
    const text = await registry.metrics();
    expect(text).toContain(
      'ai_rollout_phase{namespace="suoke-ai",model="xiaoai",version="v2",phase="Paused"} 1',
    );
    expect(text).toContain(
      'ai_rollout_phase{namespace="suoke-ai",model="xiaoai",version="v2",phase="Progressing"} 0',
    );
    expect(text).toContain('ai_rollout_canary_weight{namespace="suoke-ai",model="xiaoai",version="v2"} 25');
    expect(text).toContain(
      'ai_rollout_analysis_total{namespace="suoke-ai",model="xiaoai",result="Failed"} 2',
    );
    expect(text).toContain(
      'ai_rollout_duration_seconds_sum{namespace="suoke-ai",model="xiaoai",outcome="RolledBack"} 450',
    );
    // The exposition passes Prometheus' own linter.
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(lint.stderr + lint.stdout).toBe('');
    expect(lint.status).toBe(0);
    m.forget(subject);
    expect(await registry.metrics()).not.toContain('version="v2"');
  });
});
