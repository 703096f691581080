/**
 * Plays the part of the Job controller, the kubelet, cluster DNS and kube-proxy for evaluation Jobs
 * (label `ai.suoke.life/evaluation`), which the fake API server does not have: for every new Job it
 * creates the Job's Pod, mounts the pod's ConfigMap and Secret volumes as files (a temporary folder
 * per pod), points the container's Service URLs (`http://<service>.<namespace>.svc.cluster.local`)
 * at the ready runtime pods the Service selects (see DeploymentController), and runs the container's
 * program — the evaluation program, `runtime/eval/main.ts`, with the container's environment.
 * When it exits, the Pod's status gets the container's termination (exit code, reason, and the
 * termination message: what the program wrote to its result file), and then the Job's status
 * gets what Kubernetes 1.32 writes (SuccessCriteriaMet then Complete, or FailureTarget then Failed;
 * succeeded/failed counts; start and completion times). `activeDeadlineSeconds` is enforced as the
 * Job controller does (the pod is killed, the Job fails with DeadlineExceeded). A deleted Job's
 * program is killed. With `sidecars` (a mesh), every pod also has an Istio proxy that keeps it
 * running until its `/quitquitquit` is POSTed, as a pod in an injected namespace would.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EVALUATION_LABEL } from '../../../crds/api/labels.js';
import type { DeploymentController } from './deployment-controller.js';
import { KubeError, SERVICES, type KubeObject, type KubeRest, type Resource } from './kube.js';
import { ManagedProcess } from './process.js';

export const JOBS: Resource = { apiVersion: 'batch/v1', plural: 'jobs' };
export const PODS: Resource = { apiVersion: 'v1', plural: 'pods' };
export const CONFIG_MAPS: Resource = { apiVersion: 'v1', plural: 'configmaps' };
export const SECRETS: Resource = { apiVersion: 'v1', plural: 'secrets' };

/** The program a Job's container runs here, whatever its image and command say. */
const EVALUATION_PROGRAM = 'runtime/eval/main.ts';
/** A termination message holds at most this much of the file (the kubelet's limit). */
const MAX_TERMINATION_MESSAGE_BYTES = 4096;
/** Where a pod's Istio proxy listens for `/quitquitquit`, as pods see it. */
const SIDECAR_ADMIN = /^http:\/\/(127\.0\.0\.1|localhost):15020(\/.*)?$/;
/** A Service URL as cluster DNS resolves it. */
const SERVICE_URL = /^(https?):\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::\d+)?(\/.*)?$/;
/** Where a name without endpoints (or without a Service) is sent: nothing listens there, as nothing answers a Service without endpoints. */
const NO_ENDPOINT = 'http://127.0.0.1:1';

export interface JobControllerOptions {
  readonly kube: KubeRest;
  readonly namespace: string;
  /** The runtime pods Services resolve to. */
  readonly pods: DeploymentController;
  /** Where pods' volumes and termination message files go. */
  readonly dir: string;
  /** Pods have an Istio proxy (the mesh injects one). @default false */
  readonly sidecars?: boolean;
  /** How often Jobs are listed (milliseconds). @default 200 */
  readonly pollMs?: number;
}

interface EnvVar {
  readonly name: string;
  readonly value?: string;
}

interface VolumeMount {
  readonly name: string;
  readonly mountPath: string;
}

interface KeyToPath {
  readonly key: string;
  readonly path: string;
}

interface Volume {
  readonly name: string;
  readonly configMap?: { name: string; items?: KeyToPath[]; optional?: boolean };
  readonly secret?: { secretName: string; items?: KeyToPath[]; optional?: boolean };
}

interface Container {
  readonly name: string;
  readonly image?: string;
  readonly env?: EnvVar[];
  readonly volumeMounts?: VolumeMount[];
}

interface JobView extends KubeObject {
  spec?: {
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: { containers?: Container[]; volumes?: Volume[]; [field: string]: unknown };
    };
  };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

interface ServiceView extends KubeObject {
  spec?: { selector?: Record<string, string> };
}

/** How a run ended, as the Job controller reports it. */
export type RunOutcome = 'Succeeded' | 'Failed' | 'DeadlineExceeded' | 'Deleted';

/** One evaluation Job and the pod playing it. */
export interface EvaluationRun {
  readonly job: string;
  readonly uid: string;
  readonly pod: string;
  /** The Job's pod template labels (gate, model, version labels). */
  readonly labels: Readonly<Record<string, string>>;
  /** The container's environment as rendered (before Service URLs and mounts are resolved). */
  readonly declaredEnv: Readonly<Record<string, string>>;
  /** What the program was started with. */
  env?: Readonly<Record<string, string>>;
  process?: ManagedProcess;
  /** Exit code of the program (128 + signal for a killed one). */
  exitCode?: number;
  /** The termination message: what the program left in its result file. */
  terminationMessage?: string;
  /** The pod's Istio proxy was told to quit. */
  quitRequested: boolean;
  /** Set once the Job's final status is written (or the Job is gone). */
  outcome?: RunOutcome;
}

interface RunState extends EvaluationRun {
  startedAt: string;
  deadline?: NodeJS.Timeout;
  /** Mounts could not be made yet (a required ConfigMap or Secret is missing); tried again each poll. */
  waitingFor?: string;
  job$: JobView;
  /** The program exited and the exit handlers are done: the pod may report it. */
  exitHandled?: boolean;
  finishing?: Promise<void>;
}

export class JobController {
  private readonly runs = new Map<string, RunState>();
  /** Jobs that cannot be run (no container), noted once. */
  private readonly refused = new Set<string>();
  private readonly exitHandlers = new Set<(run: EvaluationRun) => void | Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;
  private readonly sidecar: Server;
  private sidecarUrl = '';
  /** Errors met while syncing (kept for diagnostics; syncing goes on). */
  readonly errors: string[] = [];

  constructor(private readonly options: JobControllerOptions) {
    // One server plays every pod's Istio proxy admin port; the path says which pod.
    this.sidecar = createServer((req, res) => {
      const uid = /^\/([^/]+)\/quitquitquit$/.exec(req.url ?? '')?.[1];
      const run = [...this.runs.values()].find((r) => r.uid === uid);
      if (req.method !== 'POST' || run === undefined) {
        res.writeHead(404).end();
        return;
      }
      run.quitRequested = true;
      res.writeHead(200).end('OK');
      if (run.exitHandled === true) void this.finish(run);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.sidecar.once('error', reject);
      this.sidecar.listen(0, '127.0.0.1', () => resolve());
    });
    this.sidecarUrl = `http://127.0.0.1:${(this.sidecar.address() as AddressInfo).port}`;
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
   * Calls `handler` (and waits for it) each time a run's program exits, before its pod and Job say
   * so: nothing in the cluster knows the result yet, so the evaluated runtimes are exactly as the
   * run left them (e.g. to read their metrics). Returns a function that removes the handler.
   */
  onExit(handler: (run: EvaluationRun) => void | Promise<void>): () => void {
    this.exitHandlers.add(handler);
    return () => this.exitHandlers.delete(handler);
  }

  /** Every run seen, oldest first. */
  all(): EvaluationRun[] {
    return [...this.runs.values()];
  }

  /** The run of the Job named `job` (the latest, should a Job of that name be created again). */
  run(job: string): EvaluationRun | undefined {
    return this.all().findLast((r) => r.job === job);
  }

  /** Output of every run's program, for failure messages. */
  diagnostics(): string {
    return [...this.runs.values()]
      .map(
        (r) =>
          `Job ${r.job}: ${r.outcome ?? (r.waitingFor === undefined ? 'running' : `waiting for ${r.waitingFor}`)}` +
          (r.exitCode === undefined ? '' : ` (exit ${r.exitCode}) message ${r.terminationMessage ?? ''}`) +
          (r.process === undefined ? '' : `\n${r.process.tail(10)}`),
      )
      .join('\n');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    for (const run of this.runs.values()) clearTimeout(run.deadline);
    await Promise.all([...this.runs.values()].map((r) => r.process?.stop('SIGTERM', 2000)));
    this.sidecar.closeAllConnections();
    await new Promise<void>((resolve) => this.sidecar.close(() => resolve()));
  }

  private get waiting(): RunState[] {
    return [...this.runs.values()].filter((r) => r.waitingFor !== undefined && r.outcome === undefined);
  }

  private async sync(): Promise<void> {
    const { kube, namespace } = this.options;
    const jobs = await kube.list<JobView>(JOBS, namespace, EVALUATION_LABEL);
    const present = new Set<string>();
    for (const job of jobs) {
      const uid = job.metadata.uid!;
      if (job.metadata.deletionTimestamp !== undefined) continue;
      present.add(uid);
      if (!this.runs.has(uid) && !finished(job)) await this.create(job);
    }
    for (const run of this.runs.values()) {
      if (!present.has(run.uid) && run.outcome === undefined) await this.deleted(run);
    }
    for (const run of this.waiting) await this.launch(run);
  }

  /** A new Job: its pod is created, Pending until its volumes can be mounted, then Running. */
  private async create(job: JobView): Promise<void> {
    const name = job.metadata.name;
    const template = job.spec?.template ?? {};
    const containers = template.spec?.containers ?? [];
    const container = containers.find((c) => c.name === 'eval') ?? containers[0];
    if (container === undefined) {
      if (!this.refused.has(job.metadata.uid!)) this.note(`Job ${name} has no container; not run`);
      this.refused.add(job.metadata.uid!);
      return;
    }
    if ((job.spec?.backoffLimit ?? 6) !== 0)
      this.note(
        `Job ${name}: backoffLimit ${job.spec?.backoffLimit ?? 'unset (6)'}; only one pod is run here`,
      );
    const declaredEnv: Record<string, string> = {};
    for (const v of container.env ?? []) if (v.value !== undefined) declaredEnv[v.name] = v.value;
    const labels = {
      ...template.metadata?.labels,
      'batch.kubernetes.io/controller-uid': job.metadata.uid!,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': job.metadata.uid!,
      'job-name': name,
    };
    const pod = `${name}-${suffix()}`;
    const run: RunState = {
      job: name,
      uid: job.metadata.uid!,
      pod,
      labels,
      declaredEnv,
      quitRequested: false,
      startedAt: now(),
      waitingFor: 'volumes',
      job$: job,
    };
    this.runs.set(run.uid, run);
    try {
      await this.options.kube.create(PODS, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: pod,
          namespace: this.options.namespace,
          labels,
          ...(template.metadata?.annotations === undefined
            ? {}
            : { annotations: template.metadata.annotations }),
          ownerReferences: [
            {
              apiVersion: 'batch/v1',
              kind: 'Job',
              name,
              uid: run.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: { ...template.spec, nodeName: 'e2e-node' },
      });
      await this.writeJobStatus(run, { startTime: run.startedAt, active: 1, ready: 0, terminating: 0 });
      await this.writePodStatus(run, {
        phase: 'Pending',
        containerStatuses: this.containerNames(container).map((c) => ({
          name: c,
          image: c === container.name ? (container.image ?? '') : 'istio/proxyv2',
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        })),
      });
    } catch (error) {
      this.note(`pod of Job ${name}: ${(error as Error).message}`);
    }
    const deadline = job.spec?.activeDeadlineSeconds;
    if (deadline !== undefined) {
      run.deadline = setTimeout(() => void this.deadlineExceeded(run), deadline * 1000);
    }
    await this.launch(run);
  }

  /** Mounts the pod's volumes and starts its program; stays Pending while a required source is missing. */
  private async launch(run: RunState): Promise<void> {
    if (run.outcome !== undefined || run.process !== undefined) return;
    const template = run.job$.spec?.template ?? {};
    const containers = template.spec?.containers ?? [];
    const container = containers.find((c) => c.name === 'eval') ?? containers[0]!;
    const podDir = join(this.options.dir, 'pods', run.pod);
    const mounts = new Map<string, string>();
    for (const mount of container.volumeMounts ?? []) {
      const volume = (template.spec?.volumes ?? []).find((v) => v.name === mount.name);
      if (volume === undefined) continue;
      const target = join(podDir, 'volumes', mount.name);
      const missing = await this.mount(volume, target);
      if (missing !== undefined) {
        run.waitingFor = missing;
        return;
      }
      mounts.set(mount.mountPath.replace(/\/$/, ''), target);
    }
    run.waitingFor = undefined;
    const resultFile = join(podDir, 'termination-log');
    writeFileSync(resultFile, '');
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(run.declaredEnv)) {
      env[name] = await this.resolve(run, value, mounts);
    }
    // The container's termination message file, wherever the pod would have it.
    env['EVAL_RESULT_FILE'] = resultFile;
    run.env = env;
    run.process = new ManagedProcess({ name: `evaluation ${run.job}`, script: EVALUATION_PROGRAM, env });
    await this.writeJobStatus(run, { startTime: run.startedAt, active: 1, ready: 1, terminating: 0 });
    await this.writePodStatus(run, {
      phase: 'Running',
      startTime: run.startedAt,
      conditions: podConditions(true),
      containerStatuses: this.containerNames(container).map((c) => ({
        name: c,
        image: c === container.name ? (container.image ?? '') : 'istio/proxyv2',
        imageID: '',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: run.startedAt } },
      })),
    });
    void run.process.exited.then(async ({ code, signal }) => {
      if (run.outcome !== undefined) return;
      run.exitCode = code ?? 128 + signalNumber(signal);
      run.terminationMessage = readTerminationMessage(resultFile);
      for (const handler of this.exitHandlers) {
        await Promise.resolve(handler(run)).catch((error: unknown) =>
          this.note(`exit handler of Job ${run.job}: ${(error as Error).message}`),
        );
      }
      run.exitHandled = true;
      // With a proxy beside it, the pod runs on until the proxy is told to quit.
      if (this.options.sidecars !== true || run.quitRequested) await this.finish(run);
    });
  }

  /**
   * Writes the volume's files under `target` (ConfigMap `data`/`binaryData`, Secret `data`/`stringData`;
   * `items` picks and renames keys); returns what is missing when the pod cannot start without it.
   */
  private async mount(volume: Volume, target: string): Promise<string | undefined> {
    const { kube, namespace } = this.options;
    const source = volume.configMap ?? volume.secret;
    if (source === undefined) return undefined;
    const isSecret = volume.secret !== undefined;
    const name = isSecret ? volume.secret!.secretName : volume.configMap!.name;
    const what = `${isSecret ? 'Secret' : 'ConfigMap'} ${name}`;
    const object = await kube.get(isSecret ? SECRETS : CONFIG_MAPS, namespace, name);
    mkdirSync(target, { recursive: true });
    if (object === undefined) return source.optional === true ? undefined : what;
    const files = new Map<string, Buffer>();
    const data = (object['data'] ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(data)) {
      files.set(key, isSecret ? Buffer.from(value, 'base64') : Buffer.from(value));
    }
    const other = (object[isSecret ? 'stringData' : 'binaryData'] ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(other)) {
      files.set(key, isSecret ? Buffer.from(value) : Buffer.from(value, 'base64'));
    }
    const items = source.items ?? [...files.keys()].map((key) => ({ key, path: key }));
    for (const item of items) {
      const content = files.get(item.key);
      if (content === undefined) {
        if (source.optional === true) continue;
        return `key ${item.key} of ${what}`;
      }
      const file = join(target, item.path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, content);
    }
    return undefined;
  }

  /** An environment value as the program sees it here: Service URLs to pods, mounted paths to files. */
  private async resolve(run: RunState, value: string, mounts: ReadonlyMap<string, string>): Promise<string> {
    if (SIDECAR_ADMIN.test(value)) return `${this.sidecarUrl}/${run.uid}/quitquitquit`;
    for (const [mountPath, dir] of mounts) {
      if (value === mountPath || value.startsWith(`${mountPath}/`))
        return dir + value.slice(mountPath.length);
    }
    const service = SERVICE_URL.exec(value);
    if (service === null) return value;
    const [, , name, namespace, path] = service;
    return `${await this.endpointOf(run, name!, namespace!)}${path ?? ''}`;
  }

  /**
   * Where a connection to the Service goes: one of the ready pods its selector picks (each version
   * runs one pod here). A Service that does not exist or selects no ready pod gets an address
   * nothing listens on, so the program meets the connection error it would meet in a cluster.
   */
  private async endpointOf(run: RunState, name: string, namespace: string): Promise<string> {
    const service = await this.options.kube.get<ServiceView>(SERVICES, namespace, name);
    const selector = service?.spec?.selector;
    const endpoints = selector === undefined ? [] : this.options.pods.endpointsMatching(selector);
    if (endpoints.length > 0) return endpoints[0]!;
    this.note(
      `Job ${run.job}: ${service === undefined ? `Service ${namespace}/${name} does not exist` : `Service ${namespace}/${name} has no ready endpoint`}`,
    );
    return NO_ENDPOINT;
  }

  private containerNames(container: Container): string[] {
    return this.options.sidecars === true ? [container.name, 'istio-proxy'] : [container.name];
  }

  private async finish(run: RunState): Promise<void> {
    run.finishing ??= this.report(run);
    await run.finishing;
  }

  /** The pod's termination, then the Job's verdict, as the kubelet and the Job controller write them. */
  private async report(run: RunState, deadlineExceeded = false): Promise<void> {
    if (run.outcome !== undefined) return;
    clearTimeout(run.deadline);
    const finishedAt = now();
    const code = run.exitCode ?? 137;
    const succeeded = code === 0 && !deadlineExceeded;
    const template = run.job$.spec?.template ?? {};
    const container = (template.spec?.containers ?? []).find((c) => c.name === 'eval') ??
      template.spec?.containers?.[0] ?? { name: 'eval' };
    const terminated = (name: string, exitCode: number, message?: string) => ({
      name,
      image: name === container.name ? (container.image ?? '') : 'istio/proxyv2',
      imageID: '',
      ready: false,
      restartCount: 0,
      started: false,
      state: {
        terminated: {
          exitCode,
          reason: exitCode === 0 ? 'Completed' : 'Error',
          ...(message === undefined || message === '' ? {} : { message }),
          startedAt: run.startedAt,
          finishedAt,
        },
      },
    });
    const statuses = [terminated(container.name, code, run.terminationMessage)];
    if (this.options.sidecars === true) statuses.push(terminated('istio-proxy', deadlineExceeded ? 137 : 0));
    await this.writePodStatus(run, {
      phase: succeeded ? 'Succeeded' : 'Failed',
      ...(deadlineExceeded
        ? {
            reason: 'DeadlineExceeded',
            message: 'Pod was active on the node longer than the specified deadline',
          }
        : {}),
      startTime: run.startedAt,
      conditions: podConditions(false),
      containerStatuses: statuses,
    });
    const [reason, message] = succeeded
      ? ['CompletionsReached', 'Reached expected number of succeeded pods']
      : deadlineExceeded
        ? ['DeadlineExceeded', 'Job was active longer than specified deadline']
        : ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'];
    const condition = (type: string) => ({
      type,
      status: 'True',
      reason,
      message,
      lastProbeTime: finishedAt,
      lastTransitionTime: finishedAt,
    });
    const counts = { active: 0, ready: 0, terminating: 0, ...(succeeded ? { succeeded: 1 } : { failed: 1 }) };
    const interim = condition(succeeded ? 'SuccessCriteriaMet' : 'FailureTarget');
    // First the criterion, then (pods gone) the terminal condition, in two writes as 1.32 does.
    await this.writeJobStatus(run, { startTime: run.startedAt, ...counts, conditions: [interim] });
    await this.writeJobStatus(run, {
      startTime: run.startedAt,
      ...counts,
      ...(succeeded ? { completionTime: finishedAt } : {}),
      conditions: [interim, condition(succeeded ? 'Complete' : 'Failed')],
    });
    run.outcome = succeeded ? 'Succeeded' : deadlineExceeded ? 'DeadlineExceeded' : 'Failed';
  }

  private async deadlineExceeded(run: RunState): Promise<void> {
    if (run.outcome !== undefined || run.finishing !== undefined) return;
    run.finishing = (async () => {
      await run.process?.stop('SIGTERM', 2000);
      run.exitCode ??= 143;
      await this.report(run, true);
    })();
    await run.finishing;
  }

  private async deleted(run: RunState): Promise<void> {
    run.outcome = 'Deleted';
    clearTimeout(run.deadline);
    await run.process?.stop('SIGTERM', 2000);
  }

  private async writeJobStatus(run: RunState, status: Record<string, unknown>): Promise<void> {
    if (run.outcome !== undefined) return;
    try {
      await this.options.kube.mergePatch(JOBS, this.options.namespace, run.job, { status }, 'status');
    } catch (error) {
      if (!(error instanceof KubeError && error.status === 404))
        this.note(`status of Job ${run.job}: ${(error as Error).message}`);
    }
  }

  private async writePodStatus(run: RunState, status: Record<string, unknown>): Promise<void> {
    if (run.outcome !== undefined) return;
    try {
      await this.options.kube.mergePatch(PODS, this.options.namespace, run.pod, { status }, 'status');
    } catch (error) {
      if (!(error instanceof KubeError && error.status === 404))
        this.note(`status of Pod ${run.pod}: ${(error as Error).message}`);
    }
  }

  private note(message: string): void {
    this.errors.push(`${new Date().toISOString()} ${message}`);
    if (this.errors.length > 200) this.errors.shift();
  }
}

function finished(job: JobView): boolean {
  return (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

function podConditions(running: boolean): Array<Record<string, string>> {
  const at = now();
  const ready = running ? 'True' : 'False';
  return [
    { type: 'PodReadyToStartContainers', status: ready, lastTransitionTime: at },
    { type: 'Initialized', status: 'True', lastTransitionTime: at },
    { type: 'Ready', status: ready, lastTransitionTime: at, ...(running ? {} : { reason: 'PodCompleted' }) },
    {
      type: 'ContainersReady',
      status: ready,
      lastTransitionTime: at,
      ...(running ? {} : { reason: 'PodCompleted' }),
    },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: at },
  ];
}

function readTerminationMessage(file: string): string {
  try {
    const bytes = readFileSync(file);
    return bytes.subarray(0, MAX_TERMINATION_MESSAGE_BYTES).toString('utf8');
  } catch {
    return '';
  }
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? 0 : (SIGNALS[signal] ?? 0);
}

/** Seconds-precision RFC 3339, as the API's times are. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Five characters of the alphabet Kubernetes generates pod name suffixes from. */
function suffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}
