/** The example AIModels agree with what the platform chart runs, so a plain `kubectl apply` of them works too. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { parse } from 'yaml';
import { runtimeRedis } from '../../charts-ts/agent-overlay.js';
import { PlatformChart } from '../../charts-ts/charts/platform-chart.js';
import { validateResource } from '../../crds/validation/validate.js';
import { REPO_ROOT, agentSet } from './support.js';

describe('examples/', () => {
  it("AIModels name the platform's default Redis and its password Secret", () => {
    const platform = new PlatformChart(new App(), 'platform', { agentNamespace: 'suoke-ai' });
    const expected = runtimeRedis(platform.redisConnection);
    expect(expected).toEqual({
      mode: 'standalone',
      url: 'redis://suoke-redis.suoke-ai.svc:6379',
      passwordSecretRef: { name: 'suoke-redis', key: 'password' },
    });
    const { aimodels } = agentSet();
    expect(aimodels.length).toBeGreaterThan(0);
    for (const model of aimodels) {
      expect({ model: model.metadata.name, redis: model.spec.runtime?.redis }).toEqual({
        model: model.metadata.name,
        redis: expected,
      });
    }
  });

  it('redis-topologies/ shows Sentinel and Cluster with valid AIModels', () => {
    const dir = join(REPO_ROOT, 'examples', 'redis-topologies');
    const modes = readdirSync(dir)
      .sort()
      .map((file) => {
        const object = parse(readFileSync(join(dir, file), 'utf8'), { version: '1.1' });
        expect({ file, errors: validateResource(object).errors }).toEqual({ file, errors: [] });
        return object.spec.runtime.redis.mode as string;
      });
    expect(modes.sort()).toEqual(['cluster', 'sentinel']);
  });
});
