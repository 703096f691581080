import { metricsFormatFor } from '../../runtime/management.js';
import { RuntimeMetrics, observeLatency } from '../../runtime/metrics.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

describe('/metrics formats', () => {
  it.each([
    [undefined, 'text'],
    ['', 'text'],
    ['*/*', 'text'],
    ['text/plain;version=0.0.4', 'text'],
    // Prometheus 2.x
    [
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
      'openmetrics',
    ],
    ['application/openmetrics-text; version=1.0.0', 'openmetrics'],
    ['text/plain;q=0.9, application/openmetrics-text;q=0.5', 'text'],
    ['application/openmetrics-text;q=0', 'text'],
  ] as const)('Accept %j → %s', (accept, format) => {
    expect(metricsFormatFor(accept)).toBe(format);
  });

  it('shows exemplars in OpenMetrics only, and leaves the text format as it was', async () => {
    const metrics = new RuntimeMetrics(
      { agent: 'xiaoai', model: 'm', version: 'v1' },
      { processMetrics: false },
    );
    // Both forms of observe() count: the plain one other code uses, and the one with an exemplar.
    metrics.duration.observe({ traffic: 'live' }, 0.02);
    observeLatency(metrics.duration, 'live', 0.3, TRACE_ID);
    metrics.requests.inc({ code: '200', traffic: 'live' }, 2);
    const before = (await metrics.render()).body;

    const openMetrics = await metrics.render('openmetrics');
    expect(openMetrics.contentType).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(openMetrics.body).toMatch(
      new RegExp(
        `^ai_inference_request_duration_seconds_bucket\\{le="0.5",[^}]*traffic="live"\\} 2 # \\{trace_id="${TRACE_ID}"\\} 0.3 \\d+(\\.\\d+)?$`,
        'm',
      ),
    );
    // Counter families lose `_total` in OpenMetrics, their samples keep it; one `# EOF`, at the end.
    expect(openMetrics.body).toMatch(/^# TYPE ai_inference_requests counter$/m);
    expect(openMetrics.body).toMatch(/^ai_inference_requests_total\{code="200",traffic="live",/m);
    expect(openMetrics.body.match(/# EOF/g)).toHaveLength(1);
    expect(openMetrics.body.endsWith('\n# EOF\n')).toBe(true);

    const after = (await metrics.render()).body;
    expect(after).toBe(before);
    expect(after).not.toContain('trace_id');
    expect(after).toMatch(/^ai_inference_request_duration_seconds_count\{[^}]*traffic="live"[^}]*\} 2$/m);
  });

  it('keeps expositions apart when they overlap', async () => {
    const metrics = new RuntimeMetrics({ agent: 'xiaoai', model: 'm', version: 'v1' });
    const [text, open, textAgain] = await Promise.all([
      metrics.render(),
      metrics.render('openmetrics'),
      metrics.render(),
    ]);
    for (const t of [text, textAgain]) {
      expect(t.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(t.body).toMatch(/^# TYPE process_cpu_seconds_total counter$/m);
      expect(t.body).not.toContain('# EOF');
    }
    expect(open.body).toMatch(/^# TYPE process_cpu_seconds counter$/m);
    expect(open.body).toMatch(/^process_cpu_seconds_total \d/m);
  });
});
