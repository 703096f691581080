/**
 * HTTP layer: parses Kubernetes API paths and query parameters, dispatches to discovery, the
 * object API, the watch hub and server-side apply, records every request, applies injected
 * failures, and answers errors as `Status` objects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import { ApiError, badRequest, methodNotAllowed, notFound, unsupportedMediaType } from './errors.js';
import type { ObjectApi, WriteContext } from './object-api.js';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch.js';
import { apiVersionOf, storageKey, type ResourceRegistry, type ResourceType } from './resource-registry.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { RequestLog } from './request-log.js';
import type { ObjectStore } from './store.js';
import { isPlainObject, type KubeObject } from './types.js';
import type { WatchHub } from './watch-hub.js';

/** One request as the server saw it (what tests assert on). */
export interface RequestRecord {
  /** Kubernetes verb: get, list, watch, create, update, patch, apply, delete, deletecollection, or `discovery`. */
  readonly verb: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly group?: string;
  readonly resource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
  readonly fieldManager?: string;
  readonly contentType?: string;
  /** HTTP status answered (for watches: 200 once the stream opened). */
  status: number;
}

/** A failure to inject: requests matching `match` get `status` until `times` runs out. */
export interface FailureRule {
  readonly match: (request: RequestRecord) => boolean;
  readonly status: number;
  /** @default 'TooManyRequests' for 429, else 'InternalError' */
  readonly reason?: string;
  /** @default 'Too many requests, please try again later.' for 429, else 'injected failure' */
  readonly message?: string;
  /** Sent as the `Retry-After` header and `details.retryAfterSeconds` of the Status. */
  readonly retryAfterSeconds?: number;
  /**
   * Answer with the message as `text/plain` (and the `Retry-After` header) instead of a Status, as
   * the API server's max-in-flight and Priority and Fairness filters answer a 429.
   */
  readonly plainText?: boolean;
  /** How many matching requests fail; Infinity for all. */
  remaining: number;
}

/** Applies a server-side apply patch (see managed-fields.ts). */
export type ApplyHandler = (
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
  ctx: WriteContext,
  force: boolean,
) => KubeObject;

export interface RouterDeps {
  readonly registry: ResourceRegistry;
  readonly store: ObjectStore;
  readonly objects: ObjectApi;
  readonly watches: WatchHub;
  readonly apply: ApplyHandler;
  readonly requests: RequestLog;
  readonly failures: FailureRule[];
}

interface Target {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

const PATCH_TYPES = new Set([
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
]);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * An error as the real server writes it: a Status, with `Retry-After` when the Status carries
 * `details.retryAfterSeconds` (apiserver responsewriters.ErrorNegotiated), or plain text.
 */
function sendError(res: ServerResponse, error: ApiError): void {
  const retryAfter = error.details?.retryAfterSeconds;
  const headers: Record<string, string> =
    retryAfter !== undefined && retryAfter > 0 ? { 'Retry-After': String(retryAfter) } : {};
  const text = error.plainText ? `${error.message}\n` : JSON.stringify(error.toStatus());
  res.writeHead(error.code, {
    ...headers,
    'Content-Type': error.plainText ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const record: RequestRecord = {
      verb: 'discovery',
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      ...(url.searchParams.get('fieldManager')
        ? { fieldManager: url.searchParams.get('fieldManager')! }
        : {}),
      ...(contentType ? { contentType } : {}),
    };
    const log = this.deps.requests;
    let received = false;
    let answered = false;
    const answer = (status: number): void => {
      record.status = status;
      answered = true;
      log.answered(record);
    };
    try {
      const body = await readBody(req);
      const discovery = this.discovery(url.pathname);
      if (discovery !== undefined) {
        log.received(record);
        received = true;
        this.fail(record);
        answer(200);
        send(res, 200, discovery);
        return;
      }
      const target = this.parseTarget(url.pathname);
      const verb = this.verbOf(method, target, url.searchParams, contentType);
      Object.assign(record, {
        verb,
        group: target.type.group,
        resource: target.type.plural,
        ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
        ...(target.name !== undefined ? { name: target.name } : {}),
        ...(target.subresource !== undefined ? { subresource: target.subresource } : {}),
      });
      log.received(record);
      received = true;
      this.fail(record);
      if (verb === 'watch') {
        this.watch(target, url.searchParams, res);
        answer(200);
        return;
      }
      const [status, result] = this.dispatch(verb, target, url.searchParams, req, body, contentType);
      answer(status);
      send(res, status, result);
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(
              500,
              'InternalError',
              `Internal error occurred: ${(error as Error).message ?? String(error)}`,
            );
      if (!received) log.received(record);
      if (!answered) answer(apiError.code);
      if (!res.headersSent) sendError(res, apiError);
      else res.end();
    }
  }

  private fail(record: RequestRecord): void {
    for (const rule of this.deps.failures) {
      if (rule.remaining > 0 && rule.match(record)) {
        rule.remaining -= 1;
        const tooMany = rule.status === 429;
        const error = new ApiError(
          rule.status,
          rule.reason ?? (tooMany ? 'TooManyRequests' : 'InternalError'),
          rule.message ?? (tooMany ? 'Too many requests, please try again later.' : 'injected failure'),
          rule.retryAfterSeconds === undefined ? undefined : { retryAfterSeconds: rule.retryAfterSeconds },
        );
        if (rule.plainText) error.plainText = true;
        throw error;
      }
    }
  }

  private discovery(path: string): unknown {
    const p = path.replace(/\/+$/, '');
    if (p === '/api') return apiVersions();
    if (p === '/apis') return apiGroupList(this.deps.registry);
    if (p === '/api/v1') return apiResourceList(this.deps.registry, '', 'v1');
    if (p === '/version') return versionInfo();
    const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
    if (m && this.deps.registry.hasGroupVersion(m[1]!, m[2]!))
      return apiResourceList(this.deps.registry, m[1]!, m[2]!);
    if (m) throw new ApiError(404, 'NotFound', `the server could not find the requested resource (${p})`);
    return undefined;
  }

  private parseTarget(path: string): Target {
    const segs = path
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    let group: string;
    let version: string;
    let rest: string[];
    if (segs[0] === 'api' && segs.length >= 3) {
      group = '';
      version = segs[1]!;
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 4) {
      group = segs[1]!;
      version = segs[2]!;
      rest = segs.slice(3);
    } else throw new ApiError(404, 'NotFound', `the server could not find the requested resource (${path})`);
    const lookup = (plural: string): ResourceType => {
      const type = this.deps.registry.byPath(group, version, plural);
      if (!type) {
        throw new ApiError(404, 'NotFound', `the server could not find the requested resource (${path})`, {
          group,
          kind: plural,
        });
      }
      return type;
    };
    if (rest[0] === 'namespaces' && rest.length >= 3 && this.deps.registry.byPath(group, version, rest[2]!)) {
      const type = lookup(rest[2]!);
      if (!type.namespaced) throw notFound(group, rest[2]!, rest[3] ?? '');
      return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
    }
    const type = lookup(rest[0]!);
    if (type.namespaced && rest.length > 1) {
      throw new ApiError(404, 'NotFound', `the server could not find the requested resource (${path})`);
    }
    return { type, namespace: undefined, name: rest[1], subresource: rest[2] };
  }

  private verbOf(method: string, target: Target, query: URLSearchParams, contentType: string): string {
    const watch = query.get('watch') === 'true' || query.get('watch') === '1';
    if (target.subresource !== undefined && target.subresource !== 'status') {
      throw new ApiError(
        404,
        'NotFound',
        `the server could not find the requested resource (subresource ${target.subresource})`,
      );
    }
    if (target.subresource === 'status' && !target.type.statusSubresource) {
      throw new ApiError(
        404,
        'NotFound',
        `the server could not find the requested resource (${target.type.plural}/status)`,
      );
    }
    if (target.name === undefined) {
      if (method === 'GET') return watch ? 'watch' : 'list';
      if (method === 'POST') return 'create';
      if (method === 'DELETE') return 'deletecollection';
      throw methodNotAllowed(`${method} is not supported on a collection of ${target.type.plural}`);
    }
    if (method === 'GET') {
      if (watch) return 'watch';
      return 'get';
    }
    if (method === 'PUT') return 'update';
    if (method === 'PATCH') return contentType === 'application/apply-patch+yaml' ? 'apply' : 'patch';
    if (method === 'DELETE') return 'delete';
    throw methodNotAllowed(`${method} is not supported on ${target.type.plural}/${target.name}`);
  }

  private context(query: URLSearchParams, req: IncomingMessage, target: Target): WriteContext {
    const userAgent = String(req.headers['user-agent'] ?? 'unknown');
    return {
      fieldManager: query.get('fieldManager') ?? (userAgent.split('/')[0] || 'unknown'),
      dryRun: query.get('dryRun') === 'All',
      strictFields: query.get('fieldValidation') === 'Strict',
      ...(target.subresource === 'status' ? { subresource: 'status' as const } : {}),
    };
  }

  private dispatch(
    verb: string,
    target: Target,
    query: URLSearchParams,
    req: IncomingMessage,
    rawBody: string,
    contentType: string,
  ): [number, unknown] {
    const { objects } = this.deps;
    const { type, namespace } = target;
    const name = target.name ?? '';
    const ctx = (): WriteContext => this.context(query, req, target);
    const json = (): unknown => {
      if (rawBody.trim() === '') return undefined;
      try {
        return JSON.parse(rawBody);
      } catch (error) {
        throw badRequest(`the body of the request could not be decoded as JSON: ${(error as Error).message}`);
      }
    };
    switch (verb) {
      case 'get':
        return [200, objects.get(type, namespace, name)];
      case 'list':
        return [200, this.list(type, namespace, query)];
      case 'create':
        return [201, objects.create(type, namespace, json(), ctx())];
      case 'update':
        return [200, objects.update(type, namespace, name, json(), ctx())];
      case 'patch':
        return [200, this.patch(target, json(), contentType, ctx())];
      case 'apply': {
        let body: unknown;
        try {
          body = parseYaml(rawBody);
        } catch (error) {
          throw badRequest(`error decoding YAML: ${(error as Error).message}`);
        }
        const force = query.get('force') === 'true';
        if (!query.get('fieldManager')) {
          throw badRequest(
            'PATCH, application/apply-patch+yaml: fieldManager is required for apply requests',
          );
        }
        const existed = objects.find(type, namespace, name) !== undefined;
        const result = this.deps.apply(type, namespace, name, body, ctx(), force);
        return [existed ? 200 : 201, result];
      }
      case 'delete': {
        const body = json();
        const opts = isPlainObject(body) ? body : {};
        const policy = query.get('propagationPolicy') ?? opts['propagationPolicy'];
        const result = objects.delete(type, namespace, name, {
          ...(policy ? { propagationPolicy: String(policy) } : {}),
          ...(isPlainObject(opts['preconditions']) ? { preconditions: opts['preconditions'] } : {}),
          dryRun: query.get('dryRun') === 'All',
        });
        // As the real server: 202 with the object while finalizers hold it; once gone, custom
        // resources (and pods) answer with the object, other built-ins with a Success Status.
        if (
          result.metadata.deletionTimestamp !== undefined &&
          this.deps.objects.find(type, namespace, name)
        ) {
          return [202, result];
        }
        if (type.custom || type.plural === 'pods') return [200, result];
        return [
          200,
          {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: { name, group: type.group, kind: type.plural, uid: result.metadata.uid },
          },
        ];
      }
      case 'deletecollection': {
        const list = this.list(type, namespace, query) as { items: KubeObject[] };
        for (const item of list.items) {
          objects.delete(type, item.metadata.namespace, item.metadata.name!, {});
        }
        return [200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' }];
      }
      default:
        throw methodNotAllowed(`verb ${verb} is not supported`);
    }
  }

  private patch(target: Target, patch: unknown, contentType: string, ctx: WriteContext): KubeObject {
    const { objects } = this.deps;
    const { type, namespace } = target;
    const name = target.name!;
    if (!PATCH_TYPES.has(contentType)) throw unsupportedMediaType(contentType);
    if (patch === undefined) throw badRequest('the patch body is empty');
    const stored = objects.find(type, namespace, name);
    if (stored === undefined) throw notFound(type.group, type.plural, name);
    const current = objects.present(type, stored);
    let candidate: unknown;
    switch (contentType) {
      case 'application/json-patch+json':
        candidate = applyJsonPatch(current, patch);
        break;
      case 'application/merge-patch+json':
        candidate = applyMergePatch(current, patch);
        break;
      default:
        if (type.custom) {
          throw new ApiError(
            415,
            'UnsupportedMediaType',
            `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (strategic merge patch is not supported for custom resources)`,
          );
        }
        candidate = applyStrategicMergePatch(current, patch);
    }
    if (!isPlainObject(candidate)) throw badRequest('the patch does not result in an object');
    const next = candidate as KubeObject;
    if (!isPlainObject(next.metadata)) next.metadata = {};
    // A resourceVersion in the patch is a precondition, as on the real server.
    if (
      next.metadata.resourceVersion !== undefined &&
      next.metadata.resourceVersion !== stored.metadata.resourceVersion
    ) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${type.group === '' ? type.plural : `${type.plural}.${type.group}`} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: type.group, kind: type.plural },
      );
    }
    if (next.metadata.name !== undefined && next.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`,
      );
    }
    return objects.commit(type, stored, next, ctx, ctx.subresource === 'status' ? 'patch-status' : 'patch');
  }

  private list(type: ResourceType, namespace: string | undefined, query: URLSearchParams): unknown {
    const { store, objects } = this.deps;
    const labels = parseLabelSelector(query.get('labelSelector'));
    const fields = parseFieldSelector(query.get('fieldSelector'), type.kind);
    let items = store.list(storageKey(type), namespace).filter((o) => labels(o) && fields(o));
    const cont = query.get('continue');
    if (cont) {
      let after: string;
      try {
        after = String(JSON.parse(Buffer.from(cont, 'base64url').toString('utf8')).after);
      } catch {
        throw badRequest(`invalid continue token ${cont}`);
      }
      items = items.filter((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}` > after);
    }
    const limit = Number(query.get('limit') ?? 0);
    const metadata: Record<string, unknown> = { resourceVersion: String(store.currentRevision) };
    if (limit > 0 && items.length > limit) {
      const last = items[limit - 1]!;
      items = items.slice(0, limit);
      metadata['continue'] = Buffer.from(
        JSON.stringify({ after: `${last.metadata.namespace ?? ''}/${last.metadata.name}` }),
      ).toString('base64url');
    }
    return {
      kind: type.listKind,
      apiVersion: apiVersionOf(type),
      metadata,
      // Built-in lists omit kind/apiVersion on items; custom resource lists keep them (as the real server).
      items: items.map((o) => {
        const shown = objects.present(type, o);
        if (type.custom) return shown;
        const { apiVersion: _a, kind: _k, ...rest } = shown;
        return rest;
      }),
    };
  }

  private watch(target: Target, query: URLSearchParams, res: ServerResponse): void {
    const { type, namespace } = target;
    const labels = parseLabelSelector(query.get('labelSelector'));
    const fields = parseFieldSelector(query.get('fieldSelector'), type.kind);
    const timeout = query.get('timeoutSeconds');
    this.deps.watches.serve(
      {
        key: storageKey(type),
        apiVersion: apiVersionOf(type),
        kind: type.kind,
        namespace,
        predicate: (o) =>
          labels(o) && fields(o) && (target.name === undefined || o.metadata.name === target.name),
        resourceVersion: query.get('resourceVersion') ?? '',
        allowBookmarks: query.get('allowWatchBookmarks') === 'true',
        sendInitialEvents: query.get('sendInitialEvents') === 'true',
        timeoutSeconds: timeout === null ? undefined : Number(timeout),
        present: (o) => this.deps.objects.present(type, o),
      },
      res,
    );
  }
}
