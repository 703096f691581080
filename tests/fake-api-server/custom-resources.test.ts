import {
  ApiException,
  ApiextensionsV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { skippedRules, startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

async function statusOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string);
    throw error;
  }
  throw new Error('expected the call to fail');
}

const GROUP = 'ai.suoke.life';
const VERSION = 'v1alpha1';

function aiModel(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'AIModel',
    metadata: { name },
    spec: {
      agent: { name: 'xiaoai' },
      framework: 'huggingface',
      engine: { image: 'vllm/vllm-openai:v0.6.0' },
      ...spec,
    },
  };
}

describe('fake API server: custom resources validated against their CRDs', () => {
  let api: FakeApiServer;
  let custom: CustomObjectsApi;
  const create = (plural: string, body: Record<string, unknown>, group = GROUP, version = VERSION) =>
    custom.createNamespacedCustomObject({ group, version, namespace: 'agents', plural, body });

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: ['project', 'istio'], namespaces: ['agents'] });
    custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('stores a valid object with schema defaults applied and unknown fields pruned', async () => {
    const created = await create(
      'aimodels',
      aiModel('defaults', { scaling: { maxReplicas: 3, cpuUtilization: 70 }, bogus: 'dropped' }),
    );
    expect(created.spec.scaling.minReplicas).toBe(1);
    expect(created.spec).not.toHaveProperty('bogus');
    expect(created.metadata.generation).toBe(1);
    expect(created).not.toHaveProperty('status');
  });

  it('refuses a value outside an enum and a missing required field with 422 causes naming the fields', async () => {
    const status = await statusOf(
      create('aimodels', { ...aiModel('bad'), spec: { framework: 'keras', engine: { image: 'x' } } }),
    );
    expect(status).toMatchObject({ kind: 'Status', code: 422, reason: 'Invalid' });
    expect(status.message).toMatch(/^AIModel\.ai\.suoke\.life "bad" is invalid: /);
    expect(status.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.framework', reason: 'FieldValueNotSupported' }),
        expect.objectContaining({ field: 'spec.agent', reason: 'FieldValueRequired' }),
      ]),
    );
  });

  it('evaluates CEL rules that span fields', async () => {
    const both = await statusOf(
      create(
        'aimodels',
        aiModel('both', { engine: { image: 'x', external: { baseUrl: 'https://api.example.com/v1' } } }),
      ),
    );
    expect(both.code).toBe(422);
    expect(both.message).toContain('engine needs exactly one of image');
    const scaling = await statusOf(
      create(
        'aimodels',
        aiModel('scaling', { scaling: { minReplicas: 5, maxReplicas: 3, cpuUtilization: 70 } }),
      ),
    );
    expect(scaling.details.causes).toEqual([
      expect.objectContaining({
        field: 'spec.scaling.minReplicas',
        message: expect.stringContaining('minReplicas must be less than or equal to maxReplicas'),
      }),
    ]);
  });

  it('evaluates transition rules on update (modelRef is immutable)', async () => {
    const mv = await create('modelversions', {
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'ModelVersion',
      metadata: { name: 'xiaoai-v2' },
      spec: {
        modelRef: { name: 'xiaoai' },
        version: 'v2',
        artifact: { uri: 'hf://suoke/xiaoai-conversation-llm', format: 'safetensors' },
      },
    });
    const status = await statusOf(
      custom.replaceNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'agents',
        plural: 'modelversions',
        name: 'xiaoai-v2',
        body: { ...mv, spec: { ...mv.spec, modelRef: { name: 'other' } } },
      }),
    );
    expect(status.code).toBe(422);
    expect(status.message).toContain('modelRef is immutable');
  });

  it('requires resourceVersion on a custom resource update, as the real server does', async () => {
    const created = await create('aimodels', aiModel('needs-rv'));
    const { resourceVersion: _rv, ...metadata } = created.metadata;
    const status = await statusOf(
      custom.replaceNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'agents',
        plural: 'aimodels',
        name: 'needs-rv',
        body: { ...created, metadata },
      }),
    );
    expect(status).toMatchObject({
      code: 422,
      details: { causes: [expect.objectContaining({ field: 'metadata.resourceVersion' })] },
    });
  });

  it('refuses strategic merge patch for custom resources with 415', async () => {
    await create('aimodels', aiModel('smp'));
    const res = await fetch(`${api.url}/apis/${GROUP}/${VERSION}/namespaces/agents/aimodels/smp`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { framework: 'onnx' } }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType' });
  });

  it('validates upstream Istio kinds against their CRD schema', async () => {
    const vs = await create(
      'virtualservices',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'xiaoai' },
        spec: {
          hosts: ['xiaoai'],
          http: [{ route: [{ destination: { host: 'xiaoai', subset: 'v1' }, weight: 100 }] }],
        },
      },
      'networking.istio.io',
      'v1',
    );
    expect(vs.spec.http[0].route[0].weight).toBe(100);
    const bad = await statusOf(
      create(
        'virtualservices',
        {
          apiVersion: 'networking.istio.io/v1',
          kind: 'VirtualService',
          metadata: { name: 'bad' },
          spec: { hosts: 'xiaoai' },
        },
        'networking.istio.io',
        'v1',
      ),
    );
    // The type error blocks the CRD's CEL rules, so the server's note that they were skipped follows.
    expect(bad).toMatchObject({
      code: 422,
      details: {
        causes: [
          expect.objectContaining({ field: 'spec.hosts' }),
          expect.objectContaining({ field: '<nil>' }),
        ],
      },
    });
  });

  it('serves every version of a multi-version CRD from one storage (no conversion)', async () => {
    await create(
      'destinationrules',
      {
        apiVersion: 'networking.istio.io/v1beta1',
        kind: 'DestinationRule',
        metadata: { name: 'dr' },
        spec: { host: 'xiaoai' },
      },
      'networking.istio.io',
      'v1beta1',
    );
    const asV1 = await custom.getNamespacedCustomObject({
      group: 'networking.istio.io',
      version: 'v1',
      namespace: 'agents',
      plural: 'destinationrules',
      name: 'dr',
    });
    expect(asV1).toMatchObject({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      spec: { host: 'xiaoai' },
    });
  });

  it('serves a kind as soon as its CRD is created, lists it in discovery, and stops when the CRD goes', async () => {
    const crd: V1CustomResourceDefinition = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
              },
            },
          },
        ],
      },
    };
    const ext = api.kubeConfig().makeApiClient(ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({ body: crd });
    // KubernetesObjectApi finds the resource through discovery, as kubectl does.
    const objects = KubernetesObjectApi.makeApiClient(api.kubeConfig('agents'));
    const widget = await objects.create({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'agents' },
      spec: { size: 3 },
    } as any);
    expect((widget as any).spec.size).toBe(3);
    const groups = (await (await fetch(`${api.url}/apis`)).json()) as any;
    expect(groups.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining(['example.com', GROUP, 'networking.istio.io', 'apps']),
    );
    const established = await ext.readCustomResourceDefinition({ name: 'widgets.example.com' });
    expect(established.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
    await ext.deleteCustomResourceDefinition({ name: 'widgets.example.com' });
    const gone = await statusOf(
      custom.listNamespacedCustomObject({
        group: 'example.com',
        version: 'v1',
        namespace: 'agents',
        plural: 'widgets',
      }),
    );
    expect(gone.code).toBe(404);
  });

  it('refuses unknown fields with fieldValidation=Strict instead of pruning them', async () => {
    const res = await fetch(
      `${api.url}/apis/${GROUP}/${VERSION}/namespaces/agents/aimodels?fieldValidation=Strict`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(aiModel('strict', { bogus: 1 })),
      },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'strict decoding error: unknown field "spec.bogus"',
    });
  });

  it('skips CEL rules that need library functions the engine lacks, and records them', async () => {
    api.installCrd({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'links.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Link', plural: 'links' },
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
                    properties: { url: { type: 'string' }, port: { type: 'integer' } },
                    'x-kubernetes-validations': [
                      { rule: 'isURL(self.url)', message: 'url must be a URL' },
                      { rule: 'self.port > 0', message: 'port must be positive' },
                    ],
                  },
                },
              },
            },
          },
        ],
      },
    });
    const link = (name: string, port: number) =>
      create(
        'links',
        { apiVersion: 'example.com/v1', kind: 'Link', metadata: { name }, spec: { url: 'not a url', port } },
        'example.com',
        'v1',
      );
    await link('ok', 80);
    expect([...skippedRules.entries()]).toEqual(
      expect.arrayContaining([['links.example.com/v1: spec', 'CEL function isURL is not available']]),
    );
    // The rules that can be evaluated still are.
    expect((await statusOf(link('bad', 0))).message).toContain('port must be positive');
  });

  it('describes served kinds in discovery with their status subresource', async () => {
    const list = (await (await fetch(`${api.url}/apis/${GROUP}/${VERSION}`)).json()) as any;
    const names = list.resources.map((r: any) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['aimodels', 'aimodels/status', 'modelversions', 'modelregistries']),
    );
    expect(list.resources.find((r: any) => r.name === 'aimodels')).toMatchObject({
      kind: 'AIModel',
      namespaced: true,
      shortNames: ['aim'],
      categories: ['suoke'],
    });
    const core = (await (await fetch(`${api.url}/api/v1`)).json()) as any;
    expect(core.resources.find((r: any) => r.name === 'namespaces')).toMatchObject({
      namespaced: false,
      kind: 'Namespace',
    });
  });
});
