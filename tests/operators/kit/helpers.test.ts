import { ClusterClient } from '../../../operators/kit/cluster-client.js';
import { Applier, isOwnedBy } from '../../../operators/kit/apply.js';
import { FIELD_MANAGER, KubeClient } from '../../../operators/kit/client.js';
import { EventRecorder } from '../../../operators/kit/events.js';
import { ensureFinalizer, removeFinalizer } from '../../../operators/kit/finalizers.js';
import { EVENT, type KubeObject } from '../../../operators/kit/resource.js';
import { retryOnConflict, updateStatus } from '../../../operators/kit/status.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CONFIG_MAP } from './harness.js';
import { WIDGET, WIDGET_CRD, widget, type Widget } from './widget.js';

describe('kit helpers against the fake API server', () => {
  let api: FakeApiServer;
  let client: KubeClient;
  let owner: Widget;

  beforeEach(async () => {
    api = await startFakeApiServer({ crds: [WIDGET_CRD], namespaces: ['ns'] });
    client = new KubeClient(api.kubeConfig());
    owner = await client.create(WIDGET, widget('ns', 'owner', 1));
    api.resetCounters();
  });

  afterEach(async () => {
    await api.stop();
  });

  const cm = (name: string, data: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace: 'ns', name, labels: { app: 'owner' } },
    data,
  });

  describe('Applier', () => {
    it('server-side applies with our field manager and a controller owner reference', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      const { changed, object } = await applier.apply(CONFIG_MAP, cm('a', { k: '1' }), { owner });
      expect(changed).toBe(true);
      expect(isOwnedBy(object, owner)).toBe(true);
      expect(object.metadata.ownerReferences?.[0]).toMatchObject({
        apiVersion: 'kit.test.suoke.life/v1',
        kind: 'Widget',
        name: 'owner',
        controller: true,
        blockOwnerDeletion: true,
      });
      const managers = (object.metadata.managedFields as Array<{ manager: string; operation: string }>).map(
        (m) => `${m.manager}/${m.operation}`,
      );
      expect(managers).toContain(`${FIELD_MANAGER}/Apply`);
      expect(api.requests.find((r) => r.verb === 'apply')?.fieldManager).toBe(FIELD_MANAGER);
    });

    it('sends nothing when the live object already has every desired value, and applies a change', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      const { object: live } = await applier.apply(CONFIG_MAP, cm('a', { k: '1' }), { owner });
      api.resetCounters();
      expect((await applier.apply(CONFIG_MAP, cm('a', { k: '1' }), { owner, live })).changed).toBe(false);
      expect(api.requests).toHaveLength(0);
      const { changed, object } = await applier.apply(CONFIG_MAP, cm('a', { k: '2' }), { owner, live });
      expect(changed).toBe(true);
      expect(object['data']).toEqual({ k: '2' });
      expect(api.writes).toBe(1);
    });

    it('applies a field removed from the desired object, and the server drops it from the live one', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      const { object: live } = await applier.apply(CONFIG_MAP, cm('a', { k: '1', gone: '2' }), { owner });
      api.resetCounters();
      // Every desired value is still in the live object: only the changed field set tells them apart.
      const { changed, object } = await applier.apply(CONFIG_MAP, cm('a', { k: '1' }), { owner, live });
      expect(changed).toBe(true);
      expect(object['data']).toEqual({ k: '1' });
      expect((await applier.apply(CONFIG_MAP, cm('a', { k: '1' }), { owner, live: object })).changed).toBe(
        false,
      );
      expect(api.requests.map((r) => r.verb)).toEqual(['apply']);
    });

    it('restores a field we own that someone edited or deleted by hand', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      await applier.apply(CONFIG_MAP, cm('a', { k: '1', j: '2' }), { owner });
      const edited = await client.patch<KubeObject>(CONFIG_MAP, 'ns', 'a', { data: { k: 'x', j: null } });
      const { changed, object } = await applier.apply(CONFIG_MAP, cm('a', { k: '1', j: '2' }), {
        owner,
        live: edited,
      });
      expect(changed).toBe(true);
      expect(object['data']).toEqual({ k: '1', j: '2' });
    });

    it('prunes owned objects no longer rendered, and leaves unowned or differently labelled ones', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      await applier.apply(CONFIG_MAP, cm('keep', {}), { owner });
      await applier.apply(CONFIG_MAP, cm('stale', {}), { owner });
      await client.create(CONFIG_MAP, cm('not-owned', {}));
      const other = cm('other-app', {});
      await applier.apply(
        CONFIG_MAP,
        { ...other, metadata: { ...other.metadata, labels: { app: 'x' } } },
        { owner },
      );
      const deleted = await applier.prune(CONFIG_MAP, {
        owner,
        selector: { app: 'owner' },
        keep: ['keep'],
        live: await ClusterClient.direct(client).list(CONFIG_MAP, 'ns'),
      });
      expect(deleted).toEqual(['stale']);
      const names = api
        .list({ apiVersion: 'v1', kind: 'ConfigMap' }, 'ns')
        .map((o) => o.metadata.name)
        .filter((n) => n !== 'kube-root-ca.crt')
        .sort();
      expect(names).toEqual(['keep', 'not-owned', 'other-app']);
    });

    it('names the object and field when it cannot apply', async () => {
      const applier = new Applier(ClusterClient.direct(client));
      await expect(applier.apply(CONFIG_MAP, { metadata: { namespace: 'ns' } })).rejects.toThrow(
        /ConfigMap: metadata.name is required/,
      );
      await expect(
        applier.apply(CONFIG_MAP, cm('x', {}), { owner: { metadata: { name: 'o' } } }),
      ).rejects.toThrow(/an owner needs apiVersion, kind, metadata.name and metadata.uid/);
    });
  });

  describe('status and finalizers', () => {
    it('writes status through the subresource only when it changed', async () => {
      const first = await updateStatus(client, WIDGET, owner, { observedSize: 1 });
      expect(first.changed).toBe(true);
      expect(api.requests.at(-1)).toMatchObject({ subresource: 'status', method: 'PUT' });
      const again = await updateStatus(client, WIDGET, first.object, { observedSize: 1 });
      expect(again.changed).toBe(false);
      expect(api.writes).toBe(1);
    });

    it('fails on a stale read with 409 and converges under retryOnConflict', async () => {
      const stale = owner;
      await client.patch(WIDGET, 'ns', 'owner', { metadata: { labels: { moved: 'on' } } });
      await expect(updateStatus(client, WIDGET, stale, { observedSize: 1 })).rejects.toThrow(/409/);
      let attempts = 0;
      await retryOnConflict(async () => {
        const current = attempts++ === 0 ? stale : await client.get<Widget>(WIDGET, 'ns', 'owner');
        await updateStatus(client, WIDGET, current, { observedSize: 1 });
      });
      expect(attempts).toBe(2);
      expect((await client.get<Widget>(WIDGET, 'ns', 'owner')).status?.observedSize).toBe(1);
    });

    it('adds and removes a finalizer once, writing only when needed', async () => {
      const added = await ensureFinalizer(client, WIDGET, owner, 'ai.suoke.life/cleanup');
      expect(added?.metadata.finalizers).toEqual(['ai.suoke.life/cleanup']);
      expect(await ensureFinalizer(client, WIDGET, added!, 'ai.suoke.life/cleanup')).toBeUndefined();
      await client.delete(WIDGET, 'ns', 'owner');
      const deleting = await client.get<Widget>(WIDGET, 'ns', 'owner');
      expect(deleting.metadata.deletionTimestamp).toBeDefined();
      await removeFinalizer(client, WIDGET, deleting, 'ai.suoke.life/cleanup');
      await expect(client.get(WIDGET, 'ns', 'owner')).rejects.toMatchObject({ statusCode: 404 });
      expect(api.writes).toBe(3);
    });
  });

  describe('EventRecorder', () => {
    it('creates one events.k8s.io/v1 Event and folds repeats into its series', async () => {
      const clock = new FakeClock();
      const events = new EventRecorder(client, { clock, instance: 'op-0', seriesUpdateIntervalMs: 30_000 });
      const input = { type: 'Normal', reason: 'Promoted', action: 'Promote', note: 'v2 promoted' } as const;
      expect(await events.record(owner, input)).toBe('created');
      expect(await events.record(owner, input)).toBe('deduplicated');
      expect(await events.record(owner, input)).toBe('deduplicated');
      await clock.advance(31_000);
      expect(await events.record(owner, input)).toBe('series');
      const stored = api.list({ apiVersion: 'events.k8s.io/v1', kind: 'Event' }, 'ns');
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        reason: 'Promoted',
        action: 'Promote',
        type: 'Normal',
        reportingController: 'ai.suoke.life/modelops-operator',
        reportingInstance: 'op-0',
        regarding: { kind: 'Widget', name: 'owner', uid: owner.metadata.uid },
        series: { count: 4 },
      });
      expect(api.writes).toBe(2);
      // A different note is a different event.
      expect(await events.record(owner, { ...input, note: 'v3 promoted' })).toBe('created');
      expect(EVENT.group).toBe('events.k8s.io');
    });

    it('never throws when the API server refuses the event', async () => {
      api.injectFailure({ match: (r) => r.resource === 'events', status: 500 });
      const events = new EventRecorder(client);
      await expect(
        events.record(owner, { type: 'Warning', reason: 'Failed', action: 'Reconcile', note: 'x' }),
      ).resolves.toBe('failed');
    });
  });
});
