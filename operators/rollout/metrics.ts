/**
 * The operator's rollout metrics, ready for the ModelVersion controller to update from each
 * decision. Registered on the operator's registry (OperatorMetrics.registry) so they appear on its
 * `/metrics` beside the controller-runtime series.
 *
 * - `ai_rollout_phase{namespace,model,version,phase}`: 1 for the phase a version is in, 0 for the
 *   others (kube-state-metrics style, so `== 1` selects the current phase).
 * - `ai_rollout_canary_weight{namespace,model,version}`: percent of traffic the version should get.
 * - `ai_rollout_analysis_total{namespace,model,result}`: analyses by verdict (Passed, Failed, Inconclusive).
 * - `ai_rollout_duration_seconds{namespace,model,outcome}`: from the start of Deploying to the end
 *   of the rollout, by outcome (Promoted, RolledBack, Failed).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { MODEL_VERSION_PHASES, type ModelVersionPhase } from '../../crds/api/index.js';
import type { Verdict } from '../analysis/types.js';

/** Buckets of rollout durations (seconds): 1 minute to 4 hours. */
export const ROLLOUT_DURATION_BUCKETS: readonly number[] = Object.freeze([
  60, 120, 300, 600, 900, 1800, 3600, 7200, 14400,
]);

/** Who a series is about. */
export interface RolloutSubject {
  readonly namespace: string;
  /** The AIModel's name. */
  readonly model: string;
  /** ModelVersion.spec.version. */
  readonly version: string;
}

export class RolloutMetrics {
  readonly phase: Gauge<'namespace' | 'model' | 'version' | 'phase'>;
  readonly canaryWeight: Gauge<'namespace' | 'model' | 'version'>;
  readonly analysisTotal: Counter<'namespace' | 'model' | 'result'>;
  readonly duration: Histogram<'namespace' | 'model' | 'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.phase = new Gauge({
      name: 'ai_rollout_phase',
      help: 'Rollout phase of a model version: 1 for the current phase, 0 for the others.',
      labelNames: ['namespace', 'model', 'version', 'phase'],
      registers,
    });
    this.canaryWeight = new Gauge({
      name: 'ai_rollout_canary_weight',
      help: 'Percent of traffic a model version should get.',
      labelNames: ['namespace', 'model', 'version'],
      registers,
    });
    this.analysisTotal = new Counter({
      name: 'ai_rollout_analysis_total',
      help: 'Canary analyses by verdict.',
      labelNames: ['namespace', 'model', 'result'],
      registers,
    });
    this.duration = new Histogram({
      name: 'ai_rollout_duration_seconds',
      help: 'Time from the start of a rollout to its end, by outcome.',
      labelNames: ['namespace', 'model', 'outcome'],
      buckets: [...ROLLOUT_DURATION_BUCKETS],
      registers,
    });
  }

  /** Records where a version is: its phase (one-hot) and its weight. */
  observeState(subject: RolloutSubject, phase: ModelVersionPhase, weight: number): void {
    for (const p of MODEL_VERSION_PHASES) this.phase.set({ ...subject, phase: p }, p === phase ? 1 : 0);
    this.canaryWeight.set({ ...subject }, weight);
  }

  /** Counts one analysis. */
  observeAnalysis(subject: Pick<RolloutSubject, 'namespace' | 'model'>, verdict: Verdict): void {
    this.analysisTotal.inc({ namespace: subject.namespace, model: subject.model, result: verdict });
  }

  /** Records a finished rollout; `startedAt` and `finishedAt` as in status (RFC 3339). */
  observeFinished(
    subject: Pick<RolloutSubject, 'namespace' | 'model'>,
    outcome: 'Promoted' | 'RolledBack' | 'Failed',
    startedAt: string,
    finishedAt: string,
  ): void {
    const seconds = (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) {
      this.duration.observe({ namespace: subject.namespace, model: subject.model, outcome }, seconds);
    }
  }

  /** Drops a deleted version's series, so dashboards do not show it forever. */
  forget(subject: RolloutSubject): void {
    for (const p of MODEL_VERSION_PHASES) this.phase.remove({ ...subject, phase: p });
    this.canaryWeight.remove({ ...subject });
  }
}
