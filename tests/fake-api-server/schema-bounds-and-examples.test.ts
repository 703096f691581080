import { ApiException, CustomObjectsApi } from '@kubernetes/client-node';
import { KINDS, type KindName } from '../../crds/api/constants.js';
import { RULES_NOT_CHECKED, validateResource } from '../../crds/validation/validate.js';
import { invalidExamples, type KubeObject } from '../crds/examples.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

async function statusOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string);
    throw error;
  }
  throw new Error('expected the call to fail');
}

const number = (bounds: Record<string, unknown>) => ({ type: 'number', description: 'n', ...bounds });

/** A CRD whose fields carry the bounds kube-openapi treats specially. */
const GAUGE_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'gauges.bounds.example.com' },
  spec: {
    group: 'bounds.example.com',
    names: { kind: 'Gauge', listKind: 'GaugeList', plural: 'gauges', singular: 'gauge' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  fractionalMin: number({ minimum: 0.01 }),
                  fractionalMax: number({ maximum: 10.5 }),
                  positive: number({ minimum: 0, exclusiveMinimum: true }),
                  belowTen: number({ maximum: 10, exclusiveMaximum: true }),
                  wholeAboveHalf: { type: 'integer', description: 'i', minimum: 0.5 },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe('fake API server: numeric bounds as kube-apiserver checks them', () => {
  let api: FakeApiServer;
  let custom: CustomObjectsApi;
  let n = 0;
  const create = (spec: Record<string, unknown>) =>
    custom.createNamespacedCustomObject({
      group: 'bounds.example.com',
      version: 'v1',
      namespace: 'default',
      plural: 'gauges',
      body: { apiVersion: 'bounds.example.com/v1', kind: 'Gauge', metadata: { name: `g${++n}` }, spec },
    });
  /** The one cause of a refused create, as kubectl prints it after `is invalid: `. */
  const refusal = async (spec: Record<string, unknown>): Promise<string> => {
    const status = await statusOf(create(spec));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details.causes).toHaveLength(1);
    return `${status.details.causes[0].field}: ${status.details.causes[0].message}`;
  };

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: [GAUGE_CRD] });
    custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('checks a whole number against the truncated fractional minimum, as the real server does', async () => {
    // minimum 0.01 is int64(0.01) = 0 for an integer value: 0 is accepted, -1 refused against 0.
    await expect(create({ fractionalMin: 0 })).resolves.toMatchObject({ spec: { fractionalMin: 0 } });
    expect(await refusal({ fractionalMin: -1 })).toBe(
      'spec.fractionalMin: Invalid value: -1: spec.fractionalMin in body should be greater than or equal to 0',
    );
    // A fractional value meets the exact bound.
    expect(await refusal({ fractionalMin: 0.005 })).toBe(
      'spec.fractionalMin: Invalid value: 0.005: spec.fractionalMin in body should be greater than or equal to 0.01',
    );
    await expect(create({ fractionalMin: 0.01 })).resolves.toBeDefined();
  });

  it('truncates a fractional maximum the same way for whole numbers only', async () => {
    await expect(create({ fractionalMax: 10 })).resolves.toBeDefined();
    expect(await refusal({ fractionalMax: 11 })).toBe(
      'spec.fractionalMax: Invalid value: 11: spec.fractionalMax in body should be less than or equal to 10',
    );
    await expect(create({ fractionalMax: 10.4 })).resolves.toBeDefined();
    expect(await refusal({ fractionalMax: 10.7 })).toBe(
      'spec.fractionalMax: Invalid value: 10.7: spec.fractionalMax in body should be less than or equal to 10.5',
    );
  });

  it('honours boolean exclusiveMinimum and exclusiveMaximum (OpenAPI v3.0)', async () => {
    expect(await refusal({ positive: 0 })).toBe(
      'spec.positive: Invalid value: 0: spec.positive in body should be greater than 0',
    );
    await expect(create({ positive: 0.001 })).resolves.toBeDefined();
    expect(await refusal({ belowTen: 10 })).toBe(
      'spec.belowTen: Invalid value: 10: spec.belowTen in body should be less than 10',
    );
    await expect(create({ belowTen: 9.99 })).resolves.toBeDefined();
  });

  it('compares an integer field with its exact fractional bound (the bound does not fit the type)', async () => {
    expect(await refusal({ wholeAboveHalf: 0 })).toBe(
      'spec.wholeAboveHalf: Invalid value: 0: spec.wholeAboveHalf in body should be greater than or equal to 0.5',
    );
    await expect(create({ wholeAboveHalf: 1 })).resolves.toBeDefined();
  });
});

describe('fake API server: every invalid example is refused with the error its annotation names', () => {
  let api: FakeApiServer;
  let custom: CustomObjectsApi;
  const GROUP = 'ai.suoke.life';
  const VERSION = 'v1alpha1';
  const plural = (o: KubeObject) => KINDS[o.kind as KindName].plural;
  const inAgents = (o: KubeObject, extra: Record<string, unknown> = {}) => ({
    ...o,
    metadata: { ...o.metadata, namespace: 'agents', ...extra },
  });

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: ['project'], namespaces: ['agents'] });
    custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** Creates (or, for an old/new pair, updates) as `kubectl apply` would: strict field validation. */
  async function submit(example: ReturnType<typeof invalidExamples>[number]): Promise<any> {
    const target = { group: GROUP, version: VERSION, namespace: 'agents', plural: plural(example.object) };
    if (example.oldObject === undefined) {
      return statusOf(
        custom.createNamespacedCustomObject({
          ...target,
          body: inAgents(example.object),
          fieldValidation: 'Strict',
        }),
      );
    }
    const stored = (await custom.createNamespacedCustomObject({
      ...target,
      body: inAgents(example.oldObject),
      fieldValidation: 'Strict',
    })) as KubeObject & { metadata: { resourceVersion: string } };
    try {
      return await statusOf(
        custom.replaceNamespacedCustomObject({
          ...target,
          name: example.object.metadata.name,
          body: inAgents(example.object, { resourceVersion: stored.metadata.resourceVersion }),
          fieldValidation: 'Strict',
        }),
      );
    } finally {
      await custom.deleteNamespacedCustomObject({ ...target, name: example.object.metadata.name });
    }
  }

  it('refuses a GPU count of 0 (an exclusive minimum of 0, which the real server enforces)', async () => {
    const example = invalidExamples().find((e) => e.file === 'invalid/aimodel-gpu-count-zero.yaml')!;
    const status = await submit(example);
    expect(example.expectedError).toBe(
      'spec.resources.gpu.count: Invalid value: 0: spec.resources.gpu.count in body should be greater than 0',
    );
    expect(status.message).toBe(`AIModel.ai.suoke.life "broken" is invalid: ${example.expectedError}`);
  });

  test.each(invalidExamples().map((e) => [e.file, e] as const))('%s', async (_file, example) => {
    const status = await submit(example);
    const name = example.object.metadata.name;
    if (status.code === 400) {
      // Unknown fields under strict field validation are a decoding error, not a schema error.
      expect(status).toMatchObject({
        reason: 'BadRequest',
        message: `strict decoding error: ${example.expectedError}`,
      });
      return;
    }
    // A schema error that blocks CEL (required, type, enum, size) comes with the server's note.
    const blocked = validateResource(example.object, { oldObject: example.oldObject }).errors.includes(
      RULES_NOT_CHECKED,
    );
    const listed = blocked ? `[${example.expectedError}, ${RULES_NOT_CHECKED.text}]` : example.expectedError;
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: `${example.object.kind}.${GROUP} "${name}" is invalid: ${listed}`,
    });
    expect(status.details.causes).toHaveLength(blocked ? 2 : 1);
    if (blocked) {
      expect(status.details.causes[1]).toEqual({
        reason: 'FieldValueInvalid',
        field: '<nil>',
        message: RULES_NOT_CHECKED.text.slice('<nil>: '.length),
      });
    }
  });
});
