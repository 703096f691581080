import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { API_VERSION, type AIModel, type ModelRegistry, type ModelVersion } from '../../crds/api/index.js';
import { SYNC_WAVE_ANNOTATION, SyncWave } from '../constructs/platform-names.js';

/** The declared objects of a set of agents: what Git holds and Argo CD syncs. */
export interface AgentSet {
  readonly aimodels: readonly AIModel[];
  /** Every ModelVersion found; the chart keeps each AIModel's first one (see {@link firstVersions}). */
  readonly versions: readonly ModelVersion[];
  readonly registries: readonly ModelRegistry[];
}

/** Argo CD sync option letting custom resources sync in the same run as their CRDs (no dry run before they exist). */
export const SKIP_DRY_RUN = 'SkipDryRunOnMissingResource=true';

function readFolder<T>(dir: string, kind: string): T[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  } catch (cause) {
    throw new Error(`cannot read the ${kind} folder ${dir}`, { cause });
  }
  const out: T[] = [];
  for (const file of files.sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (doc.errors.length > 0) {
        throw new Error(`${join(dir, file)}: ${doc.errors[0]?.message}`, { cause: doc.errors[0] });
      }
      const object = doc.toJS() as { apiVersion?: string; kind?: string } | null;
      if (object === null) continue;
      if (object.apiVersion !== API_VERSION || object.kind !== kind) {
        throw new Error(
          `${join(dir, file)}: expected ${API_VERSION} ${kind}, found ${object.apiVersion} ${object.kind}`,
        );
      }
      out.push(object as T);
    }
  }
  return out;
}

/**
 * Reads the agents declared under `dir` (the repository's `examples/`): `aimodels/`, `modelversions/` and
 * `modelregistries/`, files in name order.
 */
export function readAgentSet(dir: string): AgentSet {
  return {
    aimodels: readFolder<AIModel>(join(dir, 'aimodels'), 'AIModel'),
    versions: readFolder<ModelVersion>(join(dir, 'modelversions'), 'ModelVersion'),
    registries: readFolder<ModelRegistry>(join(dir, 'modelregistries'), 'ModelRegistry'),
  };
}

/**
 * The first version of each AIModel (lowest `spec.version`), by AIModel name. Only first versions belong in
 * Git's baseline: later versions are rollouts that model owners and CI start with `kubectl apply`.
 */
export function firstVersions(set: AgentSet): Map<string, ModelVersion> {
  const out = new Map<string, ModelVersion>();
  for (const version of set.versions) {
    const model = version.spec.modelRef.name;
    const current = out.get(model);
    if (current === undefined || version.spec.version < current.spec.version) out.set(model, version);
  }
  return out;
}

export interface AgentsChartProps {
  /** The declared agents (e.g. `readAgentSet(repoPath('examples'))`). */
  readonly agents: AgentSet;
  /**
   * Namespace of the agents.
   * @default 'suoke-ai'
   */
  readonly namespace?: string;
  /**
   * The platform's shared Gateway (`<namespace>/<name>`). When set, AIModels that name gateways are pointed at
   * it, so the agents and the platform chart agree on one Gateway.
   * @default - each AIModel keeps its own `spec.traffic.gateways`
   */
  readonly gatewayRef?: string;
}

/**
 * The agents as Git declares them: ModelRegistries, AIModels and each AIModel's first ModelVersion, in the
 * agents' namespace. Only declared objects: the Deployments, HPAs and Istio rules are derived by the operator
 * (see `render()` and `dist/preview/`), so Argo CD never holds them and the operator's weight changes are not
 * drift. All of them sync in one wave after the platform: an AIModel reports Progressing until its first
 * version is promoted, so a later wave for versions would never start.
 */
export class AgentsChart extends Chart {
  /** The AIModels as synthesized (namespace and gateway applied), for previews. */
  public readonly aimodels: readonly AIModel[];
  /** Each AIModel's first version as synthesized. */
  public readonly versions: readonly ModelVersion[];

  public constructor(scope: Construct, id: string, props: AgentsChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const namespace = props.namespace ?? 'suoke-ai';
    const names = new Set<string>();
    for (const aimodel of props.agents.aimodels) {
      const name = aimodel.metadata.name ?? '';
      if (names.has(name)) throw new Error(`agents: two AIModels are named '${name}'`);
      names.add(name);
    }
    const first = firstVersions(props.agents);
    for (const model of first.keys()) {
      if (!names.has(model))
        throw new Error(`agents: ModelVersion of '${model}' names an AIModel that is not declared`);
    }

    const declare = <T extends { metadata: AIModel['metadata'] }>(object: T): T => ({
      ...object,
      metadata: {
        ...object.metadata,
        namespace,
        annotations: {
          ...object.metadata.annotations,
          [SYNC_WAVE_ANNOTATION]: SyncWave.agents,
          'argocd.argoproj.io/sync-options': SKIP_DRY_RUN,
        },
      },
    });
    const registries = [...props.agents.registries].map(declare);
    const aimodels = props.agents.aimodels.map((aimodel) => {
      const declared = declare(aimodel);
      const gateways = declared.spec.traffic?.gateways;
      if (props.gatewayRef === undefined || gateways === undefined || gateways.length === 0) return declared;
      return {
        ...declared,
        spec: { ...declared.spec, traffic: { ...declared.spec.traffic, gateways: [props.gatewayRef] } },
      };
    });
    const versions = [...first.values()].map(declare);
    this.aimodels = aimodels;
    this.versions = versions;

    for (const object of [...registries, ...aimodels, ...versions]) {
      new ApiObject(this, `${object.kind}-${object.metadata.name}`, object as never);
    }
  }
}
