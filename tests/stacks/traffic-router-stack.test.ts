/**
 * `pulumi preview` of the dev stack (no Istio) switched to the gateway-api router with
 * `pulumi config set trafficRouter gateway-api`, under mocks, with the real charts: the operator runs
 * that router, is granted HTTPRoutes and nothing of Istio, and the stack passes its policy pack.
 * Then the same program in the Istio mesh, through the reusable component.
 */
import { suokeCharts } from '../../stacks/suoke-charts.js';
import type { Recorder } from './support/pulumi-mocks.js';
import { settled } from './support/pulumi-mocks.js';
import { kubernetesObjects, policyPackViolations } from './support/stack-assertions.js';
import { runStack } from './support/stack-program.js';

const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';
const ROLE = 'kubernetes:rbac.authorization.k8s.io/v1:Role';
const OPERATOR = 'suoke-modelops-operator';

let recorder: Recorder;

beforeAll(async () => {
  ({ recorder } = await runStack(
    'dev',
    { redisPassword: 'dev-redis-password-0123456789' },
    { trafficRouter: 'gateway-api' },
  ));
});

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

function operatorArgs(namespace: string): string[] {
  return recorder.get(DEPLOYMENT, `Deployment:${namespace}/${OPERATOR}`).inputs.spec.template.spec
    .containers[0].args;
}

/** `group/resource` → verbs of the operator's Role in the agents' namespace. */
function grants(agentNamespace: string): Map<string, string[]> {
  const rules = recorder.get(ROLE, `Role:${agentNamespace}/${OPERATOR}`).inputs.rules as Rule[];
  const byKey = new Map<string, string[]>();
  for (const rule of rules) {
    for (const group of rule.apiGroups) {
      for (const resource of rule.resources) {
        byKey.set(`${group}/${resource}`, [...(byKey.get(`${group}/${resource}`) ?? []), ...rule.verbs]);
      }
    }
  }
  return byKey;
}

describe('dev stack with trafficRouter gateway-api', () => {
  it('starts the operator with the gateway-api router and no mesh', () => {
    expect(operatorArgs('suoke-modelops-dev')).toEqual(
      expect.arrayContaining(['--traffic-router=gateway-api', '--mesh=none']),
    );
  });

  it('lets the operator apply, watch and prune HTTPRoutes, and grants nothing of Istio', () => {
    const granted = grants('suoke-ai-dev');
    expect(granted.get('gateway.networking.k8s.io/httproutes')).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'create', 'patch', 'delete']),
    );
    expect([...granted.keys()].filter((key) => key.split('/')[0]!.endsWith('istio.io'))).toEqual([]);
  });

  it('declares no Istio object at all', () => {
    expect(recorder.registrations.filter((r) => /istio\.io/.test(r.type))).toEqual([]);
    expect(
      recorder.get('kubernetes:core/v1:Namespace', 'Namespace:suoke-ai-dev').inputs.metadata.labels[
        'istio-injection'
      ],
    ).toBeUndefined();
  });

  it('passes its own policy pack', async () => {
    expect(kubernetesObjects(recorder).length).toBeGreaterThan(0);
    expect(await policyPackViolations(recorder)).toEqual([]);
  });
});

describe('the platform component with trafficRouter gateway-api in the Istio mesh', () => {
  beforeAll(async () => {
    const { loadPlatformConfig, stackConfigReader } = await import('../../stacks/config.js');
    const { SuokePlatform } = await import('../../stacks/suoke-platform.js');
    const { config, secrets } = loadPlatformConfig(stackConfigReader());
    const platform = new SuokePlatform('mesh', {
      config: {
        ...config,
        namespace: 'mesh-system',
        agentNamespace: 'mesh-ai',
        istio: { enabled: true },
        trafficRouter: 'gateway-api',
      },
      secrets,
      charts: suokeCharts(),
    });
    await settled([...platform.resources.values()].map((r) => r.urn));
  });

  it('runs the gateway-api router in the mesh, granted HTTPRoutes and the mesh policies but no Istio routing', () => {
    expect(operatorArgs('mesh-system')).toEqual(
      expect.arrayContaining(['--traffic-router=gateway-api', '--mesh=istio']),
    );
    const keys = [...grants('mesh-ai').keys()];
    expect(keys).toEqual(
      expect.arrayContaining([
        'gateway.networking.k8s.io/httproutes',
        'security.istio.io/peerauthentications',
        'security.istio.io/authorizationpolicies',
      ]),
    );
    expect(keys.filter((key) => key.startsWith('networking.istio.io/'))).toEqual([]);
    expect(
      recorder.get('kubernetes:core/v1:Namespace', 'Namespace:mesh-ai').inputs.metadata.labels[
        'istio-injection'
      ],
    ).toBe('enabled');
  });
});
