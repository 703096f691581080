/**
 * The AIModel and ModelVersion reconcilers on the fake API server, driven by repeated reconcile()
 * calls on an injected clock. The test plays the deployment controller (marking Deployments
 * Available through the fake's status hook), Prometheus (an in-memory MetricsProvider whose
 * answers the test sets per version) and, for the gateway-api router, the gateway (HTTPRoute
 * status.parents, see fake-gateway.ts).
 */
import type { Measurement, MetricsProvider } from '../../operators/analysis/provider.js';
import { MetricsUnreachableError, NoDataError } from '../../operators/analysis/errors.js';
import { AIModelReconciler } from '../../operators/aimodel/reconciler.js';
import { AIMODEL, MODEL_VERSION } from '../../operators/kinds.js';
import { configureRolloutCaches } from '../../operators/rollout-deps/caches.js';
import { ModelLocks } from '../../operators/rollout-deps/model-lock.js';
import { ModelVersionReconciler } from '../../operators/model-version/reconciler.js';
import { Applier } from '../../operators/kit/apply.js';
import { KubeClient } from '../../operators/kit/client.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { EventRecorder } from '../../operators/kit/events.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { RolloutMetrics } from '../../operators/rollout/metrics.js';
import { createTrafficRouter, type TrafficRouterName } from '../../operators/traffic/factory.js';
import type { TrafficRouter, VersionWeight } from '../../operators/traffic/router.js';
import { CacheSync } from '../support/cache-sync.js';
import type { AIModel, ModelVersion, PromotionPolicy } from '../../crds/api/index.js';
import { Registry } from 'prom-client';
import { FakeClock } from '../support/fake-clock.js';
import { FakeGateway, GATEWAY_FIELD_MANAGER, type GatewayVerdict } from './fake-gateway.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

export const NS = 'suoke-ai';
export const MODEL = 'demo';

/** What a version's analysis query returns: a number, no data, or a failing backend. */
export type Answer = number | 'no-data' | 'error';

/**
 * An in-memory MetricsProvider: the request count (minSamples) and every check's value per version,
 * picked out of the query by its `version="…"` matcher.
 */
export class FakeMetrics implements MetricsProvider {
  /** Value of the checks per version; unset versions answer `healthy`. */
  readonly values = new Map<string, Answer>();
  samples = 100;
  healthy = 0.001;
  /** The request share (ratio 0..1) per version; unset versions have none (no data). */
  readonly shares = new Map<string, number>();
  readonly queries: string[] = [];

  async runQuery(query: string): Promise<Measurement> {
    this.queries.push(query);
    const version = /version="([^"]+)"/.exec(query)?.[1] ?? '';
    if (/^sum\(increase\(ai_inference_requests_total/.test(query)) {
      return { query, value: this.samples };
    }
    if (/^sum\(rate\(ai_inference_requests_total\{[^}]*traffic="live"\}/.test(query)) {
      const share = this.shares.get(version);
      return share === undefined
        ? { query, error: new NoDataError('the query returned NaN (no traffic in the window?)') }
        : { query, value: share };
    }
    const answer = this.values.get(version) ?? this.healthy;
    if (answer === 'error') {
      return { query, error: new MetricsUnreachableError('prometheus: connection refused') };
    }
    if (answer === 'no-data') return { query, error: new NoDataError('the query returned no series') };
    return { query, value: answer };
  }
}

/** A promotion policy with one custom check, short steps, easy to walk in a test. */
export function policy(overrides: Partial<PromotionPolicy> = {}): PromotionPolicy {
  return {
    steps: [{ weight: 10 }, { weight: 50 }],
    interval: '1m',
    progressDeadline: '10m',
    scaleDownDelay: '5m',
    analysis: {
      metrics: [
        {
          name: 'errors',
          query: 'errors_ratio{namespace="{{namespace}}",model="{{model}}",version="{{version}}"}',
          thresholdRange: { max: 0.01 },
          minSamples: 0,
        },
      ],
      failureLimit: 0,
      inconclusiveLimit: 2,
    },
    ...overrides,
  };
}

/** A check that needs traffic, as every strategy but a plain canary requires. */
export const sampled = policy({
  analysis: {
    metrics: [
      {
        name: 'errors',
        query: 'errors_ratio{namespace="{{namespace}}",model="{{model}}",version="{{version}}"}',
        thresholdRange: { max: 0.01 },
        minSamples: 10,
      },
    ],
    failureLimit: 0,
    inconclusiveLimit: 2,
  },
});

export interface HarnessOptions {
  /** Deployments become Available as soon as they exist. @default true */
  readonly autoAvailable?: boolean;
  /** @default 1h */
  readonly rollbackWindowMs?: number;
  /** CRDs the API server serves. @default ['project', 'istio', 'vpa'] */
  readonly crds?: readonly ('project' | 'istio' | 'vpa' | 'gateway-api')[];
  /** `--traffic-router`. @default 'istio' */
  readonly router?: TrafficRouterName;
  /**
   * The test plays a Gateway API implementation: `'accepting'` answers every HTTPRoute write with
   * Accepted and ResolvedRefs True, as a gateway that serves the route does (see
   * {@link Harness.gatewayVerdict}). @default none: no gateway reports on routes
   */
  readonly gateway?: 'accepting';
  /**
   * The router the operator uses, made from the one `router` names: a test adds what another router
   * has (e.g. `acceptance`) without writing that router's routes. @default that router as it is
   */
  readonly wrapRouter?: (router: TrafficRouter) => TrafficRouter;
}

export class Harness {
  readonly metrics = new FakeMetrics();
  readonly registry = new Registry();
  readonly rolloutMetrics = new RolloutMetrics(this.registry);
  autoAvailable: boolean;
  aimodelReconciler!: AIModelReconciler;
  versionReconciler!: ModelVersionReconciler;
  router!: TrafficRouter;
  /** The operator's informers (what its reconcilers read). */
  informers!: SharedInformers;
  private caches: CacheSync | undefined;
  /** API requests the operator made in the last {@link pass} (watches not counted). */
  lastPassRequests: string[] = [];
  /** The gateway the test plays (reporting nothing until told to; see HarnessOptions.gateway). */
  private readonly gateway: FakeGateway;

  private constructor(
    readonly api: FakeApiServer,
    /** The test's own client (a person's kubectl): its requests are not the operator's. */
    readonly client: KubeClient,
    readonly clock: FakeClock,
    private readonly options: HarnessOptions,
  ) {
    this.autoAvailable = options.autoAvailable ?? true;
    this.gateway = new FakeGateway(api, client, NS, () => clock.now());
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const clock = new FakeClock(Date.UTC(2026, 5, 1, 12, 0, 0));
    const api = await startFakeApiServer({
      crds: [...(options.crds ?? ['project', 'istio', 'vpa'])],
      namespaces: [NS],
      now: () => new Date(clock.now()),
    });
    const h = new Harness(api, new KubeClient(api.kubeConfig()), clock, options);
    if (options.gateway === 'accepting') await h.gatewayVerdict({ accepted: true });
    await h.restartOperator(options.router);
    return h;
  }

  /**
   * A fresh operator over the same API server: nothing carried over in memory, caches listed and
   * watched anew (informers on real time; the rollout runs on the injected clock).
   */
  async restartOperator(router: TrafficRouterName = this.options.router ?? 'istio'): Promise<void> {
    await this.stopOperator();
    const api = new KubeClient(this.api.kubeConfig());
    this.informers = new SharedInformers(api);
    const client = ClusterClient.cached(api, this.informers);
    const events = new EventRecorder(api, { clock: this.clock });
    const locks = new ModelLocks();
    const created = createTrafficRouter(router, client);
    this.router = this.options.wrapRouter?.(created) ?? created;
    configureRolloutCaches(this.informers, {
      routes: this.router.routes,
      mesh: this.router.routes === 'istio',
    });
    this.caches = new CacheSync(this.api, this.informers);
    this.informers.start();
    await this.informers.waitForSync();
    this.aimodelReconciler = new AIModelReconciler({
      client,
      applier: new Applier(client),
      events,
      router: this.router,
      locks,
      clock: this.clock,
      ...(this.options.rollbackWindowMs === undefined
        ? {}
        : { rollbackWindowMs: this.options.rollbackWindowMs }),
    });
    this.versionReconciler = new ModelVersionReconciler({
      client,
      events,
      router: this.router,
      metricsProvider: this.metrics,
      locks,
      clock: this.clock,
      rolloutMetrics: this.rolloutMetrics,
    });
  }

  async stop(): Promise<void> {
    await this.stopOperator();
    await this.api.stop();
  }

  private async stopOperator(): Promise<void> {
    await this.informers?.stop();
    this.caches = undefined;
  }

  /** Waits until the operator's caches hold what the API server holds (every watch caught up). */
  async cachesSynced(): Promise<void> {
    await this.caches?.wait();
  }

  /**
   * Requests (not watches) from request number `from` on, as `verb resource name`: during a pass
   * only the operator sends any (the test's own changes come before or after), besides the status
   * writes of the gateway the test plays.
   */
  private operatorRequests(from: number): string[] {
    return this.api.requests
      .slice(from)
      .filter((r) => r.verb !== 'watch' && r.fieldManager !== GATEWAY_FIELD_MANAGER)
      .map((r) => `${r.verb} ${r.resource ?? r.path}${r.name === undefined ? '' : ` ${r.name}`}`);
  }

  async createModel(rollout: PromotionPolicy = policy(), name = MODEL): Promise<AIModel> {
    return this.client.create<AIModel & KubeObject>(AIMODEL, {
      apiVersion: 'ai.suoke.life/v1alpha1',
      kind: 'AIModel',
      metadata: { name, namespace: NS },
      spec: {
        agent: { name },
        framework: 'custom',
        engine: { image: 'ghcr.io/example/engine:1.0.0' },
        scaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 },
        rollout,
      },
    });
  }

  async createVersion(version: string, promotion?: PromotionPolicy, model = MODEL): Promise<ModelVersion> {
    return this.client.create<ModelVersion & KubeObject>(MODEL_VERSION, {
      apiVersion: 'ai.suoke.life/v1alpha1',
      kind: 'ModelVersion',
      metadata: { name: `${model}-${version}`, namespace: NS },
      spec: {
        modelRef: { name: model },
        version,
        artifact: { uri: `oci://registry.example.com/${model}:${version}` },
        ...(promotion === undefined ? {} : { promotion }),
      },
    });
  }

  version(version: string): Promise<ModelVersion & KubeObject> {
    return this.client.get(MODEL_VERSION, NS, `${MODEL}-${version}`);
  }

  model(): Promise<AIModel & KubeObject> {
    return this.client.get(AIMODEL, NS, MODEL);
  }

  async phase(version: string): Promise<string | undefined> {
    return (await this.version(version)).status?.phase;
  }

  async weights(): Promise<VersionWeight[]> {
    return this.router.getWeights({ namespace: NS, model: MODEL });
  }

  /** Sets `ai.suoke.life/action` as `kubectl annotate` would. */
  async annotate(kind: 'AIModel' | 'ModelVersion', name: string, action: string): Promise<void> {
    await this.client.patch(
      kind === 'AIModel' ? AIMODEL : MODEL_VERSION,
      NS,
      name,
      { metadata: { annotations: { 'ai.suoke.life/action': action } } },
      'merge',
    );
  }

  /** Names of the Deployments that exist. */
  async deployments(): Promise<string[]> {
    return this.api
      .list({ apiVersion: 'apps/v1', kind: 'Deployment' }, NS)
      .map((d) => d.metadata.name ?? '')
      .sort();
  }

  /** Events recorded about `name`, oldest first, as `reason: note`. */
  eventsFor(name: string): string[] {
    return this.api
      .list({ apiVersion: 'events.k8s.io/v1', kind: 'Event' }, NS)
      .filter((e) => (e['regarding'] as { name?: string } | undefined)?.name === name)
      .sort((a, b) => String(a['eventTime']).localeCompare(String(b['eventTime'])))
      .map((e) => `${String(e['reason'])}: ${String(e['note'])}`);
  }

  /** One reconcile of a ModelVersion, once the caches have caught up (as a queued one would run). */
  async reconcileVersion(request: { namespace: string; name: string }): Promise<{ requeueAfter?: number }> {
    await this.cachesSynced();
    return this.versionReconciler.reconcile(request);
  }

  /** One reconcile of an AIModel, once the caches have caught up. */
  async reconcileModel(request: { namespace: string; name: string }): Promise<{ requeueAfter?: number }> {
    await this.cachesSynced();
    return this.aimodelReconciler.reconcile(request);
  }

  /**
   * One pass: the AIModel, then every ModelVersion, each once the operator's caches have caught up
   * with the API server (as a queued reconcile would run after the event that queued it); returns
   * the shortest requeue asked for and records the operator's requests in {@link lastPassRequests}.
   */
  async pass(): Promise<number | undefined> {
    const from = this.api.requests.length;
    let requeue: number | undefined;
    const note = (r: { requeueAfter?: number } | void): void => {
      if (r?.requeueAfter !== undefined) requeue = Math.min(requeue ?? Infinity, r.requeueAfter);
    };
    await this.cachesSynced();
    note(await this.aimodelReconciler.reconcile({ namespace: NS, name: MODEL }));
    if (this.autoAvailable) this.markAvailable();
    await this.gateway.answer();
    const versions = this.api.list({ apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelVersion' }, NS);
    for (const mv of versions) {
      await this.cachesSynced();
      note(await this.versionReconciler.reconcile({ namespace: NS, name: mv.metadata.name ?? '' }));
      await this.gateway.answer();
    }
    this.lastPassRequests = this.operatorRequests(from);
    return requeue;
  }

  /**
   * Passes until one makes no API request at all, reads included (what the controllers would do on
   * their own: a pass that changes nothing costs the API server nothing).
   */
  async settle(maxPasses = 20): Promise<void> {
    for (let i = 0; i < maxPasses; i++) {
      await this.pass();
      if (this.lastPassRequests.length === 0) return;
    }
    throw new Error(
      `controllers did not settle within ${maxPasses} passes; requests of the last: ${this.lastPassRequests.join(', ')}`,
    );
  }

  /** Advances the clock by `ms` and settles. */
  async after(ms: number): Promise<void> {
    await this.clock.advance(ms);
    await this.settle();
  }

  /**
   * Plays the gateway: from now on every HTTPRoute's `status.parents` says `verdict` (one entry per
   * parentRef, at the route's generation, rewritten after each change of the route, as a gateway
   * does); undefined: the gateway stops reporting and withdraws its entries.
   */
  async gatewayVerdict(verdict: GatewayVerdict | undefined): Promise<void> {
    await this.gateway.say(verdict);
  }

  /** Plays the deployment controller: every Deployment that is not Available yet becomes so. */
  markAvailable(): void {
    for (const d of this.api.list({ apiVersion: 'apps/v1', kind: 'Deployment' }, NS)) {
      const conditions = (d['status'] as { conditions?: { type: string; status: string }[] } | undefined)
        ?.conditions;
      const observed = (d['status'] as { observedGeneration?: number } | undefined)?.observedGeneration ?? 0;
      const available = conditions?.some((c) => c.type === 'Available' && c.status === 'True');
      if (!available || observed < (d.metadata.generation ?? 0)) {
        this.api.setDeploymentAvailable(NS, d.metadata.name ?? '', true);
      }
    }
  }
}
