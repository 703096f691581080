import { evaluateRules, toCel } from '../../crds/validation/cel.js';
import { applyDefaults } from '../../crds/validation/defaults.js';
import { Environment } from '@marcbachmann/cel-js';
import { ApiException, CustomObjectsApi } from '@kubernetes/client-node';
import { DURATION_PATTERN, QUANTITY_PATTERN } from '../../crds/api/index.js';
import { Quantity } from '../../crds/validation/quantity.js';
import { RULES_NOT_CHECKED } from '../../crds/validation/validate.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

describe('quantities compare exactly, as the Kubernetes quantity library does', () => {
  test.each([
    ['1500m', '1', 1],
    ['1', '1000m', 0],
    ['2Gi', '1500Mi', 1],
    ['1Gi', '1073741824', 0],
    ['1e3', '1k', 0],
    ['0.5', '500m', 0],
    ['250m', '.25', 0],
    ['4Gi', '4G', 1],
    ['-1', '0', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Quantity.parse(a).compareTo(Quantity.parse(b))).toBe(expected);
  });

  test('a malformed quantity is an error, not a number', () => {
    expect(Quantity.isQuantity('4 GB')).toBe(false);
    expect(() => Quantity.parse('4 GB')).toThrow(/quantities must match/);
  });
});

describe('CEL rules run where and as Kubernetes runs them', () => {
  const schema = {
    type: 'object',
    properties: {
      n: { type: 'integer', default: 3 },
      d: { type: 'number' },
      q: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      keyed: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            v: {
              type: 'string',
              'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'v is immutable' }],
            },
          },
        },
      },
    },
    'x-kubernetes-validations': [{ rule: 'self.n == 3', message: 'n must be 3' }],
  };

  test('integers are CEL ints, numbers doubles, int-or-string ints when numeric', () => {
    expect(toCel(schema, { n: 3, d: 3, q: 3 })).toEqual({ n: 3n, d: 3, q: 3n });
    expect(toCel(schema, { q: '500m' })).toEqual({ q: '500m' });
  });

  test('defaults are applied before rules run', () => {
    expect(evaluateRules(schema, applyDefaults(schema, {}))).toEqual([]);
    expect(evaluateRules(schema, applyDefaults(schema, { n: 4 })).map((e) => e.text)).toEqual([
      expect.stringContaining('Invalid value: "object": n must be 3'),
    ]);
  });

  test('transition rules are skipped on create and compare correlated list-map items on update', () => {
    const old = {
      keyed: [
        { name: 'a', v: '1' },
        { name: 'b', v: '1' },
      ],
    };
    const next = {
      keyed: [
        { name: 'b', v: '1' },
        { name: 'a', v: '2' },
        { name: 'c', v: '9' },
      ],
    };
    expect(evaluateRules(schema, applyDefaults(schema, next))).toEqual([]);
    expect(
      evaluateRules(schema, applyDefaults(schema, next), applyDefaults(schema, old)).map((e) => e.text),
    ).toEqual(['keyed[1].v: Invalid value: "string": v is immutable']);
  });
});

describe('the duration and quantity patterns admit only what CEL and Kubernetes parse', () => {
  const durationPattern = new RegExp(DURATION_PATTERN);
  const cel = new Environment();
  test.each(['0s', '30s', '5m', '1h30m', '250ms', '1.5h', '10us', '100ns'])(
    '%s matches and duration() parses it',
    (d) => {
      expect(durationPattern.test(d)).toBe(true);
      expect(() => cel.evaluate(`duration('${d}')`)).not.toThrow();
    },
  );
  test.each(['5 minutes', '1d', '-1s', '5', 'm', ''])('%j is refused by the pattern', (d) => {
    expect(durationPattern.test(d)).toBe(false);
  });

  const quantityPattern = new RegExp(QUANTITY_PATTERN);
  test.each(['500m', '2', '4Gi', '1.5', '1e3', '.5', '8G'])('%s is a quantity', (q) => {
    expect(quantityPattern.test(q)).toBe(true);
    expect(Quantity.isQuantity(q)).toBe(true);
  });
  test.each(['4 GB', '4gb', 'Gi', '1,5'])('%j is not a quantity', (q) => {
    expect(quantityPattern.test(q)).toBe(false);
    expect(Quantity.isQuantity(q)).toBe(false);
  });
});

describe('rollout strategies: what the API server accepts and the errors it answers with', () => {
  const GROUP = 'ai.suoke.life';
  const VERSION = 'v1alpha1';
  const NOTE = RULES_NOT_CHECKED.text;
  let api: FakeApiServer;
  let custom: CustomObjectsApi;
  let n = 0;

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: ['project'], namespaces: ['agents'] });
    custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
  });
  afterAll(async () => {
    await api.stop();
  });

  const modelVersion = (promotion: Record<string, unknown>) => ({
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'ModelVersion',
    metadata: { name: `soer-v${++n}` },
    spec: {
      modelRef: { name: 'soer' },
      version: `v${n}`,
      artifact: { uri: 's3://suoke-models/soer-wellness-engine/2.0.0/model.onnx' },
      promotion,
    },
  });
  const aiModel = (rollout: Record<string, unknown>) => ({
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'AIModel',
    metadata: { name: `soer-${++n}` },
    spec: {
      agent: { name: 'soer' },
      framework: 'onnx',
      engine: { image: 'ghcr.io/suoke-life/soer-wellness-engine-server:1.0.0' },
      rollout,
    },
  });
  const plural = (body: { kind: string }) => (body.kind === 'AIModel' ? 'aimodels' : 'modelversions');
  const create = (body: { kind: string }) =>
    custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'agents',
      plural: plural(body),
      body,
      fieldValidation: 'Strict',
    }) as Promise<{ metadata: { name: string; resourceVersion: string }; spec: Record<string, unknown> }>;

  /** What `kubectl apply` prints after `is invalid: ` for a refused write. */
  async function refusal(call: Promise<unknown>): Promise<string> {
    try {
      await call;
    } catch (error) {
      if (!(error instanceof ApiException)) throw error;
      const status = JSON.parse(error.body as string) as { code: number; message: string };
      expect(status.code).toBe(422);
      return status.message.replace(/^\w+\.ai\.suoke\.life "[^"]+" is invalid: /, '');
    }
    throw new Error('expected the write to be refused');
  }

  const header = (name: string, value: Record<string, string>) => ({ header: { name, ...value } });
  const cookie = (name: string, value: Record<string, string>) => ({ cookie: { name, ...value } });

  test.each<[string, Record<string, unknown>]>([
    ['BlueGreen with the defaults (preview header x-model-version)', { strategy: 'BlueGreen' }],
    [
      'BlueGreen with its block, mode Manual and a shadow first',
      {
        strategy: 'BlueGreen',
        blueGreen: { previewHeader: 'x-preview', previewDuration: '15m' },
        mode: 'Manual',
        shadow: { percent: 5 },
      },
    ],
    [
      'Experiment matching a header prefix',
      {
        strategy: 'Experiment',
        experiment: { match: [header('x-cohort', { prefix: 'beta' })], duration: '1h' },
      },
    ],
    [
      'Experiment on a share of requests only, winner Manual',
      { strategy: 'Experiment', experiment: { weight: 50, duration: '30m', winner: 'Manual' } },
    ],
    [
      'Experiment by header or cookie (regex), plus a share',
      {
        strategy: 'Experiment',
        experiment: {
          match: [header('x-cohort', { exact: 'beta' }), cookie('cohort', { regex: 'beta|gamma' })],
          weight: 10,
          duration: '30m',
        },
      },
    ],
    [
      'Canary with its steps and a shadow of every request',
      { strategy: 'Canary', steps: [{ weight: 20 }], shadow: { percent: 100 } },
    ],
    ['Canary by stepWeight and maxWeight', { strategy: 'Canary', stepWeight: 10, maxWeight: 50 }],
    ['no strategy (Canary) with steps and a default shadow', { steps: [{ weight: 50 }], shadow: {} }],
  ])('accepts %s, on a ModelVersion and on an AIModel', async (_name, policy) => {
    const version = await create(modelVersion(policy));
    expect(version.spec['promotion']).toEqual(policy);
    const model = await create(aiModel(policy));
    expect(model.spec['rollout']).toEqual(policy);
  });

  const forbidden = {
    blueGreen:
      'Forbidden: blueGreen applies only with strategy: BlueGreen; set the strategy or remove the block',
    experiment:
      'Forbidden: experiment applies only with strategy: Experiment; set the strategy or remove the block',
    mode: 'Forbidden: mode does not apply to strategy Experiment: experiment.winner says who promotes the winner; remove mode',
  };
  const noSteps =
    'Invalid value: "object": steps, stepWeight and maxWeight describe canary steps; strategies BlueGreen and Experiment take none: remove them or use strategy Canary';
  const oneValue = 'Invalid value: "object": set exactly one of exact, prefix or regex';
  const headerPattern = "should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'";
  const experiment = { weight: 10, duration: '30m' };

  test.each<[string, Record<string, unknown>, string]>([
    [
      'BlueGreen with steps',
      { strategy: 'BlueGreen', steps: [{ weight: 50 }] },
      `spec.promotion.strategy: ${noSteps}`,
    ],
    [
      'Experiment with stepWeight and maxWeight',
      { strategy: 'Experiment', experiment, stepWeight: 10, maxWeight: 50 },
      `spec.promotion.strategy: ${noSteps}`,
    ],
    [
      'a blueGreen block without a strategy',
      { blueGreen: {} },
      `spec.promotion.blueGreen: ${forbidden.blueGreen}`,
    ],
    [
      'a blueGreen block with strategy Experiment',
      { strategy: 'Experiment', experiment, blueGreen: {} },
      `spec.promotion.blueGreen: ${forbidden.blueGreen}`,
    ],
    [
      'an experiment block with strategy BlueGreen',
      { strategy: 'BlueGreen', experiment },
      `spec.promotion.experiment: ${forbidden.experiment}`,
    ],
    [
      'strategy Experiment without its block',
      { strategy: 'Experiment' },
      'spec.promotion.experiment: Required value: strategy Experiment needs an experiment block with its cohort (match, weight or both) and duration',
    ],
    [
      'mode Auto with strategy Experiment',
      { strategy: 'Experiment', experiment, mode: 'Auto' },
      `spec.promotion.mode: ${forbidden.mode}`,
    ],
    [
      'an experiment without a cohort',
      { strategy: 'Experiment', experiment: { duration: '30m', winner: 'Auto' } },
      'spec.promotion.experiment: Invalid value: "object": an experiment needs a cohort: match, weight or both',
    ],
    [
      'an experiment without a duration (CEL rules are then not run)',
      { strategy: 'Experiment', experiment: { match: [{}] } },
      `[spec.promotion.experiment.duration: Required value, ${NOTE}]`,
    ],
    [
      'an experiment of 0s',
      { strategy: 'Experiment', experiment: { weight: 10, duration: '0s' } },
      'spec.promotion.experiment.duration: Invalid value: "object": experiment.duration must be longer than 0s',
    ],
    [
      'an experiment duration that is not a Go duration',
      { strategy: 'Experiment', experiment: { weight: 10, duration: '30 minutes' } },
      `spec.promotion.experiment.duration: Invalid value: "30 minutes": spec.promotion.experiment.duration in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$'`,
    ],
    [
      'an experiment weight of 100 (that is a promotion)',
      { strategy: 'Experiment', experiment: { weight: 100, duration: '30m' } },
      'spec.promotion.experiment.weight: Invalid value: 100: spec.promotion.experiment.weight in body should be less than or equal to 99',
    ],
    [
      'an unknown winner',
      { strategy: 'Experiment', experiment: { ...experiment, winner: 'Later' } },
      `[spec.promotion.experiment.winner: Unsupported value: "Later": supported values: "Auto", "Manual", ${NOTE}]`,
    ],
    [
      'an unknown strategy',
      { strategy: 'Rolling' },
      `[spec.promotion.strategy: Unsupported value: "Rolling": supported values: "Canary", "BlueGreen", "Experiment", ${NOTE}]`,
    ],
    [
      'a match that is neither header nor cookie',
      { strategy: 'Experiment', experiment: { match: [{}], duration: '30m' } },
      'spec.promotion.experiment.match[0]: Invalid value: "object": set exactly one of header or cookie',
    ],
    [
      'a match with both header and cookie',
      {
        strategy: 'Experiment',
        experiment: {
          match: [{ ...header('x-cohort', { exact: 'beta' }), ...cookie('cohort', { exact: 'beta' }) }],
          duration: '30m',
        },
      },
      'spec.promotion.experiment.match[0]: Invalid value: "object": set exactly one of header or cookie',
    ],
    [
      'a header match with both exact and prefix',
      {
        strategy: 'Experiment',
        experiment: { match: [header('x-cohort', { exact: 'beta', prefix: 'b' })], duration: '30m' },
      },
      `spec.promotion.experiment.match[0].header: ${oneValue}`,
    ],
    [
      'a header match with no value',
      { strategy: 'Experiment', experiment: { match: [header('x-cohort', {})], duration: '30m' } },
      `spec.promotion.experiment.match[0].header: ${oneValue}`,
    ],
    [
      'a cookie match with prefix and regex',
      {
        strategy: 'Experiment',
        experiment: { match: [cookie('cohort', { prefix: 'b', regex: 'b.*' })], duration: '30m' },
      },
      `spec.promotion.experiment.match[0].cookie: ${oneValue}`,
    ],
    [
      'a header name in upper case',
      {
        strategy: 'Experiment',
        experiment: { match: [header('X-Cohort', { exact: 'beta' })], duration: '30m' },
      },
      `spec.promotion.experiment.match[0].header.name: Invalid value: "X-Cohort": spec.promotion.experiment.match[0].header.name in body ${headerPattern}`,
    ],
    [
      'a pseudo-header name',
      {
        strategy: 'Experiment',
        experiment: { match: [header(':authority', { exact: 'a' })], duration: '30m' },
      },
      `spec.promotion.experiment.match[0].header.name: Invalid value: ":authority": spec.promotion.experiment.match[0].header.name in body ${headerPattern}`,
    ],
    [
      'a cookie name with a space',
      {
        strategy: 'Experiment',
        experiment: { match: [cookie('my cohort', { exact: 'beta' })], duration: '30m' },
      },
      "spec.promotion.experiment.match[0].cookie.name: Invalid value: \"my cohort\": spec.promotion.experiment.match[0].cookie.name in body should match '^[A-Za-z0-9!#$%&'*+.^_`|~-]+$'",
    ],
    [
      'a preview header in upper case',
      { strategy: 'BlueGreen', blueGreen: { previewHeader: 'X-Preview' } },
      `spec.promotion.blueGreen.previewHeader: Invalid value: "X-Preview": spec.promotion.blueGreen.previewHeader in body ${headerPattern}`,
    ],
    [
      'a shadow of 0%',
      { shadow: { percent: 0 } },
      'spec.promotion.shadow.percent: Invalid value: 0: spec.promotion.shadow.percent in body should be greater than or equal to 1',
    ],
    [
      'a shadow of 101%',
      { shadow: { percent: 101 } },
      'spec.promotion.shadow.percent: Invalid value: 101: spec.promotion.shadow.percent in body should be less than or equal to 100',
    ],
    [
      'two mistakes at once: both are reported',
      { strategy: 'Experiment', experiment, steps: [{ weight: 50 }], mode: 'Manual' },
      `[spec.promotion.strategy: ${noSteps}, spec.promotion.mode: ${forbidden.mode}]`,
    ],
  ])('refuses %s', async (_name, promotion, expected) => {
    expect(await refusal(create(modelVersion(promotion)))).toBe(expected);
    // The same policy as an AIModel's default rollout gets the same error at spec.rollout.
    expect(await refusal(create(aiModel(promotion)))).toBe(
      expected.replaceAll('spec.promotion', 'spec.rollout'),
    );
  });

  describe('status written by the operator', () => {
    const writeStatus = async (status: Record<string, unknown>) => {
      const created = await create(modelVersion({ strategy: 'Experiment', experiment }));
      return custom.replaceNamespacedCustomObjectStatus({
        group: GROUP,
        version: VERSION,
        namespace: 'agents',
        plural: 'modelversions',
        name: created.metadata.name,
        body: { ...created, status },
      }) as Promise<{ status: Record<string, unknown> }>;
    };

    test('holds the strategy, the stage, the routes and the experiment so far', async () => {
      const status = {
        phase: 'Progressing',
        strategy: 'Experiment',
        stage: 'Experiment',
        canaryWeight: 10,
        routing: { matches: [header('x-cohort', { exact: 'beta' })], mirrorPercent: 10 },
        experiment: {
          startedAt: '2026-01-01T00:00:00Z',
          endsAt: '2026-01-01T00:30:00Z',
          metrics: [
            {
              name: 'latency-p95',
              analyses: 3,
              candidate: 0.41,
              stable: 0.39,
              lastCandidate: 0.4,
              lastStable: 0.38,
            },
            { name: 'error-rate', analyses: 0 },
          ],
        },
      };
      expect((await writeStatus(status)).status).toEqual(status);
    });

    test.each<[string, Record<string, unknown>, string]>([
      [
        'a route that is both header and cookie',
        { routing: { matches: [{ ...header('x-cohort', { exact: 'b' }), ...cookie('c', { exact: 'b' }) }] } },
        'status.routing.matches[0]: Invalid value: "object": set exactly one of header or cookie',
      ],
      [
        'a mirror of 0%',
        { routing: { mirrorPercent: 0 } },
        'status.routing.mirrorPercent: Invalid value: 0: status.routing.mirrorPercent in body should be greater than or equal to 1',
      ],
      [
        'an unknown stage',
        { stage: 'Bake' },
        `[status.stage: Unsupported value: "Bake": supported values: "Shadow", "Preview", "Experiment", "Canary", ${NOTE}]`,
      ],
      [
        'an experiment without its end',
        { experiment: { startedAt: '2026-01-01T00:00:00Z' } },
        `[status.experiment.endsAt: Required value, ${NOTE}]`,
      ],
    ])('refuses %s', async (_name, status, expected) => {
      expect(await refusal(writeStatus(status))).toBe(expected);
    });
  });
});
