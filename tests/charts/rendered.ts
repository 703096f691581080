/** Every object the chart tests check: what render() derives in the situations the operator meets. */
import { render, type KubeObject } from '../../charts-ts/render.js';
import { AGENTS, aimodel, firstVersion, minimalModel, minimalVersion, modelVersion } from './support.js';

export interface Case {
  readonly name: string;
  readonly objects: readonly KubeObject[];
}

export function renderedCases(): Case[] {
  return [
    ...AGENTS.map((agent) => ({
      name: `${agent} first version`,
      objects: render(aimodel(agent), [firstVersion(agent)], []),
    })),
    {
      name: 'xiaoai canary at 10%',
      objects: render(
        aimodel('xiaoai'),
        [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
        [
          { version: 'v1', weight: 90 },
          { version: 'v2', weight: 10 },
        ],
        { scaleWithTraffic: ['v2'] },
      ),
    },
    {
      name: 'external engine',
      objects: render(
        minimalModel({
          engine: {
            external: {
              baseUrl: 'https://api.example.com/v1',
              apiKeySecretRef: { name: 'k', key: 'api-key' },
            },
          },
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
        }),
        [minimalVersion('v1')],
        [],
      ),
    },
    {
      name: 'fixed size, dotted version',
      objects: render(
        minimalModel({ scaling: { minReplicas: 2, maxReplicas: 2 } }),
        [minimalVersion('1.2.0')],
        [],
      ),
    },
  ];
}
