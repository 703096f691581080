import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { synthesize } from '../../charts-ts/synth.js';
import type { KindName } from '../../crds/api/index.js';
import { openApiSchema } from '../../crds/gen/crd.js';
import { applyDefaults } from '../../crds/validation/defaults.js';
import { validateOpenApi } from '../../crds/validation/openapi.js';
import { hasCustomSchema, validateObject, type K8sObject } from '../charts-platform/support/validate.js';
import { renderedCases } from './rendered.js';

const OUR_GROUP = 'ai.suoke.life/';

/**
 * Core kinds against kubernetes-models (the Kubernetes OpenAPI schema), Istio/VPA/prometheus-operator/Argo CD
 * kinds against the upstream CRDs (unknown fields are errors), our kinds against our CRDs' OpenAPI schemas (their
 * CEL rules are the API's own tests' concern, over the same examples).
 */
async function problems(object: K8sObject): Promise<string[]> {
  if (object.apiVersion.startsWith(OUR_GROUP)) {
    const schema = openApiSchema(object.kind as KindName);
    return validateOpenApi(schema, applyDefaults(schema, object)).map(
      (e) => `${object.kind}/${object.metadata.name}: ${JSON.stringify(e)}`,
    );
  }
  return validateObject(object);
}

/** One at a time: the ESM loader under jest races on concurrent first imports of the same model module. */
async function allProblems(objects: readonly K8sObject[]): Promise<string[]> {
  const out: string[] = [];
  for (const object of objects) out.push(...(await problems(object)));
  return out;
}

describe('every rendered object is valid Kubernetes', () => {
  it.each(renderedCases().map((c) => [c.name, c.objects] as const))(
    'render(): %s',
    async (_name, objects) => {
      const errors = await allProblems(objects as K8sObject[]);
      expect(errors).toEqual([]);
    },
  );

  it('checks Istio and VPA objects against their upstream CRD schemas, not just as JSON', () => {
    const kinds = new Set(
      renderedCases().flatMap((c) =>
        c.objects.filter((o) => hasCustomSchema(o as K8sObject)).map((o) => o.kind),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'AuthorizationPolicy',
      'DestinationRule',
      'PeerAuthentication',
      'VerticalPodAutoscaler',
      'VirtualService',
    ]);
  });

  it('validates the candidate routes of every strategy: a preview, a header and cookie cohort, a mirror', () => {
    const routes = renderedCases().flatMap((c) =>
      c.objects
        .filter((o) => o.kind === 'VirtualService')
        .flatMap((o) => (o.spec as { http: Record<string, any>[] }).http),
    );
    const matched = routes.filter((r) => r.name === 'candidate').flatMap((r) => r.match);
    expect(matched.some((m) => m.headers['x-model-version'] !== undefined)).toBe(true);
    expect(matched.some((m) => m.headers['x-cohort'] !== undefined)).toBe(true);
    expect(matched.some((m) => m.headers.cookie?.regex !== undefined)).toBe(true);
    expect(routes.some((r) => r.name === 'versions' && r.mirror !== undefined)).toBe(true);
  });

  it('a schema violation in a candidate route or mirror is caught', async () => {
    const cases = renderedCases();
    const vs = (name: RegExp) =>
      structuredClone(
        cases.find((c) => name.test(c.name))?.objects.find((o) => o.kind === 'VirtualService'),
      ) as any;
    const named = (object: any, name: string) => object.spec.http.find((r: any) => r.name === name);
    const cohort = vs(/cohort/);
    named(cohort, 'candidate').match[0].headers['x-cohort'] = { exact: 'beta', prefix: 'b' };
    expect((await problems(cohort)).length).toBeGreaterThan(0);
    const shadow = vs(/shadow/);
    named(shadow, 'versions').mirrorPercentage = { value: 'ten' };
    named(shadow, 'versions').mirror.weight = 10;
    expect((await problems(shadow)).length).toBeGreaterThan(1);
  });

  it('a schema violation is caught (the validators are live)', async () => {
    const [first] = renderedCases();
    const virtualService = structuredClone(first?.objects.find((o) => o.kind === 'VirtualService')) as any;
    virtualService.spec.http[0].route[0].weight = 'half';
    virtualService.spec.http[0].retriesTypo = {};
    expect((await problems(virtualService)).length).toBeGreaterThan(0);
    const hpa = structuredClone(first?.objects.find((o) => o.kind === 'HorizontalPodAutoscaler')) as any;
    hpa.spec.maxReplicas = 'ten';
    expect((await problems(hpa)).length).toBeGreaterThan(0);
  });

  it('every synthesized object in dist/ validates', async () => {
    const objects: K8sObject[] = [];
    for (const [file, content] of synthesize()) {
      for (const doc of parseAllDocuments(content)) {
        expect(doc.errors).toEqual([]);
        objects.push(doc.toJS() as K8sObject);
      }
      expect(content.length).toBeGreaterThan(0);
      expect(file).toMatch(/\.yaml$/);
    }
    expect(objects.length).toBeGreaterThan(0);
    const errors = await allProblems(objects);
    expect(errors).toEqual([]);
  });
});
