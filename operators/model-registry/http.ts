/**
 * `spec.type: http` — a plain HTTP(S) index of model files, servable by any static file server or
 * bucket. The layout (documented in README, "Model registries"):
 *
 * - `GET <url>/index.json` → `{"models": ["soer-wellness-engine", …]}` — the probe;
 * - `GET <url>/<model>/index.json` →
 *   `{"versions": [{"version": "1.2.0", "uri": "https://…/model.onnx", "digest": "sha256:…",
 *   "createdAt": "2025-01-01T00:00:00Z", "aliases": ["stable"]}]}` — one model's versions.
 *   `version` is required; `uri` defaults to `<url>/<model>/<version>`; the rest is optional.
 *
 * Filters: `tags` match versions (globs allowed), `aliases` keep versions holding one of them.
 * Auth: the Secret's basic or bearer credentials, sent to `<url>`'s origin only.
 */
import type { TrackedModel } from '../../crds/api/index.js';
import { JsonApi, registryBase, shapeFailure } from './json-api.js';
import {
  forModel,
  type ListResult,
  type ProbeResult,
  type RegistryClient,
  type RegistryClientOptions,
  type RemoteVersion,
} from './registry-client.js';
import { matchesAny } from './versions.js';

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export class HttpIndexRegistryClient implements RegistryClient {
  private readonly api: JsonApi;
  private readonly base: URL;

  constructor(options: RegistryClientOptions) {
    this.base = registryBase(options.url);
    this.api = JsonApi.forRegistry(options, ['error', 'message']);
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const r = await this.api.get('index.json', {}, signal);
    if (!r.ok) return r;
    if (!Array.isArray((r.value as { models?: unknown }).models)) {
      return {
        ok: false,
        latencyMs: r.latencyMs,
        failure: shapeFailure(`${this.base.href}index.json`, "'models' list"),
      };
    }
    return { ok: true, latencyMs: r.latencyMs };
  }

  async listVersions(model: TrackedModel, signal?: AbortSignal): Promise<ListResult> {
    const name = model.name;
    const path = `${name.split('/').map(encodeURIComponent).join('/')}/index.json`;
    const r = await this.api.get(path, {}, signal);
    if (!r.ok) return { ok: false, failure: forModel(name, r.failure) };
    const list = (r.value as { versions?: unknown }).versions;
    if (!Array.isArray(list))
      return { ok: false, failure: forModel(name, shapeFailure(path, "'versions' list")) };
    const wantedAliases = model.aliases ?? [];
    const versions: RemoteVersion[] = [];
    for (const raw of list as Array<Record<string, unknown>>) {
      const version = raw['version'];
      if (typeof version !== 'string' || version === '') {
        return { ok: false, failure: forModel(name, shapeFailure(path, "'version' on every entry")) };
      }
      if (!matchesAny(model.tags, version)) continue;
      const aliases = Array.isArray(raw['aliases']) ? (raw['aliases'] as unknown[]) : [];
      if (
        wantedAliases.length > 0 &&
        !aliases.some((a) => typeof a === 'string' && wantedAliases.includes(a))
      )
        continue;
      const uri =
        typeof raw['uri'] === 'string'
          ? raw['uri']
          : new URL(`${name}/${encodeURIComponent(version)}`, this.base).href;
      const digest =
        typeof raw['digest'] === 'string' && DIGEST.test(raw['digest']) ? raw['digest'] : undefined;
      const createdAt =
        typeof raw['createdAt'] === 'string' && !Number.isNaN(Date.parse(raw['createdAt']))
          ? raw['createdAt']
          : undefined;
      versions.push({ version, uri, ...(digest ? { digest } : {}), ...(createdAt ? { createdAt } : {}) });
    }
    return { ok: true, versions };
  }
}
