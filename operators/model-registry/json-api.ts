/**
 * A small JSON-over-HTTP helper shared by the MLflow and HTTP-index clients: sends the Secret's
 * credentials (basic or bearer) only to the registry's own origin, and turns non-2xx answers into
 * failures that quote the server's own error message when it sends one.
 */
import type { Credentials, RegistryClientOptions, RegistryFailure } from './registry-client.js';
import { authorizationFor, parseJson, redact, statusFailure, Transport } from './transport.js';

export type JsonResult =
  | { readonly ok: true; readonly value: unknown; readonly latencyMs: number }
  | { readonly ok: false; readonly failure: RegistryFailure; readonly latencyMs: number };

export class JsonApi {
  /**
   * The API under a registry's `spec.url` (made a directory, so relative paths resolve below it),
   * quoting the error body fields `errorFields` (e.g. MLflow's `error_code`, `message`) in failures.
   */
  static forRegistry(options: RegistryClientOptions, errorFields: readonly string[]): JsonApi {
    return new JsonApi(
      new Transport(options),
      registryBase(options.url),
      options.credentials ?? { type: 'none' },
      options.now ?? (() => performance.now()),
      (body) => {
        const fields = (body ?? {}) as Record<string, unknown>;
        return errorFields
          .map((f) => fields[f])
          .filter((x) => typeof x === 'string')
          .join(': ');
      },
    );
  }

  constructor(
    private readonly transport: Transport,
    private readonly base: URL,
    private readonly credentials: Credentials,
    private readonly now: () => number,
    /** Pulls a human message out of an error body (e.g. MLflow's `{error_code, message}`). */
    private readonly errorDetail: (body: unknown) => string = () => '',
  ) {}

  async get(path: string, query: Record<string, string> = {}, signal?: AbortSignal): Promise<JsonResult> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (url.origin !== this.base.origin) {
      return {
        ok: false,
        latencyMs: 0,
        failure: { kind: 'invalid-config', message: `${path}: not under spec.url` },
      };
    }
    const auth = authorizationFor(this.credentials);
    const started = this.now();
    const result = await this.transport.send({
      method: 'GET',
      url,
      headers: { Accept: 'application/json', ...(auth ? { Authorization: auth } : {}) },
      signal,
    });
    const latencyMs = Math.max(0, Math.round(this.now() - started));
    const target = `GET ${redact(url)}`;
    if (!result.ok) return { ok: false, latencyMs, failure: result.failure };
    const { status, body } = result.response;
    if (status < 200 || status >= 300) {
      const parsed = parseJson(body, target);
      const detail = parsed.ok ? this.errorDetail(parsed.value) : '';
      return { ok: false, latencyMs, failure: statusFailure(status, target, detail) };
    }
    const parsed = parseJson(body, target);
    if (!parsed.ok) return { ok: false, latencyMs, failure: parsed.failure };
    return { ok: true, value: parsed.value, latencyMs };
  }
}

/** A protocol failure for an answer missing what the API promises. */
/** `url` as a directory URL, so relative API paths resolve below it rather than beside it. */
export function registryBase(url: string): URL {
  return new URL(url.replace(/\/+$/, '') + '/');
}

export function shapeFailure(target: string, what: string): RegistryFailure {
  return { kind: 'protocol', message: `${target}: answer has no ${what}` };
}
