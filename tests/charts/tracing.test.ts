/**
 * render() with the platform's tracing setting (`--tracing-endpoint`): every runtime container gets the
 * OpenTelemetry variables the runtime reads, nothing else changes, and without the setting nothing does.
 */
import { describe, expect, it } from '@jest/globals';
import { render, type KubeObject, type RenderOptions } from '../../charts-ts/render.js';
import { loadConfig } from '../../runtime/config.js';
import { validateCore, type K8sObject } from '../charts-platform/support/validate.js';
import {
  AGENTS,
  aimodel,
  find,
  firstVersion,
  minimalModel,
  minimalVersion,
  modelVersion,
} from './support.js';

const ENDPOINT = 'http://suoke-otel-collector.suoke-modelops-system.svc:4318';
const TRACING_VARIABLES = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_SERVICE_NAME',
  'POD_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
];

type Env = { name: string; value?: string; valueFrom?: unknown };

function renderAgent(agent: string, options: RenderOptions = {}): KubeObject[] {
  const first = firstVersion(agent);
  return render(aimodel(agent), [first], [{ version: first.spec.version, weight: 100 }], options);
}

function containers(objects: readonly KubeObject[]): { name: string; env?: Env[] }[] {
  return objects
    .filter((o) => o.kind === 'Deployment')
    .flatMap((o) => (o as any).spec.template.spec.containers as { name: string; env?: Env[] }[]);
}

function runtimeEnv(objects: readonly KubeObject[]): Env[] {
  const runtimes = containers(objects).filter((c) => c.name === 'runtime');
  expect(runtimes.length).toBeGreaterThan(0);
  return runtimes[0]!.env ?? [];
}

/** The rendered objects without the tracing variables. */
function withoutTracing(objects: readonly KubeObject[]): unknown {
  const copy = structuredClone(objects) as any[];
  for (const deployment of copy.filter((o) => o.kind === 'Deployment')) {
    for (const container of deployment.spec.template.spec.containers) {
      container.env = (container.env as Env[]).filter((e) => !TRACING_VARIABLES.includes(e.name));
    }
  }
  return copy;
}

describe('render() with tracing', () => {
  it.each(AGENTS)(
    '%s: the runtime container exports to the endpoint as its agent, with the pod in its resource',
    (agent) => {
      const env = runtimeEnv(renderAgent(agent, { tracing: { endpoint: ENDPOINT, samplingRatio: 0.25 } }));
      const tracing = env.filter((e) => TRACING_VARIABLES.includes(e.name));
      expect(tracing).toEqual([
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: ENDPOINT },
        { name: 'OTEL_TRACES_SAMPLER', value: 'parentbased_traceidratio' },
        { name: 'OTEL_TRACES_SAMPLER_ARG', value: '0.25' },
        { name: 'OTEL_SERVICE_NAME', value: aimodel(agent).spec.agent.name },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        {
          name: 'OTEL_RESOURCE_ATTRIBUTES',
          value: 'k8s.namespace.name=suoke-ai,k8s.pod.name=$(POD_NAME)',
        },
      ]);
    },
  );

  it('declares POD_NAME before the variable that refers to it, as Kubernetes expands $(VAR) only from earlier ones', () => {
    const names = runtimeEnv(renderAgent('xiaoai', { tracing: { endpoint: ENDPOINT } })).map((e) => e.name);
    expect(names.indexOf('POD_NAME')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('POD_NAME')).toBeLessThan(names.indexOf('OTEL_RESOURCE_ATTRIBUTES'));
  });

  it('samples every trace by default (ratio 1)', () => {
    const env = runtimeEnv(renderAgent('soer', { tracing: { endpoint: ENDPOINT } }));
    expect(env.find((e) => e.name === 'OTEL_TRACES_SAMPLER_ARG')).toEqual({
      name: 'OTEL_TRACES_SAMPLER_ARG',
      value: '1',
    });
  });

  it.each(AGENTS)(
    '%s: changes nothing but the runtime containers’ variables; the engine gets none',
    (agent) => {
      const traced = renderAgent(agent, { tracing: { endpoint: ENDPOINT } });
      expect(withoutTracing(traced)).toEqual(renderAgent(agent));
      for (const container of containers(traced).filter((c) => c.name !== 'runtime')) {
        expect((container.env ?? []).filter((e) => /^OTEL_/.test(e.name))).toEqual([]);
      }
    },
  );

  it('renders without tracing exactly as with no options: no OTEL variable anywhere', () => {
    for (const agent of AGENTS) {
      const plain = renderAgent(agent);
      expect(JSON.stringify(renderAgent(agent, { tracing: undefined }))).toBe(JSON.stringify(plain));
      expect(JSON.stringify(plain)).not.toMatch(/OTEL_|"POD_NAME"/);
    }
  });

  it('sets the variables on every version of a canary', () => {
    const objects = render(
      aimodel('xiaoai'),
      [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
      [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 10 },
      ],
      { tracing: { endpoint: ENDPOINT } },
    );
    const runtimes = containers(objects).filter((c) => c.name === 'runtime');
    expect(runtimes).toHaveLength(2);
    for (const runtime of runtimes) {
      expect(runtime.env).toEqual(
        expect.arrayContaining([{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: ENDPOINT }]),
      );
    }
  });

  it("lets a model's own runtime.env override one variable for that model", () => {
    const model = minimalModel({
      runtime: { env: [{ name: 'OTEL_TRACES_SAMPLER_ARG', value: '0.01' }] },
    });
    const objects = render(model, [minimalVersion('v1')], [], {
      tracing: { endpoint: ENDPOINT, samplingRatio: 0.5 },
    });
    const env = runtimeEnv(objects).filter((e) => e.name === 'OTEL_TRACES_SAMPLER_ARG');
    expect(env).toEqual([{ name: 'OTEL_TRACES_SAMPLER_ARG', value: '0.01' }]);
  });

  it('renders a Deployment kubernetes-models accepts, whose environment the runtime reads as meant', async () => {
    const objects = renderAgent('xiaoai', { tracing: { endpoint: ENDPOINT, samplingRatio: 0.1 } });
    const deployment = find(objects, 'Deployment', 'xiaoai-v1') as K8sObject;
    expect(await validateCore(deployment)).toEqual([]);
    // The environment as the kubelet hands it over: literals, the pod's name, $(VAR) expanded.
    const values: Record<string, string> = {};
    for (const e of runtimeEnv(objects)) {
      if (e.name === 'POD_NAME') values[e.name] = 'xiaoai-v1-7d9f8-abcde';
      else if (e.value !== undefined) {
        values[e.name] = e.value.replace(/\$\(([A-Z_]+)\)/g, (_m, name: string) => values[name] ?? '');
      }
    }
    expect(values['OTEL_RESOURCE_ATTRIBUTES']).toBe(
      'k8s.namespace.name=suoke-ai,k8s.pod.name=xiaoai-v1-7d9f8-abcde',
    );
    expect(loadConfig(values, () => 'secret').tracing).toMatchObject({
      enabled: true,
      tracesUrl: `${ENDPOINT}/v1/traces`,
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.1,
      serviceName: 'xiaoai',
      resourceAttributes: { 'k8s.namespace.name': 'suoke-ai', 'k8s.pod.name': 'xiaoai-v1-7d9f8-abcde' },
    });
  });

  it.each([
    [
      { endpoint: 'suoke-otel-collector:4318' },
      "render: options.tracing.endpoint 'suoke-otel-collector:4318' must be an http(s) URL",
    ],
    [
      { endpoint: 'grpc://collector:4317' },
      "render: options.tracing.endpoint 'grpc://collector:4317' must be an http(s) URL",
    ],
    [{ endpoint: 'not a url' }, "render: options.tracing.endpoint 'not a url' is not a URL"],
    [
      { endpoint: ENDPOINT, samplingRatio: 1.5 },
      'render: options.tracing.samplingRatio (1.5) must be a number from 0 to 1',
    ],
    [
      { endpoint: ENDPOINT, samplingRatio: Number.NaN },
      'render: options.tracing.samplingRatio (NaN) must be a number from 0 to 1',
    ],
  ])('refuses %j, naming the option', (tracing, message) => {
    expect(() => renderAgent('xiaoai', { tracing })).toThrow(message);
  });
});
