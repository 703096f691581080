import { Duration } from 'cdk8s';
import type { EnvVar } from './agent-workload-props.js';

/**
 * How long a terminating pod keeps serving before the runtime gets SIGTERM (`lifecycle.preStop.sleep`).
 * Endpoint removal reaches kube-proxy and the Istio sidecars asynchronously; until it has, new requests still
 * arrive, and a runtime that had already closed its listener would refuse them.
 */
export const DEFAULT_PRESTOP_DELAY = Duration.seconds(5);
/**
 * `DRAIN_TIMEOUT_MS` given to the runtime: on SIGTERM, how long in-flight completions (streams run long) may
 * take before they are cut. A `DRAIN_TIMEOUT_MS` in `runtime.env` replaces it.
 */
export const DEFAULT_DRAIN_TIMEOUT = Duration.seconds(45);
/** Time left after the drain deadline for the runtime to flush logs and close Redis before SIGKILL. */
export const SHUTDOWN_MARGIN = Duration.seconds(10);

/**
 * The shutdown timeline of a pod, from the moment it starts terminating:
 * - runtime: sleeps `preStopSeconds`, then gets SIGTERM: /readyz answers 503, the listener closes, in-flight
 *   requests get `drainTimeoutMs` to finish;
 * - engine: sleeps `engineStopSeconds` (preStop + drain), so it serves the runtime's last requests, then gets
 *   SIGTERM;
 * - `terminationGracePeriodSeconds` = preStop + drain + {@link SHUTDOWN_MARGIN}, so SIGKILL never comes before
 *   the drain deadline.
 * Example (defaults): preStop 5 s, drain 45 s → engine SIGTERM at 50 s, grace period 60 s.
 */
export interface ShutdownTiming {
  readonly preStopSeconds: number;
  readonly drainTimeoutMs: number;
  readonly engineStopSeconds: number;
  readonly terminationGracePeriodSeconds: number;
}

/** {@link ShutdownTiming} for a runtime whose `runtime.env` may set `DRAIN_TIMEOUT_MS`. */
export function shutdownTiming(model: string, runtimeEnv: readonly EnvVar[] = []): ShutdownTiming {
  const preStopSeconds = DEFAULT_PRESTOP_DELAY.toSeconds();
  const declared = runtimeEnv.find((v) => v.name === 'DRAIN_TIMEOUT_MS');
  let drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT.toMilliseconds();
  if (declared !== undefined) {
    if (declared.value === undefined || !/^\d+$/.test(declared.value)) {
      throw new Error(
        `${model}: runtime.env DRAIN_TIMEOUT_MS must be a literal number of milliseconds (e.g. '45000'): ` +
          'the termination grace period is computed from it',
      );
    }
    drainTimeoutMs = Number(declared.value);
  }
  const engineStopSeconds = preStopSeconds + Math.ceil(drainTimeoutMs / 1000);
  return {
    preStopSeconds,
    drainTimeoutMs,
    engineStopSeconds,
    terminationGracePeriodSeconds: engineStopSeconds + SHUTDOWN_MARGIN.toSeconds(),
  };
}
