/** Token prices (spec.runtime.pricing) reach each version's runtime as the PRICE_* variables of runtime/config.ts. */
import { describe, expect, it } from '@jest/globals';
import type { ModelVersion } from '../../crds/api/index.js';
import { render } from '../../charts-ts/render.js';
import { loadConfig } from '../../runtime/config.js';
import { aimodel, find, minimalModel, minimalVersion, modelVersion } from './support.js';

type Pricing = NonNullable<NonNullable<ModelVersion['spec']['runtime']>['pricing']>;

function runtimeEnvOf(objects: ReturnType<typeof render>, deployment: string): Record<string, string> {
  const runtime = find(objects, 'Deployment', deployment).spec.template.spec.containers.find(
    (c: any) => c.name === 'runtime',
  );
  return Object.fromEntries(
    runtime.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, e.value]),
  );
}

const SPLIT = [
  { version: 'v1', weight: 90 },
  { version: 'v2', weight: 10 },
];

const priced = (version: string, pricing: Pricing): ModelVersion => {
  const mv = minimalVersion(version);
  return { ...mv, spec: { ...mv.spec, runtime: { pricing } } };
};

describe('spec.runtime.pricing', () => {
  it("sets the AIModel's prices on every version's runtime, which the runtime then reads", () => {
    const model = minimalModel({
      runtime: { pricing: { inputPerMillionTokens: 0.15, outputPerMillionTokens: 0.6, currency: 'EUR' } },
    });
    const objects = render(model, [minimalVersion('v1'), minimalVersion('v2')], SPLIT);
    for (const deployment of ['demo-v1', 'demo-v2']) {
      const env = runtimeEnvOf(objects, deployment);
      expect([deployment, env]).toEqual([
        deployment,
        expect.objectContaining({
          PRICE_INPUT_PER_MILLION_TOKENS: '0.15',
          PRICE_OUTPUT_PER_MILLION_TOKENS: '0.6',
          PRICE_CURRENCY: 'EUR',
        }),
      ]);
      const config = loadConfig({ ...env, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' }, () => '');
      expect(config.pricing).toEqual({
        inputPerMillionTokens: 0.15,
        outputPerMillionTokens: 0.6,
        currency: 'EUR',
      });
    }
  });

  it("lets a version's own pricing replace the AIModel's whole, leaving the other versions at the model's", () => {
    const model = minimalModel({
      runtime: { pricing: { inputPerMillionTokens: 0.15, outputPerMillionTokens: 0.6, currency: 'EUR' } },
    });
    const objects = render(
      model,
      [minimalVersion('v1'), priced('v2', { inputPerMillionTokens: 2, outputPerMillionTokens: 8 })],
      SPLIT,
    );
    expect(runtimeEnvOf(objects, 'demo-v2')).toMatchObject({
      PRICE_INPUT_PER_MILLION_TOKENS: '2',
      PRICE_OUTPUT_PER_MILLION_TOKENS: '8',
      // The version's pricing names no currency: its own default, not the model's EUR.
      PRICE_CURRENCY: 'USD',
    });
    expect(runtimeEnvOf(objects, 'demo-v1')).toMatchObject({ PRICE_INPUT_PER_MILLION_TOKENS: '0.15' });
  });

  it('prices a version even when its AIModel has no pricing', () => {
    const objects = render(
      minimalModel(),
      [priced('v1', { inputPerMillionTokens: 0, outputPerMillionTokens: 1.25 })],
      [],
    );
    const env = runtimeEnvOf(objects, 'demo-v1');
    expect(env).toMatchObject({
      PRICE_INPUT_PER_MILLION_TOKENS: '0',
      PRICE_OUTPUT_PER_MILLION_TOKENS: '1.25',
    });
    const config = loadConfig({ ...env, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' }, () => '');
    expect(config.pricing).toEqual({
      inputPerMillionTokens: 0,
      outputPerMillionTokens: 1.25,
      currency: 'USD',
    });
  });

  it('sets no PRICE_* variable without pricing, so no cost is counted', () => {
    const env = runtimeEnvOf(render(minimalModel(), [minimalVersion('v1')], []), 'demo-v1');
    expect(Object.keys(env).filter((name) => name.startsWith('PRICE_'))).toEqual([]);
  });

  it("prices the xiaoai example's canary at its own prices and its first version at the model's", () => {
    const objects = render(
      aimodel('xiaoai'),
      [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
      [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 10 },
      ],
    );
    expect(runtimeEnvOf(objects, 'xiaoai-v1')).toMatchObject({
      PRICE_INPUT_PER_MILLION_TOKENS: '0.2',
      PRICE_OUTPUT_PER_MILLION_TOKENS: '0.8',
      PRICE_CURRENCY: 'USD',
    });
    expect(runtimeEnvOf(objects, 'xiaoai-v2')).toMatchObject({
      PRICE_INPUT_PER_MILLION_TOKENS: '0.22',
      PRICE_OUTPUT_PER_MILLION_TOKENS: '0.88',
    });
  });
});
