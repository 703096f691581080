import { loadCrds } from '../../crds/index.js';
import { checkStructural } from './structural-schema.js';

type Crd = {
  metadata: { name: string };
  spec: {
    group: string;
    scope: string;
    names: { kind: string; plural: string; shortNames: string[]; categories: string[] };
    versions: {
      name: string;
      served: boolean;
      storage: boolean;
      subresources: Record<string, unknown>;
      additionalPrinterColumns: { name: string; type: string; jsonPath: string }[];
      schema: { openAPIV3Schema: Record<string, unknown> };
    }[];
  };
};

const crds = loadCrds() as unknown as Crd[];
const byKind = (kind: string): Crd => {
  const crd = crds.find((c) => c.spec.names.kind === kind);
  if (!crd) throw new Error(`no CRD for ${kind}`);
  return crd;
};

describe('CRDs a Kubernetes 1.32 API server accepts', () => {
  test.each(crds.map((c) => [c.metadata.name, c] as const))(
    '%s has a structural, described, bounded schema',
    (_name, crd) => {
      expect(checkStructural(crd.spec.versions[0]!.schema.openAPIV3Schema)).toEqual([]);
    },
  );

  test.each([
    ['AIModel', 'aimodels.ai.suoke.life', 'aim', ['Stable', 'Canary', 'Weight', 'Ready', 'Age']],
    [
      'ModelVersion',
      'modelversions.ai.suoke.life',
      'mv',
      ['Model', 'Version', 'Phase', 'Strategy', 'Stage', 'Weight', 'Requests', 'Step', 'Paused', 'Age'],
    ],
    ['ModelRegistry', 'modelregistries.ai.suoke.life', 'mreg', ['Type', 'URL', 'Connected', 'Age']],
  ])(
    '%s: name, short name, category, status subresource, printer columns',
    (kind, name, shortName, columns) => {
      const crd = byKind(kind);
      expect(crd.metadata.name).toBe(name);
      expect(crd.spec.group).toBe('ai.suoke.life');
      expect(crd.spec.scope).toBe('Namespaced');
      expect(crd.spec.names.shortNames).toEqual([shortName]);
      expect(crd.spec.names.categories).toEqual(['suoke']);
      expect(crd.spec.versions).toHaveLength(1);
      const version = crd.spec.versions[0]!;
      expect(version).toMatchObject({
        name: 'v1alpha1',
        served: true,
        storage: true,
        subresources: { status: {} },
      });
      expect(version.additionalPrinterColumns.map((c) => c.name)).toEqual(columns);
    },
  );

  test('kubectl explain aimodel.spec.scaling has something to say about every field', () => {
    const spec = (
      byKind('AIModel').spec.versions[0]!.schema.openAPIV3Schema['properties'] as Record<string, any>
    )['spec'];
    const scaling = spec.properties.scaling;
    expect(scaling.description).toMatch(/autoscaling/i);
    expect(Object.keys(scaling.properties).length).toBeGreaterThan(0);
    for (const [field, schema] of Object.entries<any>(scaling.properties)) {
      expect([field, typeof schema.description === 'string' && schema.description.length > 10]).toEqual([
        field,
        true,
      ]);
    }
  });
});

describe('kubectl explain modelversion: the rollout strategies are described all the way down', () => {
  const properties = (kind: string) =>
    byKind(kind).spec.versions[0]!.schema.openAPIV3Schema['properties'] as Record<string, any>;
  /** Every node under `node` as [path, description], list items included. */
  const described = (node: any, path: string): [string, unknown][] => [
    [path, node.description],
    ...Object.entries<any>(node.properties ?? {}).flatMap(([k, child]) => described(child, `${path}.${k}`)),
    ...(node.items ? described(node.items, `${path}[]`) : []),
  ];
  const explained = (nodes: [string, unknown][]) =>
    nodes.filter(([, d]) => !(typeof d === 'string' && d.length > 10)).map(([path]) => path);

  test.each([
    ['ModelVersion', 'spec.promotion'],
    ['AIModel', 'spec.rollout'],
  ])('%s %s: strategy, blueGreen, experiment and shadow', (kind, where) => {
    const [root, policy] = where.split('.') as [string, string];
    const node = properties(kind)[root].properties[policy];
    const nodes = ['strategy', 'blueGreen', 'experiment', 'shadow'].flatMap((field) =>
      described(node.properties[field], `${where}.${field}`),
    );
    expect(nodes.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        `${where}.experiment.match[].header.regex`,
        `${where}.experiment.match[].cookie.name`,
        `${where}.shadow.percent`,
      ]),
    );
    expect(explained(nodes)).toEqual([]);
  });

  test('ModelVersion status: strategy, stage, routing and experiment', () => {
    const status = properties('ModelVersion')['status'];
    const nodes = ['strategy', 'stage', 'routing', 'experiment'].flatMap((field) =>
      described(status.properties[field], `status.${field}`),
    );
    expect(nodes.map(([path]) => path)).toEqual(
      expect.arrayContaining(['status.routing.matches[].header.exact', 'status.experiment.metrics[].stable']),
    );
    expect(explained(nodes)).toEqual([]);
  });
});

describe('the structural-schema checker refuses what the API server refuses', () => {
  const wrap = (spec: Record<string, unknown>) => ({
    type: 'object',
    properties: { spec: { description: 'spec', ...spec } },
  });
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a property without type', wrap({ properties: {} }), /type must be set/],
    [
      'a property without description',
      wrap({ type: 'object', properties: { a: { type: 'string' } } }),
      /description is missing/,
    ],
    [
      'additionalProperties beside properties',
      wrap({ type: 'object', properties: {}, additionalProperties: { type: 'string' } }),
      /mutually exclusive/,
    ],
    [
      'additionalProperties: false',
      wrap({ type: 'object', additionalProperties: false }),
      /additionalProperties: false/,
    ],
    ['$ref', wrap({ type: 'object', $ref: '#/x' }), /\$ref is forbidden/],
    [
      'a numeric exclusiveMinimum (JSON Schema 2019)',
      wrap({ type: 'number', exclusiveMinimum: 0 }),
      /must be a boolean/,
    ],
    ['an unknown keyword', wrap({ type: 'string', const: 'a' }), /unknown keyword const/],
    ['uniqueItems', wrap({ type: 'array', uniqueItems: true, items: { type: 'string' } }), /uniqueItems/],
    [
      'a default that fails its own schema',
      wrap({ type: 'integer', minimum: 1, default: 0 }),
      /default 0 does not validate/,
    ],
    [
      'a typed anyOf branch other than int-or-string',
      wrap({ type: 'string', anyOf: [{ type: 'string', pattern: 'a' }] }),
      /type is not allowed inside anyOf/,
    ],
    [
      'a list map keyed by an optional field',
      wrap({
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: { type: 'object', properties: { name: { type: 'string', description: 'n' } } },
      }),
      /must be required or have a default/,
    ],
    [
      'a CEL rule that does not compile',
      wrap({ type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a >', message: 'm' }] }),
      /does not compile/,
    ],
    [
      'a CEL rule calling an unknown function',
      wrap({ type: 'object', 'x-kubernetes-validations': [{ rule: 'noSuchFunction(self)', message: 'm' }] }),
      /does not compile/,
    ],
    [
      'a CEL rule that is not a condition',
      wrap({ type: 'object', 'x-kubernetes-validations': [{ rule: '1 + 2', message: 'm' }] }),
      /returns int, not bool/,
    ],
    [
      'a CEL rule reading an unbounded string',
      wrap({
        type: 'object',
        properties: { a: { type: 'string', description: 'a' } },
        'x-kubernetes-validations': [{ rule: "self.a.startsWith('x')", message: 'm' }],
      }),
      /self\.a is a string without maxLength/,
    ],
    [
      'a transition rule under an atomic list',
      wrap({
        type: 'array',
        maxItems: 4,
        items: {
          type: 'string',
          maxLength: 3,
          'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'm' }],
        },
      }),
      /oldSelf cannot be correlated/,
    ],
    [
      'a rule without message',
      wrap({ type: 'object', 'x-kubernetes-validations': [{ rule: 'true' }] }),
      /has no message/,
    ],
    [
      'a restriction on metadata.labels',
      {
        type: 'object',
        properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } },
      },
      /only metadata.name and metadata.generateName/,
    ],
  ];
  test.each(cases)('%s', (_name, schema, problem) => {
    const problems = checkStructural(schema).map((v) => v.problem);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });
});
