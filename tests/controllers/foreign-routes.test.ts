/**
 * Routes someone else adds to a model's VirtualService (a maintenance page, a debug header route)
 * survive the AIModel controller's applies and a whole canary: the route list is atomic, so the
 * operator must carry them over rather than apply its own routes alone. (The HTTPRoute case is in
 * gateway-api.test.ts.)
 */
import type { KubeObject } from '../../operators/kit/resource.js';
import { VIRTUAL_SERVICE } from '../../operators/traffic/istio.js';
import { Harness, MODEL, NS } from './harness.js';

const MINUTE = 60_000;

interface VirtualService extends KubeObject {
  spec?: { http?: Array<{ name?: string; [field: string]: unknown }>; [field: string]: unknown };
}

const maintenance = {
  name: 'maintenance',
  match: [{ headers: { 'x-maintenance': { exact: 'on' } } }],
  route: [{ destination: { host: 'maintenance-page' } }],
};

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

async function httpRoutes(): Promise<Array<{ name?: string }>> {
  return (await h.client.get<VirtualService>(VIRTUAL_SERVICE, NS, MODEL)).spec?.http ?? [];
}

it('a route added by hand before ours stays first, as written, through a canary to promotion', async () => {
  const live = await h.client.get<VirtualService>(VIRTUAL_SERVICE, NS, MODEL);
  await h.client.replace<VirtualService>(VIRTUAL_SERVICE, {
    ...live,
    spec: { ...live.spec, http: [maintenance, ...(live.spec?.http ?? [])] },
  });
  await h.settle();
  expect((await httpRoutes()).map((r) => r.name)).toEqual(['maintenance', 'versions']);

  await h.createVersion('v2');
  await h.settle();
  expect(await h.weights()).toEqual([
    { version: 'v1', weight: 90 },
    { version: 'v2', weight: 10 },
  ]);
  await h.after(MINUTE);
  await h.after(MINUTE);
  expect(await h.phase('v2')).toBe('Promoted');
  const routes = await httpRoutes();
  expect(routes.map((r) => r.name)).toEqual(['maintenance', 'versions']);
  expect(routes[0]).toEqual(maintenance);
});

it('a pass over a route list holding a foreign route writes nothing', async () => {
  const live = await h.client.get<VirtualService>(VIRTUAL_SERVICE, NS, MODEL);
  await h.client.replace<VirtualService>(VIRTUAL_SERVICE, {
    ...live,
    spec: { ...live.spec, http: [...(live.spec?.http ?? []), maintenance] },
  });
  await h.settle();
  await h.pass();
  expect(h.lastPassRequests.filter((r) => !r.startsWith('get') && !r.startsWith('list'))).toEqual([]);
  expect((await httpRoutes()).map((r) => r.name)).toEqual(['versions', 'maintenance']);
});
