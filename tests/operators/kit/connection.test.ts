/**
 * The operator's own connection settings: the pod's service account and plain kubeconfigs are read
 * without client-node, and every kubeconfig they cannot express goes to client-node's loader.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeClient } from '../../../operators/kit/client.js';
import {
  StaticConnection,
  inClusterConnection,
  kubeconfigConnection,
  loadConnection,
} from '../../../operators/kit/connection.js';
import { startFakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'connection-'));

async function headersOf(connection: StaticConnection): Promise<Record<string, string>> {
  const opts: https.RequestOptions = { headers: { Accept: 'application/json' } };
  await connection.applyToHTTPSOptions(opts);
  return opts.headers as Record<string, string>;
}

function kubeconfig(user: Record<string, unknown>, cluster: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'dev',
    contexts: [{ name: 'dev', context: { cluster: 'c', user: 'u' } }],
    clusters: [{ name: 'c', cluster: { server: 'https://api.example.com:6443', ...cluster } }],
    users: [{ name: 'u', user }],
  });
}

describe('in-cluster', () => {
  it('uses the service host, the mounted CA and the token, re-reading a rotated token after a minute', async () => {
    const sa = mkdtempSync(join(dir, 'sa-'));
    writeFileSync(join(sa, 'ca.crt'), 'not a real CA');
    writeFileSync(join(sa, 'token'), 'first\n');
    let now = 0;
    const connection = inClusterConnection(
      { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' },
      sa,
    );
    expect(connection.getCurrentCluster()).toEqual({ server: 'https://10.96.0.1:443' });
    const rotating = new StaticConnection({
      server: 'https://10.96.0.1:443',
      tokenFile: join(sa, 'token'),
      now: () => now,
    });
    expect((await headersOf(rotating))['Authorization']).toBe('Bearer first');
    writeFileSync(join(sa, 'token'), 'second\n');
    now = 59_000;
    expect((await headersOf(rotating))['Authorization']).toBe('Bearer first');
    now = 60_000;
    expect((await headersOf(rotating))['Authorization']).toBe('Bearer second');
  });

  it('says it is not in a pod without KUBERNETES_SERVICE_HOST', () => {
    expect(() => inClusterConnection({}, dir)).toThrow(/KUBERNETES_SERVICE_HOST is not set/);
  });
});

describe('a kubeconfig', () => {
  it('with a token or basic credentials is read here', async () => {
    const token = kubeconfigConnection(kubeconfig({ token: 'abc' }), join(dir, 'config'));
    expect(token?.getCurrentCluster()).toEqual({ server: 'https://api.example.com:6443' });
    expect((await headersOf(token!))['Authorization']).toBe('Bearer abc');
    const basic = kubeconfigConnection(
      kubeconfig({ username: 'admin', password: 'pw' }),
      join(dir, 'config'),
    );
    expect((await headersOf(basic!))['Authorization']).toBe(
      `Basic ${Buffer.from('admin:pw').toString('base64')}`,
    );
  });

  it('with a relative CA file is read next to the kubeconfig; a missing file is an error naming it', () => {
    writeFileSync(join(dir, 'ca.pem'), 'ca');
    expect(
      kubeconfigConnection(
        kubeconfig({ token: 't' }, { 'certificate-authority': 'ca.pem' }),
        join(dir, 'config'),
      ),
    ).toBeInstanceOf(StaticConnection);
    expect(() =>
      kubeconfigConnection(
        kubeconfig({ token: 't' }, { 'certificate-authority': 'gone.pem' }),
        join(dir, 'config'),
      ),
    ).toThrow(/gone\.pem/);
  });

  it('with an exec plugin or an auth provider is left to client-node', () => {
    const file = join(dir, 'config');
    expect(kubeconfigConnection(kubeconfig({ exec: { command: 'aws' } }), file)).toBeUndefined();
    expect(kubeconfigConnection(kubeconfig({ 'auth-provider': { name: 'oidc' } }), file)).toBeUndefined();
  });

  it('whose current context names nothing is an error saying what to set', () => {
    const text = JSON.stringify({ 'current-context': 'nope', contexts: [], clusters: [], users: [] });
    expect(() => kubeconfigConnection(text, 'kc')).toThrow(/current-context 'nope' names no context/);
  });

  it('from KUBECONFIG reaches the API server, watches included, with no client-node loader', async () => {
    const api = await startFakeApiServer({ namespaces: ['a'] });
    try {
      const file = join(dir, 'fake-kubeconfig');
      writeFileSync(file, api.kubeConfig().exportConfig());
      const connection = await loadConnection({ KUBECONFIG: file });
      expect(connection).toBeInstanceOf(StaticConnection);
      const client = new KubeClient(connection);
      const cm = { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps' };
      const events: string[] = [];
      let ended: unknown = 'open';
      const watch = await client.watch(
        '/api/v1/namespaces/a/configmaps',
        {},
        (type, obj) => events.push(`${type} ${obj.metadata.name}`),
        (err) => (ended = err),
      );
      await client.create(cm, { metadata: { name: 'x', namespace: 'a' }, data: { k: 'v' } });
      await waitFor(() => events.includes('ADDED x'), { description: 'the ADDED event' });
      watch.abort();
      await waitFor(() => ended === null, { description: 'the watch to end' });
    } finally {
      await api.stop();
    }
  });
});
