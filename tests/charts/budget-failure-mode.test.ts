/**
 * AIModel `spec.runtime.budgetFailureMode`: accepted and defaulted by the API server as the CRD says,
 * and rendered as the BUDGET_FAILURE_MODE the runtime reads (only when it is not the default).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiException, CustomObjectsApi } from '@kubernetes/client-node';
import { render } from '../../charts-ts/render.js';
import type { AIModel } from '../../crds/api/index.js';
import { loadConfig } from '../../runtime/config.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { find, minimalModel, minimalVersion } from './support.js';

type Runtime = NonNullable<AIModel['spec']['runtime']>;

function runtimeEnv(runtime: Runtime): Record<string, string> {
  const deployment = find(
    render(minimalModel({ runtime }), [minimalVersion('v1')], []),
    'Deployment',
    'demo-v1',
  );
  const container = deployment.spec.template.spec.containers.find((c: any) => c.name === 'runtime');
  return Object.fromEntries(
    container.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, e.value]),
  );
}

describe('spec.runtime.budgetFailureMode', () => {
  it('renders Closed as BUDGET_FAILURE_MODE=closed, which the runtime then reads', () => {
    const env = runtimeEnv({ budgetFailureMode: 'Closed' });
    expect(env.BUDGET_FAILURE_MODE).toBe('closed');
    const config = loadConfig({ ...env, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' }, () => '');
    expect(config.budgetFailureMode).toBe('closed');
  });

  it("leaves Open, and an unset mode, to the runtime's default (open)", () => {
    for (const runtime of [{ budgetFailureMode: 'Open' as const }, {}]) {
      const env = runtimeEnv(runtime);
      expect(env).not.toHaveProperty('BUDGET_FAILURE_MODE');
      expect(
        loadConfig({ ...env, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' }, () => '').budgetFailureMode,
      ).toBe('open');
    }
  });

  describe('on the API server', () => {
    let api: FakeApiServer;
    let custom: CustomObjectsApi;
    let n = 0;
    beforeAll(async () => {
      api = await startFakeApiServer({ crds: ['project'], namespaces: ['agents'] });
      custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
    });
    afterAll(async () => {
      await api.stop();
    });

    const create = (runtime: Record<string, unknown>) =>
      custom.createNamespacedCustomObject({
        group: 'ai.suoke.life',
        version: 'v1alpha1',
        namespace: 'agents',
        plural: 'aimodels',
        fieldValidation: 'Strict',
        body: {
          apiVersion: 'ai.suoke.life/v1alpha1',
          kind: 'AIModel',
          metadata: { name: `demo-${++n}` },
          spec: {
            agent: { name: 'demo' },
            framework: 'custom',
            engine: { image: 'ghcr.io/example/engine:1.0.0' },
            runtime,
          },
        },
      }) as Promise<{ spec: { runtime: Record<string, unknown> } }>;

    it('defaults it to Open and keeps Closed', async () => {
      expect((await create({})).spec.runtime.budgetFailureMode).toBe('Open');
      expect((await create({ budgetFailureMode: 'Closed' })).spec.runtime.budgetFailureMode).toBe('Closed');
    });

    it('refuses any other value, naming the ones it takes', async () => {
      const error = await create({ budgetFailureMode: 'closed' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiException);
      const status = JSON.parse((error as ApiException<string>).body) as { code: number; message: string };
      expect(status.code).toBe(422);
      expect(status.message).toContain(
        `spec.runtime.budgetFailureMode: Unsupported value: "closed": supported values: "Open", "Closed"`,
      );
    });
  });
});
