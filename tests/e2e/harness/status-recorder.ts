/**
 * Records how a ModelVersion's status moves, as `kubectl get mv -w` would show it: every distinct
 * (phase, stage, currentStep, canaryWeight) seen, with its time. Polls, so a state that lasts less than
 * one poll may be missed; what it does see is in order.
 */
import { MODEL_VERSIONS, type KubeObject, type KubeRest } from './kube.js';

export interface VersionStatus {
  phase?: string;
  strategy?: string;
  /** Shadow, Preview, Experiment or Canary while Progressing or Paused. */
  stage?: string;
  routing?: { matches?: unknown[]; mirrorPercent?: number };
  experiment?: {
    startedAt: string;
    endsAt: string;
    metrics?: Array<{
      name: string;
      analyses: number;
      candidate?: number;
      stable?: number;
      lastCandidate?: number;
      lastStable?: number;
    }>;
  };
  currentStep?: number;
  canaryWeight?: number;
  /** The candidate's share of the live requests, percent, as the last analysis measured it. */
  requestShare?: number;
  failedChecks?: number;
  inconclusiveChecks?: number;
  message?: string;
  stepStartedAt?: string;
  lastAnalysisAt?: string;
  promotedAt?: string;
  finishedAt?: string;
  analysis?: Array<{
    time: string;
    step: number;
    weight: number;
    requestShare?: number;
    verdict: string;
    metrics?: Array<{ name: string; value?: number; stableValue?: number; verdict: string; reason?: string }>;
  }>;
  conditions?: Array<{ type: string; status: string; reason: string }>;
}

export interface ModelVersionView extends KubeObject {
  status?: VersionStatus;
}

export interface StatusSample {
  readonly at: number;
  readonly phase: string | undefined;
  readonly stage: string | undefined;
  readonly currentStep: number | undefined;
  readonly canaryWeight: number | undefined;
}

export class StatusRecorder {
  readonly samples: StatusSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly kube: KubeRest,
    private readonly namespace: string,
    private readonly name: string,
    private readonly pollMs = 100,
  ) {}

  start(): this {
    const loop = (): void => {
      if (this.stopped) return;
      this.reading = this.read().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.pollMs);
      });
    };
    loop();
    return this;
  }

  async stop(): Promise<StatusSample[]> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
    return this.samples;
  }

  private async read(): Promise<void> {
    const mv = await this.kube
      .get<ModelVersionView>(MODEL_VERSIONS, this.namespace, this.name)
      .catch(() => undefined);
    if (mv === undefined) return;
    const s = mv.status ?? {};
    const last = this.samples.at(-1);
    if (
      last?.phase === s.phase &&
      last?.stage === s.stage &&
      last?.currentStep === s.currentStep &&
      last?.canaryWeight === s.canaryWeight
    )
      return;
    this.samples.push({
      at: Date.now(),
      phase: s.phase,
      stage: s.stage,
      currentStep: s.currentStep,
      canaryWeight: s.canaryWeight,
    });
  }
}
