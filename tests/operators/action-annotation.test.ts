import { ACTION_ANNOTATION } from '../../crds/api/index.js';
import { clearConsumedAction } from '../../operators/action-annotation.js';
import { KubeClient } from '../../operators/kit/client.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { CONFIG_MAP } from './kit/harness.js';

describe('clearing a consumed ai.suoke.life/action request', () => {
  let api: FakeApiServer;
  let client: KubeClient;
  const read = () => client.get<KubeObject>(CONFIG_MAP, 'agents', 'target');
  const annotate = (action: string) =>
    client.patch(CONFIG_MAP, 'agents', 'target', {
      metadata: { annotations: { [ACTION_ANNOTATION]: action } },
    });

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: ['agents'] });
    client = new KubeClient(api.kubeConfig());
    await client.create(CONFIG_MAP, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'target', namespace: 'agents', annotations: { keep: 'me' } },
    });
  });
  afterEach(async () => {
    await api.stop();
  });

  it('removes the request it consumed and nothing else', async () => {
    await annotate('promote');
    await clearConsumedAction(client, CONFIG_MAP, await read(), 'promote');
    expect((await read()).metadata.annotations).toEqual({ keep: 'me' });
  });

  it('keeps a newer request written after the consumed one was read', async () => {
    await annotate('pause');
    const seen = await read();
    await annotate('abort'); // a person changes their mind while the reconcile runs
    await clearConsumedAction(client, CONFIG_MAP, seen, 'pause');
    expect((await read()).metadata.annotations?.[ACTION_ANNOTATION]).toBe('abort');
  });

  it('does nothing when the object is already gone or the request already cleared', async () => {
    const seen = await read();
    await clearConsumedAction(client, CONFIG_MAP, seen, 'promote');
    await client.delete(CONFIG_MAP, 'agents', 'target');
    await expect(clearConsumedAction(client, CONFIG_MAP, seen, 'promote')).resolves.toBeUndefined();
  });
});
