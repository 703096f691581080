import { describe, expect, it } from '@jest/globals';
import { scaledBounds } from '../../charts-ts/agent-spec.js';
import { render, type KubeObject } from '../../charts-ts/render.js';
import { CANDIDATES } from './rendered.js';
import { aimodel, find, firstVersion, minimalModel, minimalVersion, modelVersion } from './support.js';

const canary = () =>
  render(
    aimodel('xiaoai'),
    [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
    [
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ],
    { scaleWithTraffic: ['v2'] },
  );

const kinds = (objects: readonly KubeObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

describe('render()', () => {
  it('derives the per-version and per-model objects with stable names, in dependency order', () => {
    expect(kinds(canary())).toEqual([
      'ServiceAccount/xiaoai-v1',
      'ServiceAccount/xiaoai-v2',
      'Service/xiaoai',
      'Deployment/xiaoai-v1',
      'Deployment/xiaoai-v2',
      'HorizontalPodAutoscaler/xiaoai-v1',
      'HorizontalPodAutoscaler/xiaoai-v2',
      'VerticalPodAutoscaler/xiaoai-v1',
      'VerticalPodAutoscaler/xiaoai-v2',
      'PodDisruptionBudget/xiaoai-v1',
      'PodDisruptionBudget/xiaoai-v2',
      'NetworkPolicy/xiaoai-v1',
      'NetworkPolicy/xiaoai-v2',
      'PeerAuthentication/xiaoai',
      'AuthorizationPolicy/xiaoai',
      'AuthorizationPolicy/xiaoai-session-version',
      'DestinationRule/xiaoai',
      'VirtualService/xiaoai',
    ]);
  });

  it('gives every object a controller ownerReference to the AIModel, its namespace and our labels', () => {
    const objects = canary();
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      expect(object.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'ai.suoke.life/v1alpha1',
          kind: 'AIModel',
          name: 'xiaoai',
          uid: 'uid-xiaoai',
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(object.metadata.namespace).toBe('suoke-ai');
      expect(object.metadata.labels).toMatchObject({
        app: 'xiaoai',
        agent: 'xiaoai',
        model: 'xiaoai',
        'app.kubernetes.io/managed-by': 'suoke-modelops-operator',
      });
    }
  });

  it('labels per-version objects and pods with the version, and selects pods on app + version', () => {
    const objects = canary();
    const deployment = find(objects, 'Deployment', 'xiaoai-v2');
    expect(deployment.metadata.labels.version).toBe('v2');
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'xiaoai', version: 'v2' } });
    expect(deployment.spec.template.metadata.labels).toMatchObject({
      app: 'xiaoai',
      agent: 'xiaoai',
      model: 'xiaoai',
      version: 'v2',
    });
    // No construct-path label leaks into pods: selectors and subsets see only ours.
    expect(
      Object.keys(deployment.spec.template.metadata.labels).filter((k) => k.startsWith('cdk8s')),
    ).toEqual([]);
    expect(find(objects, 'Service', 'xiaoai').spec.selector).toEqual({ app: 'xiaoai' });
  });

  it('routes by the given weights to one subset per version, selected on the version label', () => {
    const objects = canary();
    const rule = find(objects, 'DestinationRule', 'xiaoai');
    expect(rule.spec.host).toBe('xiaoai.suoke-ai.svc.cluster.local');
    expect(rule.spec.subsets).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
    ]);
    const route = find(objects, 'VirtualService', 'xiaoai').spec.http.find(
      (r: { name: string }) => r.name === 'versions',
    ).route;
    expect(route.map((r: any) => [r.destination.subset, r.weight])).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
  });

  it('configures the runtime from the AIModel and ModelVersion (contract variables)', () => {
    const deployment = find(canary(), 'Deployment', 'xiaoai-v2');
    const runtime = deployment.spec.template.spec.containers.find((c: any) => c.name === 'runtime');
    const env = Object.fromEntries(runtime.env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({
      PORT: '8000',
      MANAGEMENT_PORT: '9090',
      AGENT: 'xiaoai',
      MODEL: 'xiaoai',
      MODEL_VERSION: 'v2',
      ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1',
      ENGINE_MODEL: 'xiaoai-conversation-llm',
      REDIS_MODE: 'standalone',
      REDIS_URL: 'redis://suoke-redis.suoke-ai.svc:6379',
      REDIS_PASSWORD_FILE: '/etc/agent/redis-password-file/password',
      API_KEYS_FILE: '/etc/agent/api-keys-file/api-keys',
      SYSTEM_PROMPT_FILE: '/etc/agent/system-prompt-file/system-prompt.txt',
      SESSION_TTL_SECONDS: '1800',
      CACHE_TTL_SECONDS: '600',
      RATE_LIMIT_RPS: '10',
      LOG_CONTENT: 'false',
    });
    const engine = deployment.spec.template.spec.containers.find((c: any) => c.name === 'engine');
    expect(engine.image).toBe('vllm/vllm-openai:v0.6.3');
    expect(engine.env).toContainEqual({
      name: 'MODEL_URI',
      value: 'hf://suoke-life/xiaoai-conversation-llm@v2.0.0',
    });
    // Secrets reach the pod only as mounted Secret volumes, never as literals.
    const volumes = deployment.spec.template.spec.volumes;
    expect(volumes).toContainEqual(
      expect.objectContaining({
        name: 'redis-password-file',
        secret: expect.objectContaining({ secretName: 'suoke-redis' }),
      }),
    );
  });

  it('passes spec.runtime.extraRequestParams to the runtime as EXTRA_REQUEST_PARAMS, and nothing when unset', () => {
    const runtimeEnv = (model: ReturnType<typeof minimalModel>) => {
      const deployment = find(render(model, [minimalVersion('v1')], []), 'Deployment', 'demo-v1');
      const runtime = deployment.spec.template.spec.containers.find((c: any) => c.name === 'runtime');
      return Object.fromEntries(runtime.env.map((e: any) => [e.name, e.value]));
    };
    expect(runtimeEnv(minimalModel({ runtime: { extraRequestParams: ['top_k', 'min_p'] } }))).toMatchObject({
      EXTRA_REQUEST_PARAMS: 'top_k,min_p',
    });
    expect(runtimeEnv(minimalModel())).not.toHaveProperty('EXTRA_REQUEST_PARAMS');
  });

  it('runs the runtime alone, with the declared resources, for an external engine', () => {
    const model = minimalModel({
      engine: {
        external: {
          baseUrl: 'https://api.example.com/v1',
          fallbackUrls: ['https://backup.example.com/v1'],
          apiKeySecretRef: { name: 'engine-key', key: 'api-key' },
        },
      },
      resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    });
    const deployment = find(render(model, [minimalVersion('v1')], []), 'Deployment', 'demo-v1');
    const containers = deployment.spec.template.spec.containers;
    expect(containers.map((c: any) => c.name)).toEqual(['runtime']);
    const env = Object.fromEntries(containers[0].env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({
      ENGINE_BASE_URL: 'https://api.example.com/v1',
      ENGINE_FALLBACK_URLS: 'https://backup.example.com/v1',
      ENGINE_API_KEY_FILE: '/etc/agent/engine-api-key-file/api-key',
    });
    expect(containers[0].resources).toEqual({
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
  });

  it('lets a ModelVersion override the engine image, model name and runtime image', () => {
    const version = minimalVersion('v2');
    const overridden = {
      ...version,
      spec: {
        ...version.spec,
        engine: { image: 'ghcr.io/example/engine:2.0.0', modelName: 'demo-large' },
        runtime: { image: 'ghcr.io/suoke-life/agent-runtime:0.2.0' },
      },
    };
    const deployment = find(render(minimalModel(), [overridden], []), 'Deployment', 'demo-v2');
    const byName = Object.fromEntries(deployment.spec.template.spec.containers.map((c: any) => [c.name, c]));
    expect(byName.engine.image).toBe('ghcr.io/example/engine:2.0.0');
    expect(byName.runtime.image).toBe('ghcr.io/suoke-life/agent-runtime:0.2.0');
    expect(byName.runtime.env).toContainEqual({ name: 'ENGINE_MODEL', value: 'demo-large' });
  });

  it('gives the engine default CPU and memory when the AIModel declares only GPUs', () => {
    const model = minimalModel({ resources: { gpu: { count: 1 } } });
    const engine = find(render(model, [minimalVersion('v1')], []), 'Deployment', 'demo-v1').spec.template.spec
      .containers[1];
    expect(engine.resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' },
    });
  });

  it('renders only the Service while an AIModel has no version yet', () => {
    expect(kinds(render(minimalModel(), [], []))).toEqual(['Service/demo']);
  });

  it('allows the gateway in when the AIModel names one, and Prometheus on GET /metrics of the management port only', () => {
    const rules = find(
      render(aimodel('xiaoai'), [firstVersion('xiaoai')], []),
      'AuthorizationPolicy',
      'xiaoai',
    ).spec.rules;
    expect(rules).toEqual([
      {
        from: [
          {
            source: { principals: ['cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account'] },
          },
        ],
        to: [{ operation: { notPorts: ['9090'] } }],
      },
      { from: [{ source: { namespaces: ['suoke-ai'] } }], to: [{ operation: { notPorts: ['9090'] } }] },
      {
        from: [{ source: { namespaces: ['monitoring'] } }],
        to: [{ operation: { ports: ['9090'], methods: ['GET'], paths: ['/metrics'] } }],
      },
    ]);
  });

  it('is deterministic: the same input twice gives identical output', () => {
    expect(JSON.stringify(canary())).toBe(JSON.stringify(canary()));
  });

  it('does not depend on the order of versions or traffic entries', () => {
    const shuffled = render(
      aimodel('xiaoai'),
      [modelVersion('xiaoai-v2'), modelVersion('xiaoai-v1')],
      [
        { version: 'v2', weight: 10 },
        { version: 'v1', weight: 90 },
      ],
      { scaleWithTraffic: ['v2'] },
    );
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(canary()));
  });

  it('renders the candidate routes deterministically, whatever the order of versions and traffic', () => {
    const withCandidate = (versions: string[], candidate = CANDIDATES.cohort) =>
      render(
        aimodel('xiaoai'),
        versions.map((v) => modelVersion(`xiaoai-${v}`)),
        versions.map((version) => ({ version, weight: version === 'v1' ? 90 : 10 })),
        { candidate: { version: candidate.version, routing: { ...candidate.routing, mirrorPercent: 5 } } },
      );
    const once = JSON.stringify(withCandidate(['v1', 'v2']));
    expect(JSON.stringify(withCandidate(['v1', 'v2']))).toBe(once);
    expect(JSON.stringify(withCandidate(['v2', 'v1']))).toBe(once);
    const http = find(withCandidate(['v1', 'v2']), 'VirtualService', 'xiaoai').spec.http;
    // xiaoai keeps its sessions on their versions: a session route per serving version comes first.
    expect(http.map((r: { name: string }) => r.name)).toEqual([
      'session-v1',
      'session-v2',
      'candidate',
      'versions',
    ]);
    expect(http[3].mirrorPercentage).toEqual({ value: 5 });
  });

  it('refuses a candidate that is not among the versions, naming it', () => {
    expect(() =>
      render(aimodel('xiaoai'), [modelVersion('xiaoai-v1')], [], {
        candidate: { version: 'v3', routing: { mirrorPercent: 10 } },
      }),
    ).toThrow("render: options.candidate names version 'v3', which is not among the versions of xiaoai");
  });

  it('does not change its inputs', () => {
    const model = aimodel('laoke');
    const version = firstVersion('laoke');
    const before = JSON.stringify([model, version]);
    render(model, [version], []);
    expect(JSON.stringify([model, version])).toBe(before);
  });

  it('omits spec.replicas when an HPA owns it, and sets it for a fixed-size model', () => {
    expect(find(canary(), 'Deployment', 'xiaoai-v1').spec.replicas).toBeUndefined();
    const fixed = render(
      minimalModel({ scaling: { minReplicas: 3, maxReplicas: 3 } }),
      [minimalVersion('v1')],
      [],
    );
    expect(find(fixed, 'Deployment', 'demo-v1').spec.replicas).toBe(3);
    expect(fixed.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    const unscaled = render(minimalModel({ scaling: undefined }), [minimalVersion('v1')], []);
    expect(find(unscaled, 'Deployment', 'demo-v1').spec.replicas).toBe(1);
  });

  it('scales only the versions in scaleWithTraffic by their weight (the canary capacity rule)', () => {
    const objects = canary();
    const hpa = (name: string) => find(objects, 'HorizontalPodAutoscaler', name).spec;
    expect([hpa('xiaoai-v1').minReplicas, hpa('xiaoai-v1').maxReplicas]).toEqual([2, 10]);
    expect([hpa('xiaoai-v2').minReplicas, hpa('xiaoai-v2').maxReplicas]).toEqual([1, 1]);
    const half = render(
      aimodel('xiaoai'),
      [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
      [
        { version: 'v1', weight: 50 },
        { version: 'v2', weight: 50 },
      ],
      { scaleWithTraffic: ['v2'] },
    );
    const scaled = find(half, 'HorizontalPodAutoscaler', 'xiaoai-v2').spec;
    expect([scaled.minReplicas, scaled.maxReplicas]).toEqual([1, 5]);
  });

  describe('replicaSplit (traffic made of replica counts, no mesh)', () => {
    const split = (replicaSplit: Record<string, number>, weights: [number, number]) =>
      render(
        aimodel('xiaoai'),
        [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
        [
          { version: 'v1', weight: weights[0] },
          { version: 'v2', weight: weights[1] },
        ],
        { scaleWithTraffic: ['v2'], replicaSplit },
      );
    const hpas = (objects: readonly KubeObject[]) =>
      objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name);

    it('gives each version of the split its replicas and no autoscaler, whatever scaleWithTraffic says', () => {
      const objects = split({ v1: 9, v2: 1 }, [90, 10]);
      expect(find(objects, 'Deployment', 'xiaoai-v1').spec.replicas).toBe(9);
      expect(find(objects, 'Deployment', 'xiaoai-v2').spec.replicas).toBe(1);
      expect(hpas(objects)).toEqual([]);
    });

    it('holds a version at 0 replicas, which an HPA cannot, and leaves the one with all traffic autoscaled', () => {
      const objects = split({ v1: 0 }, [0, 100]);
      expect(find(objects, 'Deployment', 'xiaoai-v1').spec.replicas).toBe(0);
      expect(find(objects, 'Deployment', 'xiaoai-v2').spec.replicas).toBeUndefined();
      expect(hpas(objects)).toEqual(['xiaoai-v2']);
      // The version at 0 keeps its disruption budget, which a drain can always satisfy.
      expect(find(objects, 'PodDisruptionBudget', 'xiaoai-v1').spec.maxUnavailable).toBe(1);
    });

    it('keeps the one Service selecting every version, so traffic follows the replica counts', () => {
      const service = find(split({ v1: 5, v2: 5 }, [50, 50]), 'Service', 'xiaoai');
      expect(service.spec.selector).toEqual({ app: 'xiaoai' });
    });

    it.each<[string, Record<string, number>, string]>([
      [
        'an unknown version',
        { v9: 1 },
        "render: options.replicaSplit names version 'v9', which is not among the versions of xiaoai",
      ],
      [
        'a negative count',
        { v1: -1 },
        "render: options.replicaSplit gives version 'v1' -1 replicas; use a whole number of at least 0",
      ],
      [
        'a fraction',
        { v1: 1.5 },
        "render: options.replicaSplit gives version 'v1' 1.5 replicas; use a whole number of at least 0",
      ],
    ])('refuses %s', (_name, replicaSplit, message) => {
      expect(() => split(replicaSplit, [50, 50])).toThrow(message);
    });
  });

  it.each([
    ['no traffic keeps one warm replica', 0, [1, 1]],
    ['10% of 2-10', 10, [1, 1]],
    ['30% of 2-10', 30, [1, 3]],
    ['50% of 2-10', 50, [1, 5]],
    ['80% of 2-10', 80, [2, 8]],
    ['all traffic gets the full bounds', 100, [2, 10]],
  ])('scaledBounds: %s', (_name, weight, expected) => {
    const bounds = scaledBounds({ minReplicas: 2, maxReplicas: 10 }, weight);
    expect([bounds.minReplicas, bounds.maxReplicas]).toEqual(expected);
  });

  it('lets the operator name the callers allowed in', () => {
    const objects = render(aimodel('xiaoke'), [firstVersion('xiaoke')], [], {
      gatewayPrincipals: ['cluster.local/ns/gw/sa/ingress'],
      callerNamespaces: ['suoke-ai', 'suoke-web'],
    });
    const rules = find(objects, 'AuthorizationPolicy', 'xiaoke').spec.rules;
    const offManagement = [{ operation: { notPorts: ['9090'] } }];
    expect(rules[0]).toEqual({
      from: [{ source: { principals: ['cluster.local/ns/gw/sa/ingress'] } }],
      to: offManagement,
    });
    expect(rules[1]).toEqual({
      from: [{ source: { namespaces: ['suoke-ai', 'suoke-web'] } }],
      to: offManagement,
    });
  });

  describe('refuses bad input with an error naming the object and field', () => {
    const model = minimalModel();
    it.each<[string, () => unknown, RegExp]>([
      [
        'an AIModel without uid',
        () => render({ ...model, metadata: { name: 'demo' } }, [minimalVersion('v1')], []),
        /AIModel demo has no metadata\.uid/,
      ],
      [
        'an AIModel without name',
        () => render({ ...model, metadata: { uid: 'x' } }, [], []),
        /metadata\.name is required/,
      ],
      [
        'a version of another AIModel',
        () => render(model, [minimalVersion('v1', 'other')], []),
        /ModelVersion other-v1 has spec\.modelRef\.name 'other', not AIModel 'demo'/,
      ],
      [
        'two ModelVersions with one version',
        () => render(model, [minimalVersion('v1'), minimalVersion('v1')], []),
        /two ModelVersions of AIModel demo have spec\.version 'v1'/,
      ],
      [
        'versions that become one object name',
        () =>
          render(model, [minimalVersion('1.0'), minimalVersion('1-0')], [{ version: '1.0', weight: 100 }]),
        /AIModel demo has versions '1-0' and '1\.0' both become 'demo-1-0'/,
      ],
      [
        'scaleWithTraffic naming an unknown version',
        () => render(model, [minimalVersion('v1')], [], { scaleWithTraffic: ['v9'] }),
        /scaleWithTraffic names version 'v9'/,
      ],
      [
        'weights that do not add up to 100',
        () =>
          render(
            model,
            [minimalVersion('v1'), minimalVersion('v2')],
            [
              { version: 'v1', weight: 80 },
              { version: 'v2', weight: 10 },
            ],
          ),
        /weights add up to 90 .*must add up to 100/,
      ],
      [
        'traffic to a version without a workload',
        () => render(model, [minimalVersion('v1')], [{ version: 'v3', weight: 100 }]),
        /traffic names version 'v3', which has no workload/,
      ],
      [
        'several versions without weights',
        () => render(model, [minimalVersion('v1'), minimalVersion('v2')], []),
        /traffic weights are required to route between versions v1, v2/,
      ],
      [
        'an engine with neither image nor external',
        () => render(minimalModel({ engine: {} }), [minimalVersion('v1')], []),
        /AIModel demo: spec\.engine needs an image/,
      ],
    ])('%s', (_name, run, message) => {
      expect(run).toThrow(message);
    });
  });
});
