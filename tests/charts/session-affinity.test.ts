import { describe, expect, it } from '@jest/globals';
import { render, type KubeObject, type RenderOptions } from '../../charts-ts/render.js';
import type { AIModel } from '../../crds/api/index.js';
import { validateObject, type K8sObject } from '../charts-platform/support/validate.js';
import { CANDIDATES } from './rendered.js';
import { find, minimalModel, minimalVersion } from './support.js';

/**
 * What render() derives for session affinity: the runtime's variables, the session routes first in the
 * VirtualService, and the AuthorizationPolicy that lets only the model's runtimes pick a version.
 */
const REDIS = { redis: { mode: 'standalone' as const, url: 'redis://redis.suoke-ai.svc:6379' } };

function withAffinity(traffic: AIModel['spec']['traffic'] = {}, runtime: AIModel['spec']['runtime'] = REDIS) {
  return minimalModel({ runtime, traffic });
}

const canary = (model: AIModel, options: RenderOptions = {}): KubeObject[] =>
  render(
    model,
    [minimalVersion('v1'), minimalVersion('v2')],
    [
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ],
    options,
  );

const runtimeEnv = (objects: readonly KubeObject[], version = 'v1'): Record<string, string> => {
  const deployment = find(objects, 'Deployment', `demo-${version}`);
  const runtime = deployment.spec.template.spec.containers.find(
    (c: { name: string }) => c.name === 'runtime',
  );
  return Object.fromEntries(
    (runtime.env as { name: string; value?: string }[])
      .filter((e) => e.name.startsWith('SESSION_'))
      .map((e) => [e.name, e.value ?? '']),
  );
};

const httpNames = (objects: readonly KubeObject[]): string[] =>
  find(objects, 'VirtualService', 'demo').spec.http.map((r: { name: string }) => r.name);

describe('session affinity in render()', () => {
  it('is on by default with Redis and Istio routes: the runtime forwards through the model’s Service', () => {
    const objects = canary(withAffinity());
    for (const version of ['v1', 'v2']) {
      expect(runtimeEnv(objects, version)).toEqual({
        SESSION_AFFINITY: 'on',
        SESSION_AFFINITY_HEADER: 'x-session-id',
        SESSION_FORWARD_URL: 'http://demo.suoke-ai.svc.cluster.local:80',
      });
    }
  });

  it('reads the session key from the cookie the AIModel names', () => {
    const env = runtimeEnv(canary(withAffinity({ sessionAffinity: { cookie: 'conversation' } })));
    expect(env).toEqual({
      SESSION_AFFINITY: 'on',
      SESSION_AFFINITY_COOKIE: 'conversation',
      SESSION_FORWARD_URL: 'http://demo.suoke-ai.svc.cluster.local:80',
    });
  });

  it.each([
    ['without Redis', withAffinity({}, {}), {}],
    ['with Redis mode none', withAffinity({}, { redis: { mode: 'none' } }), {}],
    ['switched off', withAffinity({ sessionAffinity: { enabled: false } }), {}],
    ['under Gateway API routes', withAffinity(), { routes: 'gateway-api' as const, mesh: true }],
    ['without routes (replica ratios)', withAffinity(), { routes: 'none' as const, mesh: true }],
  ])('is off %s: output as without it', (_name, model, options: RenderOptions) => {
    const objects = canary(model, options);
    expect(runtimeEnv(objects)).toEqual({});
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).not.toContain(
      'AuthorizationPolicy/demo-session-version',
    );
    const without = { ...model, spec: { ...model.spec, traffic: { sessionAffinity: { enabled: false } } } };
    expect(JSON.stringify(objects)).toBe(JSON.stringify(canary(without, options)));
  });

  it('refuses enabled: true with a router that has no route per version, naming the router and the fix', () => {
    const model = withAffinity({ sessionAffinity: { enabled: true } });
    expect(() => canary(model, { routes: 'gateway-api' })).toThrow(
      "AIModel demo: spec.traffic.sessionAffinity.enabled is true, but the operator's traffic router (routes 'gateway-api') has no route per version for a pinned turn; run the istio router or set enabled: false",
    );
    expect(() => canary(model, { routes: 'none' })).toThrow(/routes 'none'/);
    expect(() => canary(withAffinity({ sessionAffinity: { enabled: true } }, {}))).toThrow(
      'AIModel demo: spec.traffic.sessionAffinity.enabled is true without server-side sessions; set spec.runtime.redis',
    );
  });

  it('routes a forwarded turn to its version first, ahead of the candidate and the split', () => {
    const objects = canary(withAffinity(), { candidate: CANDIDATES.cohort });
    expect(httpNames(objects)).toEqual(['session-v1', 'session-v2', 'candidate', 'versions']);
    const vs = find(objects, 'VirtualService', 'demo');
    const versions = vs.spec.http[3];
    expect(vs.spec.http[0]).toEqual({
      name: 'session-v1',
      match: [{ headers: { 'x-suoke-session-version': { exact: 'v1' } } }],
      route: [
        {
          destination: { host: 'demo.suoke-ai.svc.cluster.local', subset: 'v1', port: { number: 80 } },
          weight: 100,
        },
      ],
      timeout: versions.timeout,
      retries: versions.retries,
    });
  });

  it('gives a session route only to versions that serve: a weight, a matched route, or named by the operator', () => {
    const model = withAffinity();
    const versions = [minimalVersion('v1'), minimalVersion('v2')];
    const stableOnly = [
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ];
    // A canary before its first step, or a shadow (its mirrored answers are discarded), serves no session.
    expect(httpNames(render(model, versions, stableOnly))).toEqual(['session-v1', 'versions']);
    expect(httpNames(render(model, versions, stableOnly, { candidate: CANDIDATES.shadow }))).toEqual([
      'session-v1',
      'versions',
    ]);
    expect(httpNames(render(model, versions, stableOnly, { candidate: CANDIDATES.preview }))).toEqual([
      'session-v1',
      'session-v2',
      'candidate',
      'versions',
    ]);
    // After a promotion the previous stable serves its sessions until it is scaled down.
    const promoted = [
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ];
    expect(httpNames(render(model, versions, promoted, { sessionVersions: ['v1', 'v2'] }))).toEqual([
      'session-v1',
      'session-v2',
      'versions',
    ]);
    expect(() => render(model, versions, promoted, { sessionVersions: ['v3'] })).toThrow(
      "render: options.sessionVersions names version 'v3', which is not among the versions of demo",
    );
  });

  it('denies the session version header unless one of the model’s own runtimes sends it', async () => {
    const objects = canary(withAffinity());
    const deny = find(objects, 'AuthorizationPolicy', 'demo-session-version');
    expect(deny.spec).toEqual({
      selector: { matchLabels: { app: 'demo' } },
      action: 'DENY',
      rules: [
        {
          from: [
            {
              source: {
                notPrincipals: [
                  'cluster.local/ns/suoke-ai/sa/demo-v1',
                  'cluster.local/ns/suoke-ai/sa/demo-v2',
                ],
              },
            },
          ],
          when: [{ key: 'request.headers[x-suoke-session-version]', values: ['*'] }],
        },
      ],
    });
    // The runtimes run as those ServiceAccounts.
    for (const version of ['v1', 'v2']) {
      expect(find(objects, 'Deployment', `demo-${version}`).spec.template.spec.serviceAccountName).toBe(
        `demo-${version}`,
      );
    }
    // The ALLOW policy is unchanged, and a forwarding runtime is one of the model's own namespace.
    const allow = find(objects, 'AuthorizationPolicy', 'demo');
    const off = canary(withAffinity({ sessionAffinity: { enabled: false } }));
    expect(allow).toEqual(find(off, 'AuthorizationPolicy', 'demo'));
    expect(JSON.stringify(allow.spec.rules)).toContain('"namespaces":["suoke-ai"]');
    // The NetworkPolicy already admits the namespace's pods (the model's own) on the API port.
    const policy = find(objects, 'NetworkPolicy', 'demo-v1');
    expect(policy.spec.ingress[0].from[0]).toEqual({ podSelector: {} });
    for (const object of objects) expect(await validateObject(object as K8sObject)).toEqual([]);
  });
});
