/**
 * `spec.type: oci` — an OCI Distribution registry (distribution, Harbor, GHCR, ECR, …) over the
 * Distribution API v2:
 * - probe: `GET /v2/` (200 = reachable and our credentials are accepted);
 * - auth: on 401 the `WWW-Authenticate` challenge says how: `Basic` (send the Secret's username and
 *   password) or `Bearer` (get a token from the challenge's realm for the challenge's service and
 *   scope, with the username/password as basic auth, or anonymously; a `token` key in the Secret is
 *   sent as the bearer token itself). Tokens are cached per scope for the life of the client;
 * - versions: `GET /v2/<name>/tags/list?n=…`, following `Link: <…>; rel="next"`, then
 *   `HEAD /v2/<name>/manifests/<tag>` with OCI and Docker manifest media types in `Accept` for the
 *   `Docker-Content-Digest` (a `GET` hashed locally when a registry omits the header).
 */
import { createHash } from 'node:crypto';
import type { TrackedModel } from '../../crds/api/index.js';
import { nextLink, parseChallenges, type Challenge } from './auth-challenge.js';
import {
  forModel,
  type Credentials,
  type ListResult,
  type ProbeResult,
  type RegistryClient,
  type RegistryClientOptions,
  type RegistryFailure,
  type RemoteVersion,
} from './registry-client.js';
import {
  authorizationFor,
  parseJson,
  redact,
  statusFailure,
  Transport,
  type HttpResult,
} from './transport.js';
import { compareVersions, matchesAny } from './versions.js';

/** Manifest media types we accept, most specific first (OCI image/artifact manifests, then Docker). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.artifact.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** Tags asked per page of `tags/list`. */
export const TAGS_PAGE_SIZE = 500;
/** Most pages followed, so a looping `Link` header cannot hold a reconcile forever. */
export const MAX_TAG_PAGES = 40;
/** Newest matching tags resolved to digests per model and sync (one HEAD each). */
export const MAX_TAGS_RESOLVED = 50;
/** HEAD requests in flight at once. */
export const RESOLVE_CONCURRENCY = 4;

/** Repository names as the distribution spec defines them. */
const REPOSITORY_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

export interface OciClientTuning {
  /** Tags asked per `tags/list` page. @default TAGS_PAGE_SIZE (500) */
  readonly pageSize?: number;
  /** Manifest HEAD requests in flight at once. @default RESOLVE_CONCURRENCY (4) */
  readonly concurrency?: number;
}

export class OciRegistryClient implements RegistryClient {
  private readonly base: URL;
  private readonly transport: Transport;
  private readonly credentials: Credentials;
  private readonly now: () => number;
  /** Bearer tokens by scope ('' = the registry itself). */
  private readonly tokens = new Map<string, string>();
  /** Set once the registry asked for basic auth, so later requests send it up front. */
  private basic = false;
  private readonly pageSize: number;
  private readonly concurrency: number;

  constructor(options: RegistryClientOptions, tuning: OciClientTuning = {}) {
    this.pageSize = tuning.pageSize ?? TAGS_PAGE_SIZE;
    this.concurrency = tuning.concurrency ?? RESOLVE_CONCURRENCY;
    this.base = new URL(options.url.replace(/\/+$/, '') + '/');
    this.transport = new Transport(options);
    this.credentials = options.credentials ?? { type: 'none' };
    this.now = options.now ?? (() => performance.now());
  }

  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const started = this.now();
    const result = await this.request('GET', this.url('v2/'), '', {}, signal);
    const latencyMs = Math.max(0, Math.round(this.now() - started));
    if (!result.ok) return { ok: false, latencyMs, failure: result.failure };
    const { status } = result.response;
    if (status === 200) return { ok: true, latencyMs };
    const failure =
      status === 404
        ? {
            kind: 'not-found' as const,
            status,
            message: `GET ${redact(this.url('v2/'))}: 404; this URL does not serve the OCI distribution API (/v2/)`,
          }
        : statusFailure(status, `GET ${redact(this.url('v2/'))}`);
    return { ok: false, latencyMs, failure };
  }

  async listVersions(model: TrackedModel, signal?: AbortSignal): Promise<ListResult> {
    const name = model.name;
    if (!REPOSITORY_NAME.test(name)) {
      return {
        ok: false,
        failure: {
          kind: 'invalid-config',
          message: `model '${name}': not an OCI repository name (lower-case path components such as team/model); fix spec.sync.models[].name`,
        },
      };
    }
    const tags = await this.listTags(name, signal);
    if (!tags.ok) return { ok: false, failure: forModel(name, tags.failure) };
    const wanted = tags.tags
      .filter((t) => matchesAny(model.tags, t))
      .sort((a, b) => compareVersions(b, a))
      .slice(0, MAX_TAGS_RESOLVED);
    const versions: RemoteVersion[] = [];
    let firstFailure: RegistryFailure | undefined;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < wanted.length && !firstFailure) {
        const tag = wanted[next++]!;
        const digest = await this.resolveDigest(name, tag, signal);
        if (!digest.ok) {
          // A tag deleted between the listing and the HEAD is simply gone; anything else fails the sync.
          if (digest.failure.kind !== 'not-found') firstFailure = digest.failure;
          continue;
        }
        versions.push({ version: tag, uri: `oci://${this.base.host}/${name}:${tag}`, digest: digest.digest });
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    if (firstFailure) return { ok: false, failure: forModel(name, firstFailure) };
    return { ok: true, versions };
  }

  private async listTags(
    name: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; tags: string[] } | { ok: false; failure: RegistryFailure }> {
    const scope = `repository:${name}:pull`;
    const tags: string[] = [];
    let url: URL | undefined = this.url(`v2/${name}/tags/list?n=${this.pageSize}`);
    for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
      const target = `GET ${redact(url)}`;
      const result: HttpResult = await this.request(
        'GET',
        url,
        scope,
        { Accept: 'application/json' },
        signal,
      );
      if (!result.ok) return result;
      const { status, body, headers } = result.response;
      if (status === 404) {
        return {
          ok: false,
          failure: {
            kind: 'not-found',
            status,
            message: `${target}: 404; no such repository in the registry`,
          },
        };
      }
      if (status !== 200) return { ok: false, failure: statusFailure(status, target, errorDetail(body)) };
      const json = parseJson(body, target);
      if (!json.ok) return json;
      const list = (json.value as { tags?: unknown }).tags;
      // distribution answers `"tags": null` for a repository whose tags were all deleted.
      if (list !== null && list !== undefined && !Array.isArray(list)) {
        return { ok: false, failure: { kind: 'protocol', message: `${target}: 'tags' is not a list` } };
      }
      for (const t of list ?? []) if (typeof t === 'string') tags.push(t);
      const next = nextLink(headers['link']);
      url = next ? new URL(next, this.base) : undefined;
      if (url && url.origin !== this.base.origin) {
        return {
          ok: false,
          failure: {
            kind: 'protocol',
            message: `${target}: pagination link points to another host; refused`,
          },
        };
      }
    }
    return { ok: true, tags: [...new Set(tags)] };
  }

  private async resolveDigest(
    name: string,
    tag: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; digest: string } | { ok: false; failure: RegistryFailure }> {
    const scope = `repository:${name}:pull`;
    const url = this.url(`v2/${name}/manifests/${encodeURIComponent(tag)}`);
    for (const method of ['HEAD', 'GET'] as const) {
      const result = await this.request(method, url, scope, { Accept: MANIFEST_ACCEPT }, signal);
      if (!result.ok) return result;
      const { status, headers, body } = result.response;
      const target = `${method} ${redact(url)}`;
      if (status !== 200) return { ok: false, failure: statusFailure(status, target, errorDetail(body)) };
      const header = headers['docker-content-digest'];
      const digest = typeof header === 'string' ? header : undefined;
      if (digest && /^sha256:[a-f0-9]{64}$/.test(digest)) return { ok: true, digest };
      // No usable digest header: the digest of a manifest is the sha256 of its exact bytes.
      if (method === 'GET')
        return { ok: true, digest: `sha256:${createHash('sha256').update(body).digest('hex')}` };
    }
    return { ok: false, failure: { kind: 'protocol', message: `no digest for ${name}:${tag}` } };
  }

  /** Sends a request to the registry, answering an auth challenge once. */
  private async request(
    method: 'GET' | 'HEAD',
    url: URL,
    scope: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpResult> {
    const first = await this.transport.send({
      method,
      url,
      headers: { ...headers, ...this.authHeader(scope) },
      signal,
    });
    if (!first.ok || first.response.status !== 401) return first;
    const challenges = parseChallenges(first.response.headers['www-authenticate']);
    const answered = await this.answer(challenges, scope, url, signal);
    if (!answered.ok) return answered;
    if (!answered.retry) return first;
    return this.transport.send({ method, url, headers: { ...headers, ...this.authHeader(scope) }, signal });
  }

  private authHeader(scope: string): Record<string, string> {
    const token = this.tokens.get(scope);
    if (token) return { Authorization: `Bearer ${token}` };
    if (this.basic && this.credentials.type === 'basic')
      return { Authorization: authorizationFor(this.credentials)! };
    return {};
  }

  /** Acts on a 401 challenge; `retry` says whether sending the request again can help. */
  private async answer(
    challenges: readonly Challenge[],
    scope: string,
    url: URL,
    signal?: AbortSignal,
  ): Promise<{ ok: true; retry: boolean } | { ok: false; failure: RegistryFailure }> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      if (this.tokens.has(scope)) {
        // The token we sent was refused (expired or lacking the scope): fetch a fresh one once.
        this.tokens.delete(scope);
      }
      if (this.credentials.type === 'bearer') {
        this.tokens.set(scope, this.credentials.token);
        return { ok: true, retry: true };
      }
      const token = await this.fetchToken(bearer, scope, signal);
      if (!token.ok) return token;
      this.tokens.set(scope, token.token);
      return { ok: true, retry: true };
    }
    if (basic) {
      if (this.credentials.type !== 'basic') {
        return {
          ok: false,
          failure: {
            kind: 'unauthorized',
            status: 401,
            message: `${redact(url)}: the registry asks for a username and password; name a Secret with keys 'username' and 'password' in spec.auth.secretRef`,
          },
        };
      }
      if (this.basic) return { ok: true, retry: false };
      this.basic = true;
      return { ok: true, retry: true };
    }
    return { ok: true, retry: false };
  }

  private async fetchToken(
    challenge: Challenge,
    scope: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; token: string } | { ok: false; failure: RegistryFailure }> {
    const realm = challenge.params['realm'];
    if (!realm || !/^https?:\/\//.test(realm)) {
      return {
        ok: false,
        failure: { kind: 'protocol', message: `the registry's Bearer challenge has no usable realm` },
      };
    }
    const url = new URL(realm);
    if (challenge.params['service']) url.searchParams.set('service', challenge.params['service']);
    const wanted = scope || challenge.params['scope'];
    if (wanted) url.searchParams.set('scope', wanted);
    const auth: Record<string, string> =
      this.credentials.type === 'basic' ? { Authorization: authorizationFor(this.credentials)! } : {};
    const target = `GET ${redact(url)}`;
    const result = await this.transport.send({
      method: 'GET',
      url,
      headers: { Accept: 'application/json', ...auth },
      signal,
    });
    if (!result.ok)
      return {
        ok: false,
        failure: { ...result.failure, message: `token service: ${result.failure.message}` },
      };
    const { status, body } = result.response;
    if (status !== 200) {
      const f = statusFailure(status, `token service ${target}`, errorDetail(body));
      return {
        ok: false,
        failure:
          status === 401 && this.credentials.type === 'none'
            ? {
                ...f,
                message: `${f.message.replace(/;.*$/, '')}; the registry needs credentials: set spec.auth.secretRef`,
              }
            : f,
      };
    }
    const json = parseJson(body, `token service ${target}`);
    if (!json.ok) return json;
    const value = json.value as { token?: unknown; access_token?: unknown };
    const token = typeof value.token === 'string' ? value.token : value.access_token;
    if (typeof token !== 'string' || token === '') {
      return {
        ok: false,
        failure: { kind: 'protocol', message: `token service ${target}: no token in the answer` },
      };
    }
    return { ok: true, token };
  }

  private url(path: string): URL {
    return new URL(path, this.base);
  }
}

/** The first error of a distribution error body (`{"errors":[{"code","message"}]}`), if any. */
function errorDetail(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      errors?: Array<{ code?: string; message?: string }>;
    };
    const e = parsed.errors?.[0];
    return e ? [e.code, e.message].filter(Boolean).join(' ') : '';
  } catch {
    return '';
  }
}
