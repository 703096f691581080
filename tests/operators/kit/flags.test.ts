import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FLAG_HELP, parseFlags } from '../../../operators/kit/flags.js';

const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const HELP_FLAGS = [...FLAG_HELP.matchAll(/^ {2}(--[a-z0-9-]+)/gm)].map((m) => m[1]!);

describe('API client and concurrency flags', () => {
  it('defaults to 500 qps, a burst of 1000 and 4 concurrent reconciles', () => {
    expect(parseFlags([], {})).toMatchObject({
      kubeApiQps: 500,
      kubeApiBurst: 1000,
      maxConcurrentReconciles: 4,
    });
  });

  it('parses both flag forms, fractional qps, and qps <= 0 as no limit', () => {
    expect(
      parseFlags(['--kube-api-qps', '2.5', '--kube-api-burst=5', '--max-concurrent-reconciles=16'], {}),
    ).toMatchObject({ kubeApiQps: 2.5, kubeApiBurst: 5, maxConcurrentReconciles: 16 });
    // With the limit off the burst is not used, so it is not checked.
    expect(parseFlags(['--kube-api-qps=0', '--kube-api-burst=0'], {})).toMatchObject({ kubeApiQps: 0 });
    expect(parseFlags(['--kube-api-qps=-1'], {})).toMatchObject({ kubeApiQps: -1 });
  });

  it.each([
    [['--kube-api-qps=fast'], "flag '--kube-api-qps' must be a number, got 'fast'"],
    [['--kube-api-qps='], "flag '--kube-api-qps' must be a number, got ''"],
    [['--kube-api-burst=many'], "flag '--kube-api-burst' must be a number, got 'many'"],
    [
      ['--kube-api-burst=0'],
      "flag '--kube-api-burst' must be an integer >= 1 while --kube-api-qps is > 0, got '0'",
    ],
    [['--kube-api-burst=2.5'], 'set --kube-api-qps=0 to disable client-side rate limiting'],
    [
      ['--max-concurrent-reconciles=0'],
      "flag '--max-concurrent-reconciles' must be an integer >= 1, got '0'",
    ],
    [
      ['--max-concurrent-reconciles=1.5'],
      "flag '--max-concurrent-reconciles' must be an integer >= 1, got '1.5'",
    ],
    [['--max-concurrent-reconciles=four'], "flag '--max-concurrent-reconciles' must be a number, got 'four'"],
    [['--max-concurrent-reconciles'], "flag '--max-concurrent-reconciles' needs a value"],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseFlags(argv, {})).toThrow(message);
  });

  it('lists the new flags in FLAG_HELP, and every FLAG_HELP flag is accepted and in the README table', () => {
    expect(HELP_FLAGS).toEqual(
      expect.arrayContaining(['--kube-api-qps', '--kube-api-burst', '--max-concurrent-reconciles']),
    );
    expect(HELP_FLAGS.length).toBeGreaterThanOrEqual(16);
    for (const flag of HELP_FLAGS) {
      expect(() =>
        parseFlags([flag === '--help' || flag === '--leader-elect' ? flag : `${flag}=1s`], {}),
      ).not.toThrow(/unknown flag/);
      expect(README).toContain(`| \`${flag}\` |`);
    }
  });
});

describe('tracing flags', () => {
  const COLLECTOR = 'http://suoke-otel-collector.suoke-modelops-system.svc:4318';

  it('leaves tracing off by default, with the ratio at 1', () => {
    expect(parseFlags([], {})).toMatchObject({ tracingEndpoint: undefined, tracingSamplingRatio: 1 });
  });

  it('reads the endpoint and ratio from flags, else from TRACING_ENDPOINT / TRACING_SAMPLING_RATIO', () => {
    expect(
      parseFlags([`--tracing-endpoint=${COLLECTOR}`, '--tracing-sampling-ratio', '0.25'], {}),
    ).toMatchObject({ tracingEndpoint: COLLECTOR, tracingSamplingRatio: 0.25 });
    expect(
      parseFlags([], { TRACING_ENDPOINT: 'https://otlp.example.com/', TRACING_SAMPLING_RATIO: '0' }),
    ).toMatchObject({ tracingEndpoint: 'https://otlp.example.com', tracingSamplingRatio: 0 });
    // The flag wins over the environment; a blank variable counts as unset.
    expect(
      parseFlags([`--tracing-endpoint=${COLLECTOR}`], {
        TRACING_ENDPOINT: 'http://other:4318',
        TRACING_SAMPLING_RATIO: ' ',
      }),
    ).toMatchObject({ tracingEndpoint: COLLECTOR, tracingSamplingRatio: 1 });
  });

  it.each([
    [
      ['--tracing-endpoint=collector:4318'],
      {},
      "flag '--tracing-endpoint' must be an http(s) URL (OTLP over HTTP), got 'collector:4318'",
    ],
    [
      ['--tracing-endpoint='],
      {},
      "flag '--tracing-endpoint' must be an http(s) URL (OTLP over HTTP), got ''",
    ],
    [
      [],
      { TRACING_ENDPOINT: 'grpc://collector:4317' },
      "env TRACING_ENDPOINT must be an http(s) URL (OTLP over HTTP), got 'grpc://collector:4317'",
    ],
    [
      [`--tracing-endpoint=${COLLECTOR}`, '--tracing-sampling-ratio=1.5'],
      {},
      "flag '--tracing-sampling-ratio' must be a number from 0 to 1, got '1.5'",
    ],
    [
      [`--tracing-endpoint=${COLLECTOR}`, '--tracing-sampling-ratio=half'],
      {},
      "flag '--tracing-sampling-ratio' must be a number from 0 to 1, got 'half'",
    ],
    [
      [`--tracing-endpoint=${COLLECTOR}`],
      { TRACING_SAMPLING_RATIO: '-0.1' },
      "env TRACING_SAMPLING_RATIO must be a number from 0 to 1, got '-0.1'",
    ],
    [
      ['--tracing-sampling-ratio=0.5'],
      {},
      "flag '--tracing-sampling-ratio' has no effect without --tracing-endpoint",
    ],
  ])('rejects %j with env %j, naming the flag or variable', (argv, env, message) => {
    expect(() => parseFlags(argv, env)).toThrow(message);
  });

  it('lists both flags in FLAG_HELP (and so in the README table, by the test above)', () => {
    expect(HELP_FLAGS).toEqual(expect.arrayContaining(['--tracing-endpoint', '--tracing-sampling-ratio']));
  });
});
