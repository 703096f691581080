import { App, Chart } from 'cdk8s';
import {
  API_VERSION,
  type AIModel,
  type CandidateRouting,
  type ModelVersion,
  type TrafficWeight,
} from '../crds/api/index.js';
import { gatewayRoutingProps, routingProps, scaledBounds, scalingOf, workloadProps } from './agent-spec.js';
import { AgentService } from './constructs/agent-service.js';
import { AgentWorkload } from './constructs/agent-workload.js';
import { GatewayRouting, gatewayNamespaces } from './constructs/gateway-routing.js';
import { IstioRouting } from './constructs/istio-routing.js';
import { IstioSecurity } from './constructs/istio-security.js';
import { validateTracing, type RuntimeTracing } from './constructs/runtime-tracing.js';
import { VersionService } from './constructs/version-service.js';
import { assertDistinctLabels, versionedName } from './constructs/workload-names.js';
import { DERIVED_KINDS, ROUTE_OBJECTS, type RouteObjects } from './derived-kinds.js';
import { SERVICE_PORT } from './constructs/agent-service.js';
import { servingVersions, sessionAffinityEnv, sessionAffinityOf } from './session-affinity.js';

/** A plain Kubernetes object as rendered: ready for server-side apply. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: OwnerReference[];
  };
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
}

export interface RenderOptions {
  /**
   * The routing objects, as the operator's traffic router works on them: `istio` (DestinationRule and
   * VirtualService), `gateway-api` (an HTTPRoute and one Service per version), `none` (the model's
   * Service alone: the replica-ratio router).
   * @default 'istio'
   */
  readonly routes?: RouteObjects;
  /**
   * The agents run in an Istio mesh: the model's STRICT PeerAuthentication and its AuthorizationPolicy.
   * @default true with Istio routes, else false
   */
  readonly mesh?: boolean;
  /**
   * Versions whose capacity follows their traffic (the canary capacity rule): their HPA bounds become
   * `scaledBounds(bounds, weight)` — at least one replica, at most the AIModel's bounds. The operator passes the
   * canary here while a rollout runs; the stable version keeps its full bounds so an abort can send it all
   * traffic at once.
   * @default [] (every version gets the AIModel's bounds)
   */
  readonly scaleWithTraffic?: readonly string[];
  /**
   * Fixed replica counts by version, for a traffic split made of replica counts (the replica-ratio router,
   * clusters without a mesh): each version named gets `spec.replicas` and no HPA (0 allowed, which an HPA
   * cannot hold), and wins over `scaleWithTraffic`. The operator passes the split the router last set.
   * @default {} (every version is scaled within its bounds)
   */
  readonly replicaSplit?: Readonly<Record<string, number>>;
  /**
   * The version being rolled out and its routes besides its weight (`ModelVersion.status.routing`): its
   * header and cookie matches become the `candidate` route (VirtualService route or HTTPRoute rule), right
   * before the `versions` route, and its mirror share a mirror on the `versions` route. The version must be
   * among the versions. The operator's router writes the same routes (see IstioRouting, GatewayRouting).
   * @default - no candidate routes
   */
  readonly candidate?: { readonly version: string; readonly routing: CandidateRouting };
  /**
   * With session affinity on (see session-affinity.ts), the versions that still serve pinned sessions: each gets
   * a session route first in the VirtualService. The operator passes the stable, the previous stable while it is
   * kept warm, and the candidate once it has a weight or a matched route. Each must be among the versions.
   * @default the versions with a weight above 0, and the candidate of a matched route
   */
  readonly sessionVersions?: readonly string[];
  /**
   * SPIFFE principals of gateways allowed to call the agent (with `mesh`).
   * @default the default Istio ingress gateway when the AIModel names Istio gateways and routes are `istio`, else none
   */
  readonly gatewayPrincipals?: readonly string[];
  /**
   * Namespaces whose workloads may call the agent (with `mesh`).
   * @default [the AIModel's namespace], plus those of its Gateway parents with `gateway-api` routes
   */
  readonly callerNamespaces?: readonly string[];
  /**
   * Where every version's runtime exports its traces (the operator's `--tracing-endpoint` and
   * `--tracing-sampling-ratio`): the OpenTelemetry variables of runtime-tracing.ts on each runtime container.
   * @default - none: the runtime containers get no tracing variables and do not trace
   */
  readonly tracing?: RuntimeTracing;
}

/** Order of kinds in the output: the shared table's, dependencies first. */
const KIND_ORDER = DERIVED_KINDS.map((k) => k.kind);

/** Namespaces reaching the API port besides the model's own: Istio's ingress gateway (AgentNetworkPolicy's default). */
const INGRESS_NAMESPACES = ['istio-system'] as const;

/**
 * Everything the operator derives for one AIModel, as plain objects:
 * - per version: ServiceAccount, Deployment, HorizontalPodAutoscaler, VerticalPodAutoscaler, PodDisruptionBudget,
 *   NetworkPolicy (named `<model>-<version>`);
 * - per model: the Service (named `<model>`); per version, a Service `<model>-<version>` too when the routes
 *   are `gateway-api` or when any version is evaluated (`spec.promotion.evaluation`, or the AIModel's
 *   `spec.rollout.evaluation`): what the evaluation Job calls;
 * - the routes, by `options.routes`: `istio` (default) a DestinationRule (one subset per version) and a
 *   VirtualService; `gateway-api` an HTTPRoute (named `<model>`) over one Service per version (`<model>-<version>`),
 *   its Gateway parents' namespaces admitted by the NetworkPolicies; `none` no routes (the model's Service
 *   spreads requests over every version's pods). The routes carry the split in `traffic` and the candidate's
 *   routes in `options.candidate`;
 * - with `options.mesh` (default: with Istio routes), PeerAuthentication STRICT and AuthorizationPolicy (named
 *   `<model>`), under any routes.
 *
 * The Gateway is not derived: it binds the shared ingress deployment and its certificate in the gateway's
 * namespace, which is platform configuration declared in Git (see `AgentGateway`); the operator would otherwise
 * need write access to istio-system.
 *
 * Pure and deterministic: no I/O, no clock, no randomness; the same inputs give byte-identical output whatever
 * the order of `versions` and `traffic`. Objects are sorted by kind (dependencies first), then name. Each one
 * carries our labels and a controller ownerReference to the AIModel, so garbage collection removes them with it
 * and Argo CD shows them under it.
 *
 * @param aimodel the AIModel (needs `metadata.name` and `metadata.uid`)
 * @param versions the ModelVersions that should have pods (the stable one and any canary)
 * @param traffic the split between them, as in `AIModel.status.traffic`; may be empty for a single version
 * @param options the routes and mesh, the canary capacity rule, fixed replica counts of a split without a mesh,
 *   the candidate's matched and mirror routes, who may call the agent, and where the runtimes send traces
 * @throws Error naming the object and field when an input is invalid
 */
export function render(
  aimodel: AIModel,
  versions: readonly ModelVersion[],
  traffic: readonly TrafficWeight[],
  options: RenderOptions = {},
): KubeObject[] {
  const name = aimodel.metadata.name;
  const uid = aimodel.metadata.uid;
  if (name === undefined || name === '') throw new Error('render: AIModel metadata.name is required');
  if (uid === undefined || uid === '') {
    throw new Error(
      `render: AIModel ${name} has no metadata.uid; pass the object as read from the API server`,
    );
  }
  const sorted = [...versions].sort((a, b) => compare(a.spec.version, b.spec.version));
  const seen = new Set<string>();
  for (const version of sorted) {
    const label = `ModelVersion ${version.metadata.name ?? version.spec.version}`;
    if (version.spec.modelRef.name !== name) {
      throw new Error(
        `render: ${label} has spec.modelRef.name '${version.spec.modelRef.name}', not AIModel '${name}'`,
      );
    }
    if (seen.has(version.spec.version)) {
      throw new Error(
        `render: two ModelVersions of AIModel ${name} have spec.version '${version.spec.version}'`,
      );
    }
    seen.add(version.spec.version);
  }
  // Versions become object names and subset names with dots as dashes: `1.0` and `1-0` cannot live together.
  assertDistinctLabels(`render: AIModel ${name} has versions`, [...seen], (v) => versionedName(name, v));
  const weights = new Map(traffic.map((t) => [t.version, t.weight]));
  const scaleWithTraffic = new Set(options.scaleWithTraffic ?? []);
  for (const version of scaleWithTraffic) {
    if (!seen.has(version)) {
      throw new Error(
        `render: options.scaleWithTraffic names version '${version}', which is not among the versions of ${name}`,
      );
    }
  }
  const replicaSplit = new Map(Object.entries(options.replicaSplit ?? {}));
  for (const [version, replicas] of replicaSplit) {
    if (!seen.has(version)) {
      throw new Error(
        `render: options.replicaSplit names version '${version}', which is not among the versions of ${name}`,
      );
    }
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new Error(
        `render: options.replicaSplit gives version '${version}' ${replicas} replicas; use a whole number of at least 0`,
      );
    }
  }

  const candidate = options.candidate;
  if (candidate !== undefined && !seen.has(candidate.version)) {
    throw new Error(
      `render: options.candidate names version '${candidate.version}', which is not among the versions of ${name}`,
    );
  }
  const routes = options.routes ?? 'istio';
  if (!ROUTE_OBJECTS.includes(routes)) {
    throw new Error(`render: options.routes '${String(routes)}' is not one of ${ROUTE_OBJECTS.join(', ')}`);
  }
  const mesh = options.mesh ?? routes === 'istio';
  const affinity = sessionAffinityOf(aimodel, routes);
  // A default from a split naming an unknown version is left to IstioRouting, which says so.
  const sessionVersions =
    options.sessionVersions ?? servingVersions(traffic, candidate).filter((v) => seen.has(v));
  for (const version of sessionVersions) {
    if (!seen.has(version)) {
      throw new Error(
        `render: options.sessionVersions names version '${version}', which is not among the versions of ${name}`,
      );
    }
  }
  const tracing = options.tracing;
  if (tracing !== undefined) validateTracing('render: options.tracing', tracing);
  const namespace = aimodel.metadata.namespace;
  // A Gateway elsewhere reaches the pods from its own namespace (its data plane runs there).
  const gatewayNs =
    routes === 'gateway-api' ? gatewayNamespaces(namespace, aimodel.spec.traffic?.parentRefs) : [];

  const app = new App();
  const chart = new Chart(app, 'derived');
  const service = new AgentService(chart, 'Service', {
    model: name,
    agent: aimodel.spec.agent.name,
    namespace: aimodel.metadata.namespace,
    targetPort: aimodel.spec.runtime?.port,
  });
  if (sorted.length > 0) {
    const running = sorted.map((v) => v.spec.version);
    const split = [...traffic].sort((a, b) => compare(a.version, b.version));
    const routed = candidate === undefined ? {} : { candidate };
    if (routes === 'istio') {
      new IstioRouting(chart, 'Routing', {
        ...routingProps(aimodel, service.host, running, split),
        ...routed,
        ...(affinity.on ? { sessionVersions } : {}),
      });
    } else if (routes === 'gateway-api') {
      new GatewayRouting(chart, 'Routing', { ...gatewayRoutingProps(aimodel, running, split), ...routed });
    }
    // An evaluation Job calls the candidate and the stable by their own Services, whatever the split;
    // the gateway-api routes already have them.
    if (routes !== 'gateway-api' && evaluated(aimodel, sorted)) {
      for (const v of running) {
        new VersionService(chart, `VersionService-${v}`, {
          model: name,
          agent: aimodel.spec.agent.name,
          namespace,
          version: v,
          targetPort: aimodel.spec.runtime?.port,
        });
      }
    }
    if (mesh) {
      const callers =
        options.callerNamespaces ??
        (gatewayNs.length === 0
          ? undefined
          : [...(namespace === undefined ? [] : [namespace]), ...gatewayNs]);
      new IstioSecurity(chart, 'Security', {
        model: name,
        agent: aimodel.spec.agent.name,
        namespace,
        // Only Istio routes bind Istio gateways, whose ingress deployment is then a caller.
        ...(routes === 'istio' ? { gateways: aimodel.spec.traffic?.gateways } : {}),
        ...(options.gatewayPrincipals === undefined ? {} : { allowedPrincipals: options.gatewayPrincipals }),
        ...(callers === undefined ? {} : { allowedNamespaces: callers }),
        // Only the model's own runtimes forward a pinned turn (one ServiceAccount per version).
        ...(affinity.on ? { sessionForwarders: running.map((v) => versionedName(name, v)) } : {}),
      });
    }
  }
  // A runtime forwards a pinned turn through the model's own Service, where the session routes apply.
  const sessionEnv = sessionAffinityEnv(affinity, `http://${service.host}:${SERVICE_PORT}`);
  const bounds = scalingOf(aimodel);
  for (const version of sorted) {
    const v = version.spec.version;
    const replicas = replicaSplit.get(v);
    // A shadow's mirrored copies are load too: its share is its weight plus the mirrored percentage.
    const mirrored = candidate?.version === v ? (candidate.routing.mirrorPercent ?? 0) : 0;
    const scaled =
      replicas === undefined && scaleWithTraffic.has(v)
        ? scaledBounds(bounds, Math.min(100, (weights.get(v) ?? 0) + mirrored))
        : undefined;
    new AgentWorkload(chart, `Version-${v}`, {
      ...workloadProps(aimodel, version, scaled, sessionEnv),
      ...(replicas === undefined ? {} : { replicas }),
      ...(tracing === undefined ? {} : { tracing }),
      ...(routes === 'gateway-api'
        ? { ingressNamespaces: [...new Set([...INGRESS_NAMESPACES, ...gatewayNs])].sort() }
        : {}),
    });
  }

  const owner: OwnerReference = {
    apiVersion: API_VERSION,
    kind: 'AIModel',
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  const objects = (chart.toJson() as KubeObject[]).map((object) => ({
    ...object,
    metadata: { ...object.metadata, ownerReferences: [{ ...owner }] },
  }));
  return objects.sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || compare(a.metadata.name, b.metadata.name),
  );
}

/**
 * Whether any version is evaluated on a golden set: its own `spec.promotion.evaluation`, or the AIModel's
 * `spec.rollout.evaluation` that versions without one inherit.
 */
function evaluated(aimodel: AIModel, versions: readonly ModelVersion[]): boolean {
  return (
    aimodel.spec.rollout?.evaluation !== undefined ||
    versions.some((v) => v.spec.promotion?.evaluation !== undefined)
  );
}

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index < 0 ? KIND_ORDER.length : index;
}

/** Locale-independent string order, so output never depends on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
