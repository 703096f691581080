/**
 * Launchers of the processes the end-to-end environment is made of: the fake API server and the
 * operator, each exactly as a user would start it (its own entry point, flags and kubeconfig).
 */
import { join } from 'node:path';
import { freePort } from '../../support/net.js';
import type { MeshRouter } from './mesh.js';
import { ManagedProcess } from './process.js';

/** The fake API server process and how to reach it. */
export interface ApiServerProcess {
  readonly process: ManagedProcess;
  readonly url: string;
  /** Path of a kubeconfig pointing at it. */
  readonly kubeconfig: string;
}

/**
 * Starts `tests/support/fake-api-server/main.ts` with our CRDs, the VPA's and the routing CRDs of
 * `router`: Istio's, or Gateway API's (a cluster without a mesh, so no Istio CRDs at all).
 */
export async function launchApiServer(
  dir: string,
  namespace: string,
  router: MeshRouter = 'istio',
): Promise<ApiServerProcess> {
  const kubeconfig = join(dir, 'kubeconfig');
  const process = new ManagedProcess({
    name: 'fake API server',
    script: 'tests/support/fake-api-server/main.ts',
    args: [
      '--crds',
      router === 'istio' ? 'project,istio,vpa' : 'project,gateway-api,vpa',
      '--namespace',
      namespace,
      '--kubeconfig',
      kubeconfig,
      '--context-namespace',
      namespace,
    ],
  });
  const ready = await process.waitForJson((l) => typeof l['url'] === 'string', 120_000, 'serving');
  return { process, url: ready['url'] as string, kubeconfig };
}

export interface OperatorLaunch {
  readonly kubeconfig: string;
  readonly namespace: string;
  readonly prometheusUrl: string;
  /** `--traffic-router`; Gateway API goes without the mesh (`--mesh=none`). @default 'istio' */
  readonly router?: MeshRouter;
  /** Leader election timing: short, so a restarted operator takes over within seconds. */
  readonly leaseDuration?: string;
  /** @default [] */
  readonly extraArgs?: readonly string[];
}

/** The operator process (`operators/main.ts`), started and holding the leader lease. */
export interface OperatorProcess {
  readonly process: ManagedProcess;
  readonly metricsUrl: string;
}

/**
 * Starts the operator with leader election on (as deployed), watching one namespace, and waits until
 * it leads: a restarted operator first waits for the lease its killed predecessor left behind.
 */
export async function launchOperator(options: OperatorLaunch): Promise<OperatorProcess> {
  const metricsPort = await freePort();
  const probePort = await freePort();
  const process = new ManagedProcess({
    name: 'operator',
    script: 'operators/main.ts',
    args: [
      `--metrics-bind-address=127.0.0.1:${metricsPort}`,
      `--health-probe-bind-address=127.0.0.1:${probePort}`,
      '--leader-elect=true',
      `--leader-election-namespace=${options.namespace}`,
      `--leader-election-lease-duration=${options.leaseDuration ?? '3s'}`,
      '--leader-election-renew-deadline=2s',
      '--leader-election-retry-period=500ms',
      `--namespace=${options.namespace}`,
      `--prometheus-url=${options.prometheusUrl}`,
      ...(options.router === 'gateway-api'
        ? ['--traffic-router=gateway-api', '--mesh=none']
        : ['--traffic-router=istio']),
      ...(options.extraArgs ?? []),
    ],
    env: { KUBECONFIG: options.kubeconfig, LOG_LEVEL: 'info' },
    keepLines: 5000,
  });
  await process.waitForJson((l) => l['msg'] === 'operator started', 120_000, 'started');
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  await process.waitForJson((l) => l['msg'] === 'became leader', 60_000, 'leader lease acquired');
  return { process, metricsUrl };
}
