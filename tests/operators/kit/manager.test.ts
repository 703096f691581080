import { parseBindAddress } from '../../../operators/kit/manager.js';
import { parseDuration, parseFlags } from '../../../operators/kit/flags.js';
import type { Request } from '../../../operators/kit/reconciler.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';
import { testManager } from './harness.js';
import { WIDGET, WIDGET_CRD, widget } from './widget.js';
import { KubeClient } from '../../../operators/kit/client.js';

const LEASE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };

describe('Manager shutdown', () => {
  let api: FakeApiServer;

  beforeEach(async () => {
    api = await startFakeApiServer({ crds: [WIDGET_CRD], namespaces: ['ns', 'ops'] });
    await new KubeClient(api.kubeConfig()).create(WIDGET, widget('ns', 'w1'));
  });

  afterEach(async () => {
    await api.stop();
  });

  it('drains the in-flight reconcile before releasing the lease, then stops watching', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const started: Request[] = [];
    let finished = false;
    const manager = testManager(api, {
      leaderElection: {
        namespace: 'ops',
        identity: 'op-a',
        leaseDurationMs: 4_000,
        renewDeadlineMs: 3_000,
        retryPeriodMs: 500,
      },
    });
    const controller = manager.add({
      name: 'widget',
      for: WIDGET,
      reconciler: {
        async reconcile(req) {
          started.push(req);
          await blocked;
          finished = true;
        },
      },
    });
    await manager.start();
    await waitFor(() => started.length === 1, { description: 'reconcile started' });
    const holder = () =>
      (api.get(LEASE, 'ops', 'suoke-modelops-operator')?.['spec'] as { holderIdentity?: string | null })
        ?.holderIdentity;
    expect(holder()).toBe('op-a');

    let stopped = false;
    const stopping = manager.stop().then(() => (stopped = true));
    // While the reconcile runs the lease stays ours, so no other replica can start the same work.
    await waitFor(() => controller.queue.isShuttingDown, { description: 'queue shut down' });
    expect(stopped).toBe(false);
    expect(holder()).toBe('op-a');
    expect(manager.isLeader()).toBe(true);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(holder()).toBeNull();
    await waitFor(() => api.openWatches() === 0, { description: 'watches closed' });
    expect(await manager.done).toBe('stopped');
  });
});

describe('flags', () => {
  it('has kubebuilder defaults', () => {
    expect(parseFlags([], {})).toMatchObject({
      metricsBindAddress: ':8080',
      healthProbeBindAddress: ':8081',
      leaderElect: true,
      leaderElectionId: 'suoke-modelops-operator',
      leaseDurationMs: 15_000,
      renewDeadlineMs: 10_000,
      retryPeriodMs: 2_000,
      namespaces: [],
      prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
      trafficRouter: 'istio',
    });
  });

  it('accepts repeated and comma-separated namespaces, Go durations and boolean forms', () => {
    const f = parseFlags(
      [
        '--namespace',
        'a,b',
        '--namespace=c',
        '--leader-elect=false',
        '--leader-election-lease-duration=1m30s',
      ],
      { POD_NAMESPACE: 'ops' },
    );
    expect(f.namespaces).toEqual(['a', 'b', 'c']);
    expect(f.leaderElect).toBe(false);
    expect(f.leaseDurationMs).toBe(90_000);
    expect(f.leaderElectionNamespace).toBe('ops');
  });

  it.each([
    [['--bogus'], "unknown flag '--bogus'"],
    [['--leader-elect=maybe'], "flag '--leader-elect' must be true or false, got 'maybe'"],
    [['--traffic-router=nginx'], "flag '--traffic-router' must be 'istio', 'gateway-api' or 'replica-ratio'"],
    [['--prometheus-url=not a url'], "flag '--prometheus-url' must be an absolute URL"],
    [['--metrics-bind-address'], "flag '--metrics-bind-address' needs a value"],
    [['--leader-election-retry-period=2'], "--leader-election-retry-period: '2' is not a positive duration"],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseFlags(argv, {})).toThrow(message);
  });

  it('parses durations and bind addresses', () => {
    expect(parseDuration('500ms', 'x')).toBe(500);
    expect(parseDuration('2h', 'x')).toBe(7_200_000);
    expect(parseBindAddress(':8080')).toEqual({ host: undefined, port: 8080 });
    expect(parseBindAddress('127.0.0.1:0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseBindAddress('[::1]:9')).toEqual({ host: '::1', port: 9 });
    expect(() => parseBindAddress('8080')).toThrow("bind address '8080' must look like ':8080'");
  });
});
