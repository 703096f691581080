/**
 * The seam between the ModelRegistry reconciler and the registries it talks to: one small interface,
 * one implementation per `spec.type` (`oci.ts`, `mlflow.ts`, `http.ts`). Failures are returned as data
 * (`RegistryFailure`), never thrown, so the reconciler can turn each kind into a condition reason a
 * person understands without parsing error strings.
 */
import type { TrackedModel } from '../../crds/api/index.js';

/** What went wrong, in the terms a person fixes it by. */
export type FailureKind =
  /** The host name does not resolve. */
  | 'dns'
  /** Nothing listens at the address (wrong port, registry down). */
  | 'connection-refused'
  /** No answer within `spec.timeout`. */
  | 'timeout'
  /** The TLS handshake failed (unknown CA, wrong host name, plain HTTP on an HTTPS port…). */
  | 'tls'
  /** 401: no or wrong credentials. */
  | 'unauthorized'
  /** 403: the credentials are valid but may not read this. */
  | 'forbidden'
  /** 404: no such repository, model or index. */
  | 'not-found'
  /** 429: the registry rate-limits us. */
  | 'rate-limited'
  /** 5xx from the registry. */
  | 'server-error'
  /** The answer was not what the protocol promises (not JSON, missing fields, other status). */
  | 'protocol'
  /** Any other network error (reset connection, …). */
  | 'network'
  /** The spec cannot work as written (credentials in the URL, …). */
  | 'invalid-config'
  /** The Secret named by `spec.auth.secretRef` is missing or lacks the documented keys. */
  | 'credentials';

export interface RegistryFailure {
  readonly kind: FailureKind;
  /** One sentence for people: what failed and, where it helps, what to do. Never carries credentials. */
  readonly message: string;
  /** HTTP status, when there was an answer. */
  readonly status?: number;
}

export type ProbeResult =
  | { readonly ok: true; readonly latencyMs: number }
  | { readonly ok: false; readonly latencyMs: number; readonly failure: RegistryFailure };

/** One version of a model, as the registry describes it. */
export interface RemoteVersion {
  /** Tag (oci), version number (mlflow) or version name (http). */
  readonly version: string;
  /** Artifact URI a ModelVersion can point at, e.g. `oci://registry.example.com/team/model:1.2.0`. */
  readonly uri: string;
  /** `sha256:<hex>`, when the registry knows it. */
  readonly digest?: string;
  /** When the registry says the version was created (RFC 3339), if it says. */
  readonly createdAt?: string;
}

export type ListResult =
  | { readonly ok: true; readonly versions: readonly RemoteVersion[] }
  | { readonly ok: false; readonly failure: RegistryFailure };

export interface RegistryClient {
  /** Checks that the registry answers and accepts our credentials. */
  probe(signal?: AbortSignal): Promise<ProbeResult>;
  /**
   * Versions of one tracked model that match its `tags` / `aliases` filters, in no particular order
   * (the caller sorts).
   */
  listVersions(model: TrackedModel, signal?: AbortSignal): Promise<ListResult>;
}

/** Credentials from the Secret named by `spec.auth.secretRef`. */
export type Credentials =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string };

export interface RegistryClientOptions {
  /** Base URL (`spec.url`). */
  readonly url: string;
  /** @default { type: 'none' } */
  readonly credentials?: Credentials;
  /** PEM CA certificates trusted in addition to the system ones (`spec.tls.caBundle`). @default none */
  readonly caBundle?: string;
  /** Skip certificate verification (`spec.tls.insecure`). @default false */
  readonly insecure?: boolean;
  /** Timeout of one request, in milliseconds (`spec.timeout`). @default 10_000 */
  readonly timeoutMs?: number;
  /** Milliseconds clock for latencies. @default performance.now */
  readonly now?: () => number;
}

/** A `RegistryFailure` for a tracked model, with the model named in the message. */
export function forModel(model: string, failure: RegistryFailure): RegistryFailure {
  return { ...failure, message: `model '${model}': ${failure.message}` };
}
