/**
 * `spec.type: mlflow` — an MLflow tracking server's model registry, over its REST API 2.0:
 * - probe: `GET /api/2.0/mlflow/registered-models/search?max_results=1`;
 * - versions of a registered model: `GET /api/2.0/mlflow/registered-models/get?name=…` (for its
 *   aliases), then `GET /api/2.0/mlflow/model-versions/search?filter=name='…'` page by page
 *   (`page_token` / `next_page_token`). Only versions with status `READY` count.
 * Filters: `tags` match version numbers (globs allowed); `aliases` keep versions that hold one of
 * these aliases (e.g. `champion`) or legacy stages (`Production`, case-insensitive).
 * Versions become `mlflow://<model>/<version>` URIs; MLflow keeps no content digest.
 * Errors arrive as `{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "…"}`; the message is quoted.
 * Auth: `Authorization: Bearer <token>` (MLFLOW_TRACKING_TOKEN) or basic (MLflow's basic-auth app).
 */
import type { TrackedModel } from '../../crds/api/index.js';
import { JsonApi, shapeFailure } from './json-api.js';
import {
  forModel,
  type ListResult,
  type ProbeResult,
  type RegistryClient,
  type RegistryClientOptions,
  type RemoteVersion,
} from './registry-client.js';
import { matchesAny } from './versions.js';

/** Versions asked per page of `model-versions/search`. */
export const MLFLOW_PAGE_SIZE = 200;
/** Most pages followed for one model. */
export const MLFLOW_MAX_PAGES = 20;

interface MlflowModelVersion {
  name?: string;
  version?: string;
  status?: string;
  current_stage?: string;
  creation_timestamp?: number | string;
  aliases?: string[];
}

export class MlflowRegistryClient implements RegistryClient {
  private readonly api: JsonApi;

  constructor(options: RegistryClientOptions) {
    this.api = JsonApi.forRegistry(options, ['error_code', 'message']);
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const r = await this.api.get('api/2.0/mlflow/registered-models/search', { max_results: '1' }, signal);
    if (!r.ok) return r;
    return { ok: true, latencyMs: r.latencyMs };
  }

  async listVersions(model: TrackedModel, signal?: AbortSignal): Promise<ListResult> {
    const name = model.name;
    const registered = await this.api.get('api/2.0/mlflow/registered-models/get', { name }, signal);
    if (!registered.ok) return { ok: false, failure: forModel(name, registered.failure) };
    const rm = (registered.value as { registered_model?: { aliases?: unknown } }).registered_model;
    if (!rm)
      return {
        ok: false,
        failure: forModel(name, shapeFailure('registered-models/get', 'registered_model')),
      };
    // Aliases live on the registered model as [{alias, version}]; older servers have none.
    const aliasesOf = new Map<string, string[]>();
    for (const a of Array.isArray(rm.aliases)
      ? (rm.aliases as Array<{ alias?: unknown; version?: unknown }>)
      : []) {
      if (typeof a.alias === 'string' && typeof a.version === 'string') {
        aliasesOf.set(a.version, [...(aliasesOf.get(a.version) ?? []), a.alias]);
      }
    }
    const all: MlflowModelVersion[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MLFLOW_MAX_PAGES; page++) {
      const query: Record<string, string> = {
        filter: `name='${name.replace(/'/g, "\\'")}'`,
        max_results: String(MLFLOW_PAGE_SIZE),
        ...(pageToken ? { page_token: pageToken } : {}),
      };
      const r = await this.api.get('api/2.0/mlflow/model-versions/search', query, signal);
      if (!r.ok) return { ok: false, failure: forModel(name, r.failure) };
      const body = r.value as { model_versions?: unknown; next_page_token?: unknown };
      if (body.model_versions !== undefined && !Array.isArray(body.model_versions)) {
        return {
          ok: false,
          failure: forModel(name, shapeFailure('model-versions/search', 'model_versions list')),
        };
      }
      all.push(...((body.model_versions as MlflowModelVersion[] | undefined) ?? []));
      pageToken =
        typeof body.next_page_token === 'string' && body.next_page_token ? body.next_page_token : undefined;
      if (!pageToken) break;
    }
    const wantedAliases = (model.aliases ?? []).map((a) => a.toLowerCase());
    const versions: RemoteVersion[] = [];
    for (const v of all) {
      if (v.name !== undefined && v.name !== name) continue;
      if (typeof v.version !== 'string' || (v.status !== undefined && v.status !== 'READY')) continue;
      if (!matchesAny(model.tags, v.version)) continue;
      if (wantedAliases.length > 0) {
        const held = [...(aliasesOf.get(v.version) ?? []), ...(v.aliases ?? []), v.current_stage ?? '']
          .filter(Boolean)
          .map((a) => a.toLowerCase());
        if (!held.some((a) => wantedAliases.includes(a))) continue;
      }
      const created = Number(v.creation_timestamp);
      versions.push({
        version: v.version,
        uri: `mlflow://${encodeURIComponent(name)}/${v.version}`,
        ...(Number.isFinite(created) && created > 0 ? { createdAt: new Date(created).toISOString() } : {}),
      });
    }
    return { ok: true, versions };
  }
}
