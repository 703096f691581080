/** Every object the chart tests check: what render() derives in the situations the operator meets. */
import { renderEvaluationJob } from '../../charts-ts/constructs/evaluation-job.js';
import { render, type KubeObject, type RenderOptions } from '../../charts-ts/render.js';
import type { EvaluationPolicy, ModelVersion } from '../../crds/api/index.js';
import { AGENTS, aimodel, firstVersion, minimalModel, minimalVersion, modelVersion } from './support.js';

/**
 * Candidate routes of the rollout strategies, for v2 of a model with v1 stable: a blue-green preview by
 * header, an experiment cohort by header or cookie (with a 10% share besides), a shadow mirroring 10%.
 */
export const CANDIDATES = {
  preview: { version: 'v2', routing: { matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] } },
  cohort: {
    version: 'v2',
    routing: {
      matches: [
        { header: { name: 'x-cohort', exact: 'beta' } },
        { cookie: { name: 'cohort', regex: 'beta|gamma' } },
        { cookie: { name: 'ab.group', prefix: 'b$' } },
      ],
    },
  },
  shadow: { version: 'v2', routing: { mirrorPercent: 10 } },
} satisfies Record<string, NonNullable<RenderOptions['candidate']>>;

export interface Case {
  readonly name: string;
  readonly objects: readonly KubeObject[];
}

/** A golden set in a ConfigMap, scored by a judge, called with an API key: every part of an evaluation Job. */
const EVALUATION: EvaluationPolicy = {
  dataset: { configMapRef: { name: 'xiaoai-golden-set' } },
  minPassRate: 0.9,
  maxDropVsStable: 0.05,
  judge: { modelRef: { name: 'xiaoke' }, rubric: 'Safe health advice that sends people to a doctor.' },
  apiKeySecretRef: { name: 'xiaoai-evaluation-key', key: 'api-key' },
};

/** `version` evaluated on {@link EVALUATION}, as read from the API server (with a uid). */
function evaluated(version: ModelVersion): ModelVersion {
  return {
    ...version,
    metadata: { ...version.metadata, uid: `uid-${version.metadata.name}` },
    spec: { ...version.spec, promotion: { ...version.spec.promotion, evaluation: EVALUATION } },
  };
}

/**
 * What the operator has created while a version is evaluated: render()'s objects (with the versions' own
 * Services) and the evaluation Job.
 */
function evaluationCases(): Case[] {
  const xiaoai = aimodel('xiaoai');
  const candidate = evaluated(modelVersion('xiaoai-v2'));
  const first = evaluated(minimalVersion('v1'));
  return [
    {
      name: 'xiaoai v2 evaluated beside v1 before any traffic, in the mesh',
      objects: [
        ...render(
          xiaoai,
          [modelVersion('xiaoai-v1'), candidate],
          [
            { version: 'v1', weight: 100 },
            { version: 'v2', weight: 0 },
          ],
        ),
        renderEvaluationJob({
          aimodel: xiaoai,
          version: candidate,
          evaluation: EVALUATION,
          gate: 'BeforeTraffic',
          attempt: 1,
          stableVersion: 'v1',
          mesh: true,
        }),
      ],
    },
    {
      name: 'first version evaluated without a mesh (replica ratios)',
      objects: [
        ...render(minimalModel(), [first], [], { routes: 'none' }),
        renderEvaluationJob({
          aimodel: minimalModel(),
          version: first,
          evaluation: { ...EVALUATION, dataset: { uri: 'https://golden.example.com/demo.yaml' } },
          gate: 'BeforeTraffic',
          attempt: 1,
          mesh: false,
        }),
      ],
    },
  ];
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
      name: 'xiaoai blue-green preview of v2 by header',
      objects: render(
        aimodel('xiaoai'),
        [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
        [
          { version: 'v1', weight: 100 },
          { version: 'v2', weight: 0 },
        ],
        { candidate: CANDIDATES.preview },
      ),
    },
    {
      name: 'xiaoai experiment cohort of v2 by header and cookie, plus 10%',
      objects: render(
        aimodel('xiaoai'),
        [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
        [
          { version: 'v1', weight: 90 },
          { version: 'v2', weight: 10 },
        ],
        { candidate: CANDIDATES.cohort, scaleWithTraffic: ['v2'] },
      ),
    },
    {
      name: 'xiaoai shadow of v2 mirroring 10%',
      objects: render(
        aimodel('xiaoai'),
        [modelVersion('xiaoai-v1'), modelVersion('xiaoai-v2')],
        [
          { version: 'v1', weight: 100 },
          { version: 'v2', weight: 0 },
        ],
        { candidate: CANDIDATES.shadow },
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
    ...evaluationCases(),
  ];
}
