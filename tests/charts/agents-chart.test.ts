import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import {
  AgentsChart,
  firstVersions,
  readAgentSet,
  type AgentSet,
  type PersonaConfigMap,
} from '../../charts-ts/charts/agents-chart.js';
import type { RedisConnection } from '../../charts-ts/constructs/redis.js';
import { parseQuantity } from '../../charts-ts/constructs/quantity.js';
import { agentSet, minimalModel, minimalVersion } from './support.js';

function withExamples(files: Record<string, string>, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'agents-'));
  try {
    for (const folder of ['aimodels', 'modelversions', 'modelregistries']) mkdirSync(join(dir, folder));
    for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chart = (agents: AgentSet, gatewayRef?: string, redisConnection?: RedisConnection) =>
  Testing.synth(new AgentsChart(Testing.app(), 'agents', { agents, gatewayRef, redisConnection }));

const persona = (name: string, data: Record<string, string>): PersonaConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});
const withPersona = (name: string, ref: Record<string, string> = { name: `${name}-persona` }) =>
  minimalModel({ agent: { name, systemPromptRef: ref as never } }, name);

describe('AgentsChart', () => {
  it('picks the lowest version of each AIModel as its first version', () => {
    const first = firstVersions(agentSet());
    expect([...first.entries()].map(([model, v]) => [model, v.spec.version]).sort()).toEqual([
      ['laoke', '1.0.0'],
      ['soer', 'v1'],
      ['xiaoai', 'v1'],
      ['xiaoke', 'v1'],
    ]);
  });

  it('points AIModels that name a gateway at the platform gateway, and leaves mesh-only ones alone', () => {
    const objects = chart(
      {
        aimodels: [minimalModel({ traffic: { gateways: ['istio-system/old'] } }, 'a'), minimalModel({}, 'b')],
        versions: [],
        registries: [],
        personas: [],
      },
      'suoke-ai/suoke-agents',
    );
    const byName = Object.fromEntries(objects.map((o) => [o.metadata.name, o]));
    expect(byName.a.spec.traffic.gateways).toEqual(['suoke-ai/suoke-agents']);
    expect(byName.b.spec.traffic).toBeUndefined();
  });

  it("puts every AIModel on the platform's Redis, password Secret included, when given its connection", () => {
    const own = minimalModel(
      { runtime: { redis: { mode: 'standalone', url: 'redis://elsewhere:6379/3' }, cacheTtl: '5m' } },
      'a',
    );
    const connection: RedisConnection = {
      env: { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's0:26379,s1:26379', REDIS_SENTINEL_NAME: 'main' },
      passwordSecret: { name: 'platform-redis', key: 'pw' },
    };
    const objects = chart(
      { aimodels: [own, minimalModel({}, 'b')], versions: [], registries: [], personas: [] },
      undefined,
      connection,
    );
    const expected = {
      mode: 'sentinel',
      sentinels: ['s0:26379', 's1:26379'],
      sentinelName: 'main',
      passwordSecretRef: { name: 'platform-redis', key: 'pw' },
    };
    const byName = Object.fromEntries(objects.map((o) => [o.metadata.name, o]));
    expect(byName.a.spec.runtime).toEqual({ redis: expected, cacheTtl: '5m' });
    expect(byName.b.spec.runtime.redis).toEqual(expected);
    // Without a connection the AIModel keeps its own.
    const kept = chart({ aimodels: [own], versions: [], registries: [], personas: [] });
    expect(kept[0].spec.runtime.redis).toEqual({ mode: 'standalone', url: 'redis://elsewhere:6379/3' });
  });

  it('ships the persona ConfigMaps the AIModels name, in their namespace, and no others', () => {
    const objects = chart({
      aimodels: [withPersona('a'), minimalModel({}, 'b')],
      versions: [],
      registries: [],
      personas: [
        persona('a-persona', { 'system-prompt.txt': 'You are A.' }),
        persona('unused-persona', { 'system-prompt.txt': 'You are nobody.' }),
      ],
    });
    const configMaps = objects.filter((o) => o.kind === 'ConfigMap');
    expect(configMaps.map((o) => [o.metadata.name, o.metadata.namespace])).toEqual([
      ['a-persona', 'suoke-ai'],
    ]);
    expect(configMaps[0].data).toEqual({ 'system-prompt.txt': 'You are A.' });
  });

  describe('throws naming the problem', () => {
    it('on a ConfigMap persona that is not declared, naming the AIModel, the field and the file to add', () => {
      expect(() =>
        chart({ aimodels: [withPersona('a')], versions: [], registries: [], personas: [] }),
      ).toThrow(
        "AIModel a: spec.agent.systemPromptRef names ConfigMap 'a-persona', which is not declared; " +
          'add it to the personas folder (examples/personas/a-persona.yaml)',
      );
    });

    it('on a persona ConfigMap without the key the AIModel reads', () => {
      const agents = {
        aimodels: [withPersona('a', { name: 'a-persona', key: 'prompt.md' })],
        versions: [],
        registries: [],
        personas: [persona('a-persona', { 'system-prompt.txt': 'You are A.' })],
      };
      expect(() => chart(agents)).toThrow(
        "AIModel a: spec.agent.systemPromptRef reads key 'prompt.md' of ConfigMap 'a-persona', which is missing or empty",
      );
    });

    it('but not on a Secret persona, which Git never holds', () => {
      const agents = {
        aimodels: [withPersona('a', { kind: 'Secret', name: 'a-prompt' })],
        versions: [],
        registries: [],
        personas: [],
      };
      expect(chart(agents).map((o) => o.kind)).toEqual(['AIModel']);
    });

    it('on two AIModels with one name', () => {
      expect(() =>
        chart({ aimodels: [minimalModel(), minimalModel()], versions: [], registries: [], personas: [] }),
      ).toThrow(/two AIModels are named 'demo'/);
    });

    it('on a ModelVersion of an AIModel that is not declared', () => {
      expect(() =>
        chart({
          aimodels: [minimalModel()],
          versions: [minimalVersion('v1', 'ghost')],
          registries: [],
          personas: [],
        }),
      ).toThrow(/ModelVersion of 'ghost' names an AIModel that is not declared/);
    });

    it('on a file of the wrong kind', () => {
      withExamples({ 'aimodels/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }, (dir) => {
        expect(() => readAgentSet(dir)).toThrow(
          /aimodels\/x\.yaml: expected ai\.suoke\.life\/v1alpha1 AIModel, found v1 ConfigMap/,
        );
      });
    });

    it('on YAML that does not parse', () => {
      withExamples({ 'aimodels/x.yaml': 'kind: [unclosed\n' }, (dir) => {
        expect(() => readAgentSet(dir)).toThrow(/aimodels\/x\.yaml: /);
      });
    });

    it('on a missing folder', () => {
      expect(() => readAgentSet(join(tmpdir(), 'no-such-examples'))).toThrow(
        /cannot read the AIModel folder/,
      );
    });
  });

  it('reads personas/ when present, and an agents folder without it has no personas', () => {
    withExamples({}, (dir) => expect(readAgentSet(dir).personas).toEqual([]));
    withExamples({}, (dir) => {
      mkdirSync(join(dir, 'personas'));
      writeFileSync(
        join(dir, 'personas', 'p.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata: {system-prompt.txt: hi}\n',
      );
      expect(readAgentSet(dir).personas.map((p) => p.metadata.name)).toEqual(['p']);
    });
  });

  it('reads every document of every file, in file name order', () => {
    const model = (name: string) =>
      `apiVersion: ai.suoke.life/v1alpha1\nkind: AIModel\nmetadata: {name: ${name}}\nspec: {agent: {name: ${name}}}\n`;
    withExamples(
      { 'aimodels/b.yaml': model('b'), 'aimodels/a.yaml': `${model('a1')}---\n${model('a2')}` },
      (dir) => {
        expect(readAgentSet(dir).aimodels.map((m) => m.metadata.name)).toEqual(['a1', 'a2', 'b']);
      },
    );
  });
});

describe('parseQuantity', () => {
  it('refuses a negative number', () => {
    expect(() => parseQuantity('scaling.customMetrics[rps].target', -1)).toThrow(
      /scaling\.customMetrics\[rps\]\.target \(-1\) must be a non-negative number/,
    );
  });
});
