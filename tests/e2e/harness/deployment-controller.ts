/**
 * Plays the part of the Deployment controller and the kubelet, which the fake API server does not
 * have: for every Deployment the operator renders, it runs one "pod" (a stub engine standing in for
 * the engine container, and a real runtime process configured by the runtime container's rendered
 * environment), writes the Deployment's status through the API once the runtime answers /readyz,
 * and tells Prometheus where to scrape it (file-based service discovery, standing in for the
 * ServiceMonitor). Probes and scrapes go to the runtime's management port when the rendered
 * environment sets MANAGEMENT_PORT, as the kubelet and the ServiceMonitor would. A Deployment scaled
 * to zero or deleted loses its pod.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { StubEngine, type StubBehaviour } from '../../support/stub-engine.js';
import { DEPLOYMENTS, type KubeObject, type KubeRest } from './kube.js';
import { ManagedProcess } from './process.js';

export interface DeploymentControllerOptions {
  readonly kube: KubeRest;
  readonly namespace: string;
  /** File Prometheus reads its targets from (`file_sd_configs`); rewritten atomically on change. */
  readonly targetsFile: string;
  /** How often Deployments are listed (milliseconds). @default 200 */
  readonly pollMs?: number;
  /** Runtime `LOG_LEVEL`; at least info, which is where the runtime logs its port. @default 'info' */
  readonly runtimeLogLevel?: string;
  /**
   * Where the model's Service answers on loopback (see MeshProxy): the rendered SESSION_FORWARD_URL,
   * the Service's in-cluster URL, is pointed there, as cluster DNS and the sidecar would take it.
   * @default the rendered URL, which resolves nowhere here
   */
  readonly serviceUrl?: string;
}

/** Container env as rendered (only plain values are used here). */
interface EnvVar {
  readonly name: string;
  readonly value?: string;
}

interface DeploymentView extends KubeObject {
  spec?: {
    replicas?: number;
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { containers?: Array<{ name: string; env?: EnvVar[] }> };
    };
  };
  status?: { observedGeneration?: number };
}

/** One running pod of a Deployment. */
export interface Pod {
  readonly deployment: string;
  readonly version: string;
  /** Labels of the Deployment's pod template: what Services select the pod by. */
  readonly labels: Readonly<Record<string, string>>;
  readonly engine: StubEngine;
  readonly runtime: ManagedProcess;
  /** `http://127.0.0.1:port` of the runtime's API, once it listens. */
  url?: string;
  /** Where /readyz and /metrics are: the management port when there is one, else {@link url}. */
  managementUrl?: string;
  ready: boolean;
}

/**
 * Variables that point at mounted files (persona, keys, JWKS): no volumes are mounted here, so they
 * are left out rather than making the runtime refuse to start.
 */
const FILE_VARIABLE = /_FILE$/;

export class DeploymentController {
  private readonly pods = new Map<string, Pod>();
  private readonly engineBehaviour = new Map<string, Partial<StubBehaviour>>();
  private readonly reported = new Map<string, number>();
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;
  private lastTargets = '';
  /** Errors met while syncing (kept for diagnostics; syncing goes on). */
  readonly errors: string[] = [];

  constructor(private readonly options: DeploymentControllerOptions) {
    this.writeTargets();
  }

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.ticking = this.sync()
        .catch((error: unknown) => this.note(`sync: ${(error as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 200);
        });
    };
    loop();
  }

  /**
   * How the engine of `version` behaves, for pods running now and pods started later (e.g. a canary
   * whose engine fails 30% of its calls).
   */
  setEngine(version: string, behaviour: Partial<StubBehaviour>): void {
    this.engineBehaviour.set(version, { ...this.engineBehaviour.get(version), ...behaviour });
    for (const pod of this.pods.values()) if (pod.version === version) pod.engine.set(behaviour);
  }

  /**
   * What the engine of `version` answers, by the chat messages it is sent (a version that knows the
   * golden set, one that has regressed, a judge giving scores); `undefined` from `answer` leaves
   * that call to the engine's usual reply.
   */
  setAnswers(version: string, answer: NonNullable<StubBehaviour['answer']>): void {
    this.setEngine(version, { answer });
  }

  /** Keeps the pods of `version` unready, as a model still loading would be, until released. */
  holdReadiness(version: string): void {
    this.held.add(version);
  }

  releaseReadiness(version: string): void {
    this.held.delete(version);
  }

  /** Runtime URLs of the ready pods of `version`: the endpoints of its Istio subset. */
  endpoints(version: string): string[] {
    return [...this.pods.values()]
      .filter((p) => p.version === version && p.ready && p.url !== undefined)
      .map((p) => p.url!);
  }

  /**
   * Runtime URLs of the ready pods whose labels include every one of `selector`: the endpoints of a
   * Service with that selector, as kube-proxy would pick from.
   */
  endpointsMatching(selector: Readonly<Record<string, string>>): string[] {
    const entries = Object.entries(selector);
    return [...this.pods.values()]
      .filter((p) => p.ready && p.url !== undefined && entries.every(([k, v]) => p.labels[k] === v))
      .map((p) => p.url!);
  }

  /** Pods running now, by Deployment name. */
  running(): string[] {
    return [...this.pods.keys()].sort();
  }

  pod(deployment: string): Pod | undefined {
    return this.pods.get(deployment);
  }

  /** Output of every runtime, for failure messages. */
  diagnostics(): string {
    return [...this.pods.values()].map((p) => p.runtime.tail(15)).join('\n');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all([...this.pods.keys()].map((name) => this.removePod(name)));
  }

  private async sync(): Promise<void> {
    const { kube, namespace } = this.options;
    const deployments = await kube.list<DeploymentView>(DEPLOYMENTS, namespace);
    const wanted = new Set<string>();
    for (const d of deployments) {
      const name = d.metadata.name;
      if (d.metadata.deletionTimestamp !== undefined || d.spec?.replicas === 0) continue;
      wanted.add(name);
      if (!this.pods.has(name)) this.startPod(d);
    }
    for (const name of [...this.pods.keys()]) if (!wanted.has(name)) await this.removePod(name);
    this.writeTargets();
    for (const d of deployments) await this.report(d);
  }

  private startPod(d: DeploymentView): void {
    const name = d.metadata.name;
    const version = d.metadata.labels?.['version'];
    if (version === undefined) {
      this.note(`Deployment ${name} has no version label; not started`);
      return;
    }
    const containers = d.spec?.template?.spec?.containers ?? [];
    const runtimeContainer = containers.find((c) => c.name === 'runtime') ?? containers[0];
    const env: Record<string, string> = {};
    for (const v of runtimeContainer?.env ?? []) {
      if (v.value !== undefined && !FILE_VARIABLE.test(v.name)) env[v.name] = v.value;
    }
    const behaviour = this.engineBehaviour.get(version) ?? {};
    // The pod is registered at once (so the next poll does not start a second one) and made
    // reachable once its engine listens and its runtime reports its port.
    const pod: Pod = {
      deployment: name,
      version,
      labels: d.spec?.template?.metadata?.labels ?? d.metadata.labels ?? {},
      engine: undefined as unknown as StubEngine,
      runtime: undefined as unknown as ManagedProcess,
      ready: false,
    };
    this.pods.set(name, pod);
    void StubEngine.start(behaviour).then(
      (engine) => {
        (pod as { engine: StubEngine }).engine = engine;
        if (this.pods.get(name) !== pod) return void engine.close();
        (pod as { runtime: ManagedProcess }).runtime = new ManagedProcess({
          name: `runtime ${name}`,
          script: 'runtime/main.ts',
          env: {
            ...env,
            // Loopback, free ports: many pods share this host.
            HOST: '127.0.0.1',
            PORT: '0',
            ...(env.MANAGEMENT_PORT === undefined ? {} : { MANAGEMENT_PORT: '0' }),
            ENGINE_BASE_URL: engine.baseUrl,
            ...(env.SESSION_FORWARD_URL === undefined || this.options.serviceUrl === undefined
              ? {}
              : { SESSION_FORWARD_URL: this.options.serviceUrl }),
            // The stub spreads its failures evenly, so a retry of a failed call always succeeds and
            // would hide a broken engine; a broken model fails the same request again in reality.
            ENGINE_MAX_RETRIES: '0',
            DRAIN_TIMEOUT_MS: '2000',
            LOG_LEVEL: this.options.runtimeLogLevel ?? 'info',
          },
        });
        void this.whenReady(pod);
      },
      (error: unknown) => this.note(`engine of ${name}: ${(error as Error).message}`),
    );
  }

  private async whenReady(pod: Pod): Promise<void> {
    try {
      // The runtime listens on ports of its choosing (PORT=0, MANAGEMENT_PORT=0) and logs them.
      const line = await pod.runtime.waitForJson((l) => l['msg'] === 'listening', 60_000, 'listening');
      pod.url = `http://127.0.0.1:${String(line['port'])}`;
      pod.managementUrl =
        line['managementPort'] === undefined ? pod.url : `http://127.0.0.1:${String(line['managementPort'])}`;
      for (;;) {
        if (this.pods.get(pod.deployment) !== pod || !pod.runtime.running) return;
        const ok = await fetch(`${pod.managementUrl}/readyz`, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok)
          .catch(() => false);
        if (ok && !this.held.has(pod.version)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      pod.ready = true;
      this.writeTargets();
    } catch (error) {
      this.note(`pod ${pod.deployment}: ${(error as Error).message}`);
    }
  }

  private async removePod(name: string): Promise<void> {
    const pod = this.pods.get(name);
    if (pod === undefined) return;
    this.pods.delete(name);
    this.reported.delete(name);
    pod.ready = false;
    this.writeTargets();
    await pod.runtime?.stop('SIGTERM', 5000);
    await pod.engine?.close();
  }

  /** Writes the Deployment's status as the Deployment controller would, when it changed. */
  private async report(d: DeploymentView): Promise<void> {
    const name = d.metadata.name;
    const pod = this.pods.get(name);
    const generation = d.metadata.generation ?? 0;
    const wanted = d.spec?.replicas ?? 1;
    const available = pod?.ready === true ? 1 : 0;
    const key = generation * 10 + available;
    if (this.reported.get(name) === key && d.status?.observedGeneration === generation) return;
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ok = wanted === 0 || available > 0;
    const status = {
      observedGeneration: generation,
      replicas: available,
      updatedReplicas: available,
      readyReplicas: available,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, wanted - available) || null,
      conditions: [
        {
          type: 'Available',
          status: ok ? 'True' : 'False',
          reason: ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message: ok
            ? 'Deployment has minimum availability.'
            : 'Deployment does not have minimum availability.',
          lastUpdateTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: ok ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
          message: `ReplicaSet "${name}" is progressing.`,
          lastUpdateTime: now,
          lastTransitionTime: now,
        },
      ],
    };
    try {
      await this.options.kube.mergePatch(DEPLOYMENTS, this.options.namespace, name, { status }, 'status');
      this.reported.set(name, key);
    } catch (error) {
      this.note(`status of Deployment ${name}: ${(error as Error).message}`);
    }
  }

  /** Prometheus file_sd targets: every ready pod, with the labels the ServiceMonitor would add. */
  private writeTargets(): void {
    const groups = [...this.pods.values()]
      .filter((p) => p.ready && p.managementUrl !== undefined)
      .map((p) => ({
        targets: [p.managementUrl!.replace('http://', '')],
        labels: { namespace: this.options.namespace, pod: p.deployment },
      }));
    const text = JSON.stringify(groups);
    if (text === this.lastTargets) return;
    this.lastTargets = text;
    const tmp = `${this.options.targetsFile}.tmp`;
    writeFileSync(tmp, text);
    // Prometheus reads the file on change; a rename makes the change atomic.
    renameSync(tmp, this.options.targetsFile);
  }

  private note(message: string): void {
    this.errors.push(`${new Date().toISOString()} ${message}`);
    if (this.errors.length > 200) this.errors.shift();
  }
}
