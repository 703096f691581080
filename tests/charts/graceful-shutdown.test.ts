/**
 * A terminating agent pod loses no request: it keeps serving while endpoint removal propagates (preStop
 * sleep), the runtime then drains within DRAIN_TIMEOUT_MS, the engine outlives the drain, and the grace
 * period outlives them all.
 */
import { describe, expect, it } from '@jest/globals';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { shutdownTiming } from '../../charts-ts/constructs/shutdown-timing.js';
import { render } from '../../charts-ts/render.js';
import { aimodel, find, firstVersion, minimalModel, minimalVersion } from './support.js';

const podOf = (objects: ReturnType<typeof render>, name: string) =>
  find(objects, 'Deployment', name).spec.template.spec;
const container = (pod: any, name: string) => pod.containers.find((c: any) => c.name === name);
const envOf = (c: any) => Object.fromEntries(c.env.map((e: any) => [e.name, e.value]));

describe('graceful shutdown of agent pods', () => {
  const objects = render(aimodel('xiaoai'), [firstVersion('xiaoai')], [{ version: 'v1', weight: 100 }]);
  const pod = podOf(objects, 'xiaoai-v1');

  it('delays the runtime SIGTERM with a preStop sleep (no shell needed) and tells it its drain deadline', () => {
    const runtime = container(pod, 'runtime');
    expect(runtime.lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    expect(envOf(runtime).DRAIN_TIMEOUT_MS).toBe('45000');
  });

  it('keeps the engine serving until the runtime has drained, and SIGKILLs only after both', () => {
    expect(container(pod, 'engine').lifecycle).toEqual({ preStop: { sleep: { seconds: 50 } } });
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(5 + 45);
  });

  it('is a valid Deployment', () => {
    expect(() => new Deployment(find(objects, 'Deployment', 'xiaoai-v1') as never).validate()).not.toThrow();
  });

  it("follows a DRAIN_TIMEOUT_MS set in runtime.env, so the grace period still outlives the runtime's drain", () => {
    const model = minimalModel({
      runtime: { env: [{ name: 'DRAIN_TIMEOUT_MS', value: '120500' }] } as never,
    });
    const long = podOf(render(model, [minimalVersion('v1')], [{ version: 'v1', weight: 100 }]), 'demo-v1');
    expect(envOf(container(long, 'runtime')).DRAIN_TIMEOUT_MS).toBe('120500');
    expect(container(long, 'engine').lifecycle.preStop.sleep.seconds).toBe(5 + 121);
    expect(long.terminationGracePeriodSeconds).toBe(5 + 121 + 10);
  });

  it('puts only the runtime behind the preStop delay when the engine is external', () => {
    const model = minimalModel({ engine: { external: { baseUrl: 'https://api.example.com/v1' } } });
    const external = podOf(
      render(model, [minimalVersion('v1')], [{ version: 'v1', weight: 100 }]),
      'demo-v1',
    );
    expect(external.containers.map((c: any) => [c.name, c.lifecycle])).toEqual([
      ['runtime', { preStop: { sleep: { seconds: 5 } } }],
    ]);
  });

  it('refuses a DRAIN_TIMEOUT_MS that is not a literal number of milliseconds, naming the field', () => {
    expect(() => shutdownTiming('demo', [{ name: 'DRAIN_TIMEOUT_MS', value: '45s' }])).toThrow(
      "demo: runtime.env DRAIN_TIMEOUT_MS must be a literal number of milliseconds (e.g. '45000')",
    );
    expect(() =>
      shutdownTiming('demo', [{ name: 'DRAIN_TIMEOUT_MS', secretKeyRef: { name: 's', key: 'k' } }]),
    ).toThrow(/runtime\.env DRAIN_TIMEOUT_MS must be a literal number/);
  });
});
