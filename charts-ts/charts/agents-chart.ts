import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { API_VERSION, type AIModel, type ModelRegistry, type ModelVersion } from '../../crds/api/index.js';
import { withPlatformRedis } from '../agent-overlay.js';
import { SYNC_WAVE_ANNOTATION, SyncWave } from '../constructs/platform-names.js';
import type { RedisConnection } from '../constructs/redis.js';

/** The declared objects of a set of agents: what Git holds and Argo CD syncs. */
export interface AgentSet {
  readonly aimodels: readonly AIModel[];
  /** Every ModelVersion found; the chart keeps each AIModel's first one (see {@link firstVersions}). */
  readonly versions: readonly ModelVersion[];
  readonly registries: readonly ModelRegistry[];
  /** ConfigMaps holding the agents' personas (`spec.agent.systemPromptRef` of kind ConfigMap). */
  readonly personas: readonly PersonaConfigMap[];
}

/** A ConfigMap with an agent's system prompt, as declared in Git. */
export interface PersonaConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: AIModel['metadata'];
  readonly data: Readonly<Record<string, string>>;
}

/** Key of a persona ConfigMap when `systemPromptRef.key` is not given (the CRD's default). */
export const DEFAULT_PERSONA_KEY = 'system-prompt.txt';

/** Argo CD sync option letting custom resources sync in the same run as their CRDs (no dry run before they exist). */
export const SKIP_DRY_RUN = 'SkipDryRunOnMissingResource=true';

function readFolder<T>(dir: string, kind: string, apiVersion: string = API_VERSION, optional = false): T[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  } catch (cause) {
    if (optional && (cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
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
      if (object.apiVersion !== apiVersion || object.kind !== kind) {
        throw new Error(
          `${join(dir, file)}: expected ${apiVersion} ${kind}, found ${object.apiVersion} ${object.kind}`,
        );
      }
      out.push(object as T);
    }
  }
  return out;
}

/**
 * Reads the agents declared under `dir` (the repository's `examples/`): `aimodels/`, `modelversions/`,
 * `modelregistries/` and, if present, `personas/` (ConfigMaps), files in name order.
 */
export function readAgentSet(dir: string): AgentSet {
  return {
    aimodels: readFolder<AIModel>(join(dir, 'aimodels'), 'AIModel'),
    versions: readFolder<ModelVersion>(join(dir, 'modelversions'), 'ModelVersion'),
    registries: readFolder<ModelRegistry>(join(dir, 'modelregistries'), 'ModelRegistry'),
    personas: readFolder<PersonaConfigMap>(join(dir, 'personas'), 'ConfigMap', 'v1', true),
  };
}

/**
 * Throws unless every ConfigMap persona an AIModel names is declared, with the key it reads and some text:
 * the runtime mounts the key as a file, so a missing ConfigMap or key keeps the pods from starting.
 * Secret personas are not checked: Secrets are never in Git.
 */
export function assertPersonasDeclared(set: AgentSet): void {
  const byName = new Map(set.personas.map((p) => [p.metadata.name ?? '', p]));
  for (const model of set.aimodels) {
    const ref = model.spec.agent.systemPromptRef;
    if (ref === undefined || ref.kind === 'Secret') continue;
    const where = `AIModel ${model.metadata.name}: spec.agent.systemPromptRef`;
    const persona = byName.get(ref.name);
    if (persona === undefined) {
      throw new Error(
        `${where} names ConfigMap '${ref.name}', which is not declared; add it to the personas folder (examples/personas/${ref.name}.yaml)`,
      );
    }
    const key = ref.key ?? DEFAULT_PERSONA_KEY;
    if ((persona.data?.[key] ?? '').trim() === '') {
      throw new Error(`${where} reads key '${key}' of ConfigMap '${ref.name}', which is missing or empty`);
    }
  }
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
  /**
   * The platform's Redis (`PlatformChart.redisConnection`). When set, every AIModel's `spec.runtime.redis`
   * is replaced by it (see `withPlatformRedis`), so the agents reach the Redis the platform runs, with its
   * password Secret.
   * @default - each AIModel keeps its own `spec.runtime.redis`
   */
  readonly redisConnection?: RedisConnection;
}

/**
 * The agents as Git declares them: the personas (ConfigMaps) the AIModels name, ModelRegistries, AIModels
 * (on the platform's Redis when `redisConnection` is given) and each AIModel's first ModelVersion, in the
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
    assertPersonasDeclared(props.agents);
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
    // Only the personas an AIModel names: a stack that selects some agents does not ship the others'.
    const named = new Set(props.agents.aimodels.map((m) => m.spec.agent.systemPromptRef?.name));
    const personas = props.agents.personas.filter((p) => named.has(p.metadata.name)).map(declare);
    const aimodels = props.agents.aimodels.map((aimodel) => {
      const redis = props.redisConnection;
      const declared = declare(redis === undefined ? aimodel : withPlatformRedis(aimodel, redis));
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

    for (const object of [...personas, ...registries, ...aimodels, ...versions]) {
      new ApiObject(this, `${object.kind}-${object.metadata.name}`, object as never);
    }
  }
}
