import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { freePort } from '../../support/net.js';
import { waitFor } from '../../support/wait.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
// `node --import tsx` keeps the operator in one process (the tsx CLI would fork a grandchild that a
// SIGKILL of the CLI leaves running).
const NODE_ARGS = ['--import', 'tsx', 'operators/main.ts'];
const LEASE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
const LEASE_MS = 4_000;
const RETRY_MS = 500;

interface OperatorProcess {
  readonly child: ChildProcess;
  readonly metricsPort: number;
  readonly probePort: number;
  readonly logs: Array<Record<string, unknown>>;
  identity?: string;
  exit?: Promise<number | null>;
}

describe('operator process (operators/main.ts) against the fake API server', () => {
  let api: FakeApiServer;
  let dir: string;
  let kubeconfig: string;
  const procs: OperatorProcess[] = [];

  beforeAll(async () => {
    // The CRDs the registered controllers watch, installed as on a real cluster: without them the
    // operator's caches never sync and it is (rightly) not ready.
    api = await startFakeApiServer({ crds: ['project', 'istio', 'vpa'], namespaces: ['modelops'] });
    dir = mkdtempSync(join(tmpdir(), 'operator-test-'));
    kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, api.kubeConfig().exportConfig());
  });

  afterAll(async () => {
    for (const p of procs)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exit));
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function launch(extra: string[] = []): Promise<OperatorProcess> {
    const metricsPort = await freePort();
    const probePort = await freePort();
    const child = spawn(
      process.execPath,
      [
        ...NODE_ARGS,
        `--metrics-bind-address=127.0.0.1:${metricsPort}`,
        `--health-probe-bind-address=127.0.0.1:${probePort}`,
        '--leader-election-namespace=modelops',
        `--leader-election-lease-duration=${LEASE_MS}ms`,
        '--leader-election-renew-deadline=3s',
        `--leader-election-retry-period=${RETRY_MS}ms`,
        ...extra,
      ],
      { cwd: ROOT, env: { ...process.env, KUBECONFIG: kubeconfig, LOG_LEVEL: 'info' }, stdio: 'pipe' },
    );
    const proc: OperatorProcess = { child, metricsPort, probePort, logs: [] };
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          proc.logs.push(entry);
          if (entry['msg'] === 'operator started') proc.identity = entry['identity'] as string;
        } catch {
          proc.logs.push({ raw: line });
        }
      }
    });
    proc.exit = new Promise((r) => child.once('exit', (code) => r(code)));
    procs.push(proc);
    await waitFor(() => proc.identity, { timeoutMs: 30_000, description: 'operator started' });
    return proc;
  }

  const holder = () =>
    (api.get(LEASE, 'modelops', 'suoke-modelops-operator')?.['spec'] as { holderIdentity?: string })
      ?.holderIdentity;

  async function masterStatus(p: OperatorProcess): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${p.metricsPort}/metrics`)).text();
    return Number(/leader_election_master_status\{name="suoke-modelops-operator"\} (\d)/.exec(text)?.[1]);
  }

  it('elects one leader, fails over after SIGKILL within the lease duration, and hands over at once on SIGTERM', async () => {
    const a = await launch();
    const b = await launch();
    const leaderId = await waitFor(() => holder(), { description: 'a lease holder' });
    const [leader, standby] = leaderId === a.identity ? [a, b] : [b, a];
    expect([a.identity, b.identity]).toContain(leaderId);
    await waitFor(async () => (await masterStatus(leader)) === 1, { description: 'leader metric' });
    expect(await masterStatus(standby)).toBe(0);
    // Both are live and ready (the standby keeps its caches warm).
    for (const p of [a, b]) expect((await fetch(`http://127.0.0.1:${p.probePort}/readyz`)).status).toBe(200);

    // Crash: the lease is not released; the standby waits for it to expire.
    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    await waitFor(() => holder() === standby.identity, { timeoutMs: 15_000, description: 'failover' });
    const failover = Date.now() - killedAt;
    // Lease duration plus one jittered retry, plus process scheduling slack on a loaded machine.
    expect(failover).toBeLessThanOrEqual(LEASE_MS + 2 * RETRY_MS + 1500);
    await waitFor(async () => (await masterStatus(standby)) === 1, { description: 'new leader metric' });

    // Clean shutdown: the leader releases the lease and a new standby takes over without waiting it out.
    const next = await launch();
    await waitFor(() => next.logs.some((l) => l['msg'] === 'leader observed'), { description: 'standby up' });
    standby.child.kill('SIGTERM');
    expect(await standby.exit).toBe(0);
    const releasedAt = Date.now();
    expect(standby.logs.some((l) => l['msg'] === 'released leader lease')).toBe(true);
    await waitFor(() => holder() === next.identity, { timeoutMs: 15_000, description: 'handover' });
    expect(Date.now() - releasedAt).toBeLessThan(LEASE_MS / 2);
  }, 90_000);

  it('refuses bad flags with a message naming the flag and exit code 2', async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--traffic-router=linkerd'], {
      cwd: ROOT,
      env: { ...process.env, KUBECONFIG: kubeconfig },
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(stderr).toContain(
      "flag '--traffic-router' must be 'istio', 'gateway-api' or 'replica-ratio', got 'linkerd'",
    );
  }, 30_000);
});
