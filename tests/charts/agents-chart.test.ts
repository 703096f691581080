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
} from '../../charts-ts/charts/agents-chart.js';
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

const chart = (agents: AgentSet, gatewayRef?: string) =>
  Testing.synth(new AgentsChart(Testing.app(), 'agents', { agents, gatewayRef }));

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
      },
      'suoke-ai/suoke-agents',
    );
    const byName = Object.fromEntries(objects.map((o) => [o.metadata.name, o]));
    expect(byName.a.spec.traffic.gateways).toEqual(['suoke-ai/suoke-agents']);
    expect(byName.b.spec.traffic).toBeUndefined();
  });

  describe('throws naming the problem', () => {
    it('on two AIModels with one name', () => {
      expect(() =>
        chart({ aimodels: [minimalModel(), minimalModel()], versions: [], registries: [] }),
      ).toThrow(/two AIModels are named 'demo'/);
    });

    it('on a ModelVersion of an AIModel that is not declared', () => {
      expect(() =>
        chart({ aimodels: [minimalModel()], versions: [minimalVersion('v1', 'ghost')], registries: [] }),
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
