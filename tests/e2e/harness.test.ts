/**
 * The end-to-end harness's own mesh and clients, without processes: routes evaluated in order as
 * Envoy does (headers, cookies, exact/prefix/RE2 full match), the weighted choice and the mirror
 * share, and the load generator's copies of mirrored requests (Host with `-shadow`) and sessions.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../support/wait.js';
import type { DeploymentController } from './harness/deployment-controller.js';
import { compileRe2, RoutingTable, type HttpRouteView } from './harness/istio-routes.js';
import type { KubeRest } from './harness/kube.js';
import { LoadGenerator, shadowHost } from './harness/load-generator.js';
import { Mesh } from './harness/mesh.js';

const HOST = 'demo.suoke-ai.svc.cluster.local';
const DR = {
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    { name: 'v2', labels: { version: 'v2' } },
  ],
};
const dest = (subset: string, weight?: number) => ({
  destination: { host: HOST, subset, port: { number: 80 } },
  ...(weight === undefined ? {} : { weight }),
});

function vs(http: HttpRouteView[]) {
  return { hosts: [HOST], http };
}

const COHORT: HttpRouteView = {
  name: 'candidate',
  match: [
    { headers: { 'x-cohort': { exact: 'beta' } } },
    { headers: { cookie: { regex: '(.*;\\s*)?cohort=beta(;.*)?' } } },
  ],
  route: [dest('v2', 100)],
};
const VERSIONS = (mirror?: number): HttpRouteView => ({
  name: 'versions',
  route: [dest('v1', 100), dest('v2', 0)],
  ...(mirror === undefined
    ? {}
    : { mirror: { host: HOST, subset: 'v2' }, mirrorPercentage: { value: mirror } }),
});

describe('RoutingTable', () => {
  it('takes the first route whose match list has a matching entry, else the default', () => {
    const table = RoutingTable.parse(vs([COHORT, VERSIONS()]), DR);
    expect(table.problems).toEqual([]);
    const to = (headers: Record<string, string>) => table.select({ headers })?.key;
    expect(to({ 'x-cohort': 'beta' })).toBe('candidate');
    expect(to({ 'x-cohort': 'betamax' })).toBe('versions');
    expect(to({ cookie: 'theme=dark; cohort=beta; lang=zh' })).toBe('candidate');
    expect(to({ cookie: 'cohort=beta' })).toBe('candidate');
    expect(to({ cookie: 'cohort=betamax' })).toBe('versions');
    expect(to({ cookie: 'xcohort=beta' })).toBe('versions');
    expect(to({})).toBe('versions');
    expect(table.split).toEqual({ v1: 100 });
    expect(table.matchedRoutesTo('v2').map((r) => r.key)).toEqual(['candidate']);
  });

  it('needs every condition of one entry; prefix, presence and withoutHeaders', () => {
    const table = RoutingTable.parse(
      vs([
        {
          name: 'both',
          match: [
            { headers: { 'x-a': { prefix: 'be' }, 'x-b': {} }, withoutHeaders: { 'x-c': { exact: '1' } } },
          ],
          route: [dest('v2')],
        },
        VERSIONS(),
      ]),
      DR,
    );
    const to = (headers: Record<string, string>) => table.select({ headers })?.key;
    expect(to({ 'x-a': 'beta', 'x-b': '' })).toBe('both');
    expect(to({ 'x-a': 'beta' })).toBe('versions');
    expect(to({ 'x-a': 'beta', 'x-b': 'x', 'x-c': '1' })).toBe('versions');
    expect(to({ 'x-a': 'alpha', 'x-b': 'x' })).toBe('versions');
    // A single destination without weight takes it all.
    expect(table.routes[0]?.split).toEqual({ v2: 100 });
  });

  it('regexes match whole values; what RE2 refuses makes the table invalid', () => {
    expect(compileRe2('beta|gamma').test('beta')).toBe(true);
    expect(compileRe2('beta|gamma').test('betamax')).toBe(false);
    expect(compileRe2('(?i)BETA').test('beta')).toBe(true);
    expect(compileRe2('a\\;b').test('a;b')).toBe(true);
    expect(() => compileRe2('(?=beta)beta')).toThrow(/lookahead/);
    expect(() => compileRe2('(a)\\1')).toThrow(/backreferences/);
    const bad = RoutingTable.parse(
      vs([{ name: 'c', match: [{ headers: { cookie: { regex: '(?!x)' } } }], route: [dest('v2')] }]),
      DR,
    );
    expect(bad.problems.join()).toMatch(/RE2 has no lookahead/);
    const unknownSubset = RoutingTable.parse(vs([{ name: 'versions', route: [dest('v9', 100)] }]), DR);
    expect(unknownSubset.problems.join()).toMatch(/subset 'v9' is not in the DestinationRule/);
  });

  it('reads the mirror of a route: subset to version, percentage (100 when absent)', () => {
    expect(RoutingTable.parse(vs([VERSIONS(50)]), DR).mirror).toEqual({ version: 'v2', percent: 50 });
    const all = RoutingTable.parse(
      vs([{ name: 'versions', route: [dest('v1', 100)], mirror: { host: HOST, subset: 'v2' } }]),
      DR,
    );
    expect(all.mirror).toEqual({ version: 'v2', percent: 100 });
  });
});

/** A Mesh over fixed objects, read once. */
async function meshOf(http: HttpRouteView[]): Promise<Mesh> {
  const kube = {
    get: async (resource: { plural: string }) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'x',
      metadata: { name: 'demo' },
      spec: resource.plural === 'virtualservices' ? vs(http) : DR,
    }),
  } as unknown as KubeRest;
  const mesh = new Mesh({ kube, namespace: 'suoke-ai', model: 'demo' });
  await mesh.refresh();
  return mesh;
}

describe('Mesh.route', () => {
  it('splits by smooth weighted round robin and mirrors exactly its percentage, evenly', async () => {
    const mesh = await meshOf([
      COHORT,
      {
        name: 'versions',
        route: [dest('v1', 75), dest('v2', 25)],
        mirror: { host: HOST, subset: 'v2' },
        mirrorPercentage: { value: 50 },
      },
    ]);
    expect(mesh.split()).toEqual({ v1: 75, v2: 25 });
    const decisions = Array.from({ length: 8 }, () => mesh.route({}));
    expect(decisions.map((d) => d?.version)).toEqual(['v1', 'v1', 'v2', 'v1', 'v1', 'v1', 'v2', 'v1']);
    expect(decisions.map((d) => d?.mirror !== undefined)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    // The cohort's route has no mirror and its own count.
    expect(mesh.route({ 'X-Cohort': 'beta' })).toMatchObject({ version: 'v2', route: 'candidate' });
    expect(mesh.route({ 'x-cohort': 'beta' })?.mirror).toBeUndefined();
    expect(mesh.tables).toHaveLength(1);
    expect(mesh.routing().host).toBe(HOST);
  });
});

describe('LoadGenerator', () => {
  let server: Server;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends each kind where the mesh routes it, copies mirrored requests with a -shadow host', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pods = { endpoints: () => [url] } as unknown as DeploymentController;
    const mesh = await meshOf([COHORT, VERSIONS(50)]);
    const load = new LoadGenerator({
      mesh,
      pods,
      model: 'demo',
      ratePerSecond: 200,
      clients: [
        { name: 'plain', share: 2, sessionTurns: 3 },
        { name: 'cohort', share: 1, cookies: { theme: 'dark', cohort: 'beta' }, hostPort: 8080 },
      ],
    });
    load.start();
    await waitFor(() => load.records.length >= 30, { timeoutMs: 5000 });
    await load.stop();
    load.close();

    const plain = load.ofKind('plain');
    expect(Object.keys(plain)).toEqual(['v1']);
    expect(load.ofKind('cohort')).toEqual({ v2: expect.objectContaining({ ok: expect.any(Number) }) });
    expect(load.ofKind('cohort')['v2']!.ok).toBe(load.ofKind('cohort')['v2']!.sent);
    // Half the versions route's requests were copied to v2; none of the cohort's.
    const sentPlain = plain['v1']!.sent;
    expect(load.mirroredTo('v2').sent).toBe(Math.floor(sentPlain / 2));
    expect(load.mirroredTo('v2').ok).toBe(load.mirroredTo('v2').sent);
    const shadowHosts = seen.filter((h) => h.host?.includes('-shadow'));
    expect(shadowHosts.length).toBe(load.mirroredTo('v2').sent);
    expect(new Set(shadowHosts.map((h) => h.host))).toEqual(new Set([`${HOST}-shadow`]));
    expect(seen.filter((h) => h.host === `${HOST}:8080`).length).toBe(load.ofKind('cohort')['v2']!.sent);
    expect(seen.find((h) => h.host === `${HOST}:8080`)?.cookie).toBe('theme=dark; cohort=beta');
    // Conversations of three turns; a mirrored copy carries the same session id.
    const settled = load.settledSessions();
    expect(settled.length).toBeGreaterThan(2);
    for (const s of settled) expect(s).toMatchObject({ sent: 3, answered: 3 });
    const ids = seen.filter((h) => h['x-session-id'] !== undefined).map((h) => h['x-session-id']);
    expect(ids.length).toBe(sentPlain + load.mirroredTo('v2').sent);
    expect(load.answered((r) => r.kind === 'plain' && r.table.mirror !== undefined)).toEqual({
      v1: plain['v1']!.ok,
    });
  });

  it('puts -shadow before a port, as Envoy does', () => {
    expect(shadowHost('demo.suoke-ai.svc.cluster.local')).toBe('demo.suoke-ai.svc.cluster.local-shadow');
    expect(shadowHost('demo.suoke-ai:8080')).toBe('demo.suoke-ai-shadow:8080');
    expect(shadowHost('[::1]:80')).toBe('[::1]-shadow:80');
  });
});
