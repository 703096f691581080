/**
 * The operator's RBAC against what it does, for every router and mesh the platform chart installs it
 * with: the chart's Role must let the operator process (started with the chart's own flags) apply,
 * watch and prune every kind it derives, and write nothing else.
 */
import {
  ROUTES_OF_ROUTER,
  TRAFFIC_ROUTER_NAMES,
  type TrafficRouterName,
} from '../../charts-ts/constructs/operator-install.js';
import { readAgentSet } from '../../charts-ts/charts/agents-chart.js';
import { repoPath } from '../../charts-ts/constructs/repo-path.js';
import { render } from '../../charts-ts/render.js';
import { parseFlags } from '../../operators/kit/flags.js';
import type { ClusterClient } from '../../operators/kit/cluster-client.js';
import { derivedKinds } from '../../operators/rollout-deps/caches.js';
import { createTrafficRouter } from '../../operators/traffic/factory.js';
import { find, synthPlatform } from './support/platform.js';

/** Resource name (plural) of a kind, as RBAC names it. */
function plural(kind: string): string {
  const lower = kind.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}

/** What server-side apply plus pruning needs on every derived kind. */
const APPLY_AND_PRUNE = ['get', 'list', 'watch', 'create', 'patch', 'delete'];

/** Routers are only constructed here, to read what they declare; none of them is called. */
const UNUSED_CLIENT = {} as ClusterClient;

const agents = readAgentSet(repoPath('examples'));

/** `group/plural` of every kind render() derives for the example agents in this scope. */
function renderedKinds(routes: 'istio' | 'gateway-api' | 'none', mesh: boolean): string[] {
  const objects = agents.aimodels.flatMap((aimodel) => {
    const versions = agents.versions.filter((v) => v.spec.modelRef.name === aimodel.metadata.name);
    const traffic = versions.slice(0, 1).map((v) => ({ version: v.spec.version, weight: 100 }));
    return render(
      { ...aimodel, metadata: { namespace: 'suoke-ai', ...aimodel.metadata, uid: 'u' } },
      versions,
      traffic,
      { routes, mesh },
    );
  });
  return [...new Set(objects.map((o) => `${groupOf(o.apiVersion)}/${plural(o.kind)}`))].sort();
}

describe('the chart knows the operator’s routers', () => {
  it('every router the chart offers is one the operator builds, under that name', () => {
    expect(TRAFFIC_ROUTER_NAMES.map((name) => createTrafficRouter(name, UNUSED_CLIENT).name)).toEqual([
      ...TRAFFIC_ROUTER_NAMES,
    ]);
  });

  it.each(TRAFFIC_ROUTER_NAMES)('%s: grants for the routing objects the router declares', (name) => {
    expect(ROUTES_OF_ROUTER[name]).toBe(createTrafficRouter(name, UNUSED_CLIENT).routes);
  });
});

const choices: [string, TrafficRouterName, boolean][] = [
  ['istio router in the mesh', 'istio', true],
  ['gateway-api router in the mesh', 'gateway-api', true],
  ['gateway-api router without Istio', 'gateway-api', false],
  ['replica-ratio router in the mesh', 'replica-ratio', true],
  ['replica-ratio router without Istio', 'replica-ratio', false],
];

describe.each(choices)('operator RBAC, %s', (_name, trafficRouter, istio) => {
  const { objects } = synthPlatform({ trafficRouter, istio });
  const role = find(objects, 'Role', 'suoke-modelops-operator', 'suoke-ai');
  const rules = role.rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  const verbsFor = (key: string) =>
    rules
      .filter((r) => r.apiGroups.some((g) => r.resources.some((res) => `${g}/${res}` === key)))
      .flatMap((r) => r.verbs);
  const granted = rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)));
  const writable = rules
    .filter((r) => r.verbs.includes('delete'))
    .flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)));

  // What the operator process does with the flags the chart gives it, decided as createRolloutDeps does.
  const container = find(objects, 'Deployment', 'suoke-modelops-operator').spec.template.spec.containers[0];
  const flags = parseFlags(container.args, {});
  const scope = {
    routes: createTrafficRouter(flags.trafficRouter, UNUSED_CLIENT).routes,
    mesh: flags.mesh === 'istio',
  };
  const operatorKinds = derivedKinds(scope)
    .map((rt) => `${rt.group}/${rt.plural}`)
    .sort();

  it('starts the operator with the chosen router and mesh', () => {
    expect([flags.trafficRouter, flags.mesh]).toEqual([trafficRouter, istio ? 'istio' : 'none']);
  });

  it('grants apply and prune on every kind the operator applies, watches and prunes, and deletes nothing else', () => {
    expect(operatorKinds.length).toBeGreaterThan(5);
    for (const key of operatorKinds) {
      expect([key, APPLY_AND_PRUNE.filter((v) => !verbsFor(key).includes(v))]).toEqual([key, []]);
    }
    // Besides the derived kinds: the evaluation Jobs it creates, and deletes when a run no longer counts.
    expect([...new Set(writable)].sort()).toEqual([...operatorKinds, 'batch/jobs'].sort());
  });

  it('creates and deletes evaluation Jobs without ever changing one, and only reads their pods', () => {
    expect(verbsFor('batch/jobs').sort()).toEqual(['create', 'delete', 'get', 'list', 'watch']);
    expect(verbsFor('/pods').sort()).toEqual(['get', 'list', 'watch']);
  });

  it('grants apply and prune on every kind render() derives in this scope', () => {
    const rendered = renderedKinds(scope.routes, scope.mesh);
    expect(agents.aimodels.length).toBe(4);
    expect(rendered.length).toBeGreaterThan(5);
    for (const key of rendered) {
      expect([key, APPLY_AND_PRUNE.filter((v) => !verbsFor(key).includes(v))]).toEqual([key, []]);
    }
  });

  it('grants Istio kinds only for what uses them: routing with the istio router, security in the mesh', () => {
    const istioRouting = granted.filter((key) => key.startsWith('networking.istio.io/')).sort();
    const istioSecurity = granted.filter((key) => key.startsWith('security.istio.io/')).sort();
    expect(istioRouting).toEqual(
      trafficRouter === 'istio'
        ? ['networking.istio.io/destinationrules', 'networking.istio.io/virtualservices']
        : [],
    );
    expect(istioSecurity).toEqual(
      istio ? ['security.istio.io/authorizationpolicies', 'security.istio.io/peerauthentications'] : [],
    );
    if (!istio) expect(granted.filter((key) => key.split('/')[0]!.endsWith('istio.io'))).toEqual([]);
  });

  it('grants HTTPRoutes only with the gateway-api router, with apply and prune', () => {
    const gatewayApi = granted.filter((key) => key.startsWith('gateway.networking.k8s.io/'));
    if (trafficRouter === 'gateway-api') {
      expect(gatewayApi).toEqual(['gateway.networking.k8s.io/httproutes']);
      expect(
        APPLY_AND_PRUNE.filter((v) => !verbsFor('gateway.networking.k8s.io/httproutes').includes(v)),
      ).toEqual([]);
    } else {
      expect(gatewayApi).toEqual([]);
    }
  });
});
