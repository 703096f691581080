import { KubeConfig } from '@kubernetes/client-node';

describe('toolchain', () => {
  it('loads the ESM-only Kubernetes client under jest', () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'http://127.0.0.1:1' }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    expect(kc.getCurrentCluster()?.server).toBe('http://127.0.0.1:1');
  });
});
