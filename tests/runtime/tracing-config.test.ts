import { ConfigError, loadConfig } from '../../runtime/config.js';

const minimal = { MODEL: 'xiaoai', ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' };
const noFiles = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

function issuesOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ ...minimal, ...env }, noFiles);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

const tracingOf = (env: Record<string, string>) => loadConfig({ ...minimal, ...env }, noFiles).tracing;

describe('runtime config: tracing (OTEL_*)', () => {
  it('is off without an OTLP endpoint, with the specified defaults', () => {
    expect(tracingOf({})).toEqual({
      enabled: false,
      tracesUrl: undefined,
      headers: {},
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      serviceName: 'agent-runtime',
      resourceAttributes: {},
      maxQueueSize: 2048,
      scheduleDelayMs: 5000,
      exportTimeoutMs: 30_000,
    });
  });

  it('exports to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces; the traces endpoint wins as given', () => {
    expect(tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toMatchObject({
      enabled: true,
      tracesUrl: 'http://collector:4318/v1/traces',
    });
    expect(
      tracingOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/otlp/spans',
      }).tracesUrl,
    ).toBe('https://traces.example.com/otlp/spans');
  });

  it('stays off with OTEL_SDK_DISABLED=true, endpoint or not', () => {
    expect(
      tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).enabled,
    ).toBe(false);
  });

  it('reads headers (the traces ones over the general ones) and resource attributes, percent-decoded', () => {
    const tracing = tracingOf({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20general, x-tenant = suoke',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'authorization=Bearer%20traces',
      OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=suoke-ai,service.name=from-resource',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
    });
    expect(tracing).toMatchObject({
      headers: { authorization: 'Bearer traces', 'x-tenant': 'suoke' },
      resourceAttributes: { 'k8s.namespace.name': 'suoke-ai', 'service.name': 'from-resource' },
      // Without OTEL_SERVICE_NAME, the resource's own service.name names the service.
      serviceName: 'from-resource',
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
      maxQueueSize: 100,
    });
    expect(
      tracingOf({ OTEL_SERVICE_NAME: 'xiaoai', OTEL_RESOURCE_ATTRIBUTES: 'service.name=other' }).serviceName,
    ).toBe('xiaoai');
  });

  it.each([
    [
      { OTEL_TRACES_SAMPLER: 'jaeger_remote' },
      /^OTEL_TRACES_SAMPLER='jaeger_remote' must be one of always_on, .*parentbased_traceidratio/,
    ],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, /^OTEL_TRACES_SAMPLER_ARG='1.5' must be a ratio from 0 to 1/],
    [{ OTEL_TRACES_SAMPLER_ARG: 'half' }, /^OTEL_TRACES_SAMPLER_ARG='half' must be a ratio from 0 to 1/],
    [{ OTEL_TRACES_SAMPLER_ARG: '-0.1' }, /^OTEL_TRACES_SAMPLER_ARG='-0.1' must be a ratio from 0 to 1/],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      /^OTEL_EXPORTER_OTLP_PROTOCOL='grpc' must be http\/json, the only OTLP protocol/,
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' },
      /^OTEL_EXPORTER_OTLP_TRACES_PROTOCOL='http\/protobuf' must be http\/json/,
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
      /^OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' is not/,
    ],
    [{ OTEL_BSP_MAX_QUEUE_SIZE: '0' }, /^OTEL_BSP_MAX_QUEUE_SIZE='0' must be an integer from 1/],
    [{ OTEL_SDK_DISABLED: 'sometimes' }, /^OTEL_SDK_DISABLED='sometimes' must be true or false/],
    [
      { OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=suoke-ai,team' },
      /^OTEL_RESOURCE_ATTRIBUTES: 'team' must be key=value/,
    ],
  ])('refuses %j naming the variable', (env, message) => {
    const issues = issuesOf(env);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(message);
  });

  it('refuses malformed headers by position, never quoting them (they carry credentials)', () => {
    const issues = issuesOf({ OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=suoke,Bearer s3cret-token' });
    expect(issues).toEqual([expect.stringMatching(/^OTEL_EXPORTER_OTLP_HEADERS: entry 2 must be key=value/)]);
    expect(issues.join('\n')).not.toContain('s3cret');
  });

  it('accepts the OTLP protocol it speaks', () => {
    expect(
      tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })
        .enabled,
    ).toBe(true);
  });
});
