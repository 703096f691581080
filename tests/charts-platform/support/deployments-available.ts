/**
 * Plays the Deployment controller for Deployments whose pods the test runs itself: every
 * Deployment of the namespace is reported Available at its current generation, as soon as it
 * exists and again after each change, which is all the operator reads of a workload.
 */
import { DEPLOYMENTS, type KubeObject, type KubeRest } from '../../e2e/harness/kube.js';

interface DeploymentView extends KubeObject {
  status?: { observedGeneration?: number };
}

export class DeploymentsAvailable {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Errors met while reporting (for failure messages; reporting goes on). */
  readonly errors: string[] = [];

  constructor(
    private readonly kube: KubeRest,
    private readonly namespace: string,
    /** How often Deployments are listed (milliseconds). */
    private readonly pollMs = 100,
  ) {}

  start(): this {
    const loop = (): void => {
      if (this.stopped) return;
      this.ticking = this.report()
        .catch((error: unknown) => void this.errors.push((error as Error).message))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.pollMs);
        });
    };
    loop();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }

  private async report(): Promise<void> {
    for (const d of await this.kube.list<DeploymentView>(DEPLOYMENTS, this.namespace)) {
      const generation = d.metadata.generation ?? 0;
      if (d.status?.observedGeneration === generation) continue;
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const status = {
        observedGeneration: generation,
        replicas: 1,
        updatedReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
        ],
      };
      await this.kube.mergePatch(DEPLOYMENTS, this.namespace, d.metadata.name, { status }, 'status');
    }
  }
}
