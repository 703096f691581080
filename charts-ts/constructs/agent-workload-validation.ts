import type { ContainerResources, EnvVar, ExternalEngine, ScalingProps } from './agent-workload-props.js';
import { assertNotAbove, parseQuantity } from './quantity.js';
import { MANAGEMENT_PORT } from './runtime-contract.js';

/*
 * Checks of AgentWorkload props that span fields or need more than a type: each throws at construction with
 * the AIModel name, the prop and the fix.
 */

/** Variables the workload owns; `runtime.env` may not set them. */
const RESERVED_ENV = new Set([
  'PORT',
  'MANAGEMENT_PORT',
  'AGENT',
  'MODEL',
  'MODEL_VERSION',
  'ENGINE_BASE_URL',
  'ENGINE_MODEL',
]);

/** Throws unless a fixed replica count is a whole number of at least 0. */
export function validateReplicas(model: string, version: string, replicas: number | undefined): void {
  if (replicas !== undefined && !(Number.isInteger(replicas) && replicas >= 0)) {
    throw new Error(
      `${model}: replicas (${replicas}) of version ${version} must be a whole number of at least 0`,
    );
  }
}

/** Validates the scaling props; returns whether the version needs an HPA (it has at least one metric). */
export function validateScaling(model: string, scaling: ScalingProps): boolean {
  const { minReplicas, maxReplicas } = scaling;
  if (!Number.isInteger(minReplicas) || minReplicas < 1) {
    throw new Error(`${model}: scaling.minReplicas (${minReplicas}) must be a whole number of at least 1`);
  }
  if (!Number.isInteger(maxReplicas) || maxReplicas < minReplicas) {
    throw new Error(
      `${model}: scaling.maxReplicas (${maxReplicas}) must be a whole number not below scaling.minReplicas (${minReplicas})`,
    );
  }
  for (const field of ['cpuUtilization', 'memoryUtilization'] as const) {
    const value = scaling[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 100)) {
      throw new Error(`${model}: scaling.${field} (${value}) must be a whole percentage from 1 to 100`);
    }
  }
  const names = new Set<string>();
  for (const metric of scaling.customMetrics ?? []) {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric.name)) {
      throw new Error(
        `${model}: scaling.customMetrics name '${metric.name}' is not a Prometheus metric name`,
      );
    }
    if (names.has(metric.name))
      throw new Error(`${model}: scaling.customMetrics lists '${metric.name}' twice`);
    names.add(metric.name);
    if (parseQuantity(`${model}: scaling.customMetrics[${metric.name}].target`, metric.target) <= 0) {
      throw new Error(`${model}: scaling.customMetrics[${metric.name}].target must be greater than 0`);
    }
  }
  const autoscaled =
    scaling.cpuUtilization !== undefined || scaling.memoryUtilization !== undefined || names.size > 0;
  if (!autoscaled && minReplicas !== maxReplicas) {
    throw new Error(
      `${model}: scaling from ${minReplicas} to ${maxReplicas} replicas needs a target (cpuUtilization, ` +
        `memoryUtilization or customMetrics), or set minReplicas equal to maxReplicas for a fixed size`,
    );
  }
  return autoscaled;
}

export function validateExternal(model: string, engine: ExternalEngine): void {
  for (const [field, value] of [
    ['engine.external.baseUrl', engine.baseUrl],
    ...(engine.fallbackUrls ?? []).map((u) => ['engine.external.fallbackUrls', u] as const),
  ] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch (cause) {
      throw new Error(`${model}: ${field} '${value}' is not a URL; write e.g. https://api.example.com/v1`, {
        cause,
      });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`${model}: ${field} '${value}' must be an http(s) URL`);
    }
  }
}

/** Throws when the runtime, engine and management ports collide. */
export function validatePorts(model: string, runtimePort: number, enginePort: number | undefined): void {
  if (enginePort === runtimePort) {
    throw new Error(`${model}: engine.port (${enginePort}) must differ from runtime.port (${runtimePort})`);
  }
  for (const [field, port] of [
    ['runtime.port', runtimePort],
    ['engine.port', enginePort],
  ] as const) {
    if (port === MANAGEMENT_PORT) {
      throw new Error(
        `${model}: ${field} (${port}) must differ from the runtime's management port (${MANAGEMENT_PORT}, /metrics and probes)`,
      );
    }
  }
}

/** Throws when `runtime.env` sets a variable the workload sets from the AIModel and ModelVersion. */
export function validateRuntimeEnv(model: string, env: readonly EnvVar[]): void {
  for (const variable of env) {
    if (RESERVED_ENV.has(variable.name)) {
      throw new Error(
        `${model}: runtime.env ${variable.name} is set from the AIModel and ModelVersion; remove it from runtime.env`,
      );
    }
  }
}

/**
 * Requests and limits of one container, both always set. A side left out is filled from the other (a limit
 * alone means requests equal limits); a resource left out on both sides takes the container's default pair.
 */
export function checkedResources(
  field: string,
  resources: ContainerResources,
  defaults: ContainerResources,
): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const name of ['cpu', 'memory'] as const) {
    const declared = resources.requests?.[name] !== undefined || resources.limits?.[name] !== undefined;
    const source = declared ? resources : defaults;
    const request = source.requests?.[name] ?? source.limits?.[name];
    const limit = source.limits?.[name] ?? source.requests?.[name];
    if (request === undefined || limit === undefined) {
      throw new Error(`${field}: set requests.${name} or limits.${name}; every container needs both`);
    }
    parseQuantity(`${field}.requests.${name}`, request);
    assertNotAbove(`${field}.requests.${name}`, request, `limits.${name}`, limit);
    requests[name] = request;
    limits[name] = limit;
  }
  return { requests, limits };
}
