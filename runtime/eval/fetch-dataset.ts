/**
 * Reads the golden set from where the evaluation says it is: a mounted ConfigMap key, an http(s) URL,
 * or an OCI artifact (`oci://registry/repo:tag` or `@sha256:…`) whose first layer is the document,
 * pulled over the Distribution API with an anonymous bearer token when the registry asks for one.
 * Every download is capped in size and time, every OCI blob is checked against its digest, and
 * `digest` (when set) pins the document itself. Errors name the ConfigMap or the URI.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { formatMs } from './duration.js';
import { EvaluationProblem, reasonOf } from './problem.js';

export type DatasetSource =
  /** A mounted file (a ConfigMap key); `configMap`/`key` name it in messages. */
  | { readonly kind: 'file'; readonly path: string; readonly configMap?: string; readonly key?: string }
  | { readonly kind: 'uri'; readonly uri: string; readonly digest?: string };

export interface FetchOptions {
  /** Deadline of the whole download. @default 60000 */
  readonly timeoutMs?: number;
  /** Largest document accepted. @default 4 MiB */
  readonly maxBytes?: number;
}

export interface FetchedDataset {
  readonly text: string;
  /** Where it came from, for messages: `ConfigMap golden key cases.yaml`, `https://…`. */
  readonly description: string;
}

export const DEFAULT_MAX_DATASET_BYTES = 4 * 1024 * 1024;
const DEFAULT_FETCH_TIMEOUT_MS = 60_000;
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function fetchDataset(
  source: DatasetSource,
  options: FetchOptions = {},
): Promise<FetchedDataset> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DATASET_BYTES;
  if (source.kind === 'file') return readMounted(source, maxBytes);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const problem = (message: string) => new EvaluationProblem('dataset.uri', `${source.uri}: ${message}`);
  let bytes: Buffer;
  try {
    bytes = source.uri.startsWith('oci://')
      ? await pullArtifact(source.uri, maxBytes, signal, problem)
      : await download(source.uri, maxBytes, signal, problem);
  } catch (error) {
    if (error instanceof EvaluationProblem) throw error;
    if (signal.aborted) throw problem(`no answer within ${formatMs(timeoutMs)}`);
    throw problem(`cannot be fetched: ${reasonOf(error)}`);
  }
  if (source.digest !== undefined) {
    const actual = sha256(bytes);
    if (actual !== source.digest)
      throw new EvaluationProblem(
        'dataset.digest',
        `the document at ${source.uri} hashes to ${actual}, not ${source.digest}; update dataset.digest if the golden set changed on purpose`,
      );
  }
  return { text: utf8(bytes, problem), description: source.uri };
}

async function readMounted(
  source: Extract<DatasetSource, { kind: 'file' }>,
  maxBytes: number,
): Promise<FetchedDataset> {
  const description =
    source.configMap === undefined
      ? source.path
      : `ConfigMap ${source.configMap} key ${source.key ?? source.path}`;
  const problem = (message: string) => new EvaluationProblem('dataset.configMapRef', message);
  let size: number;
  try {
    size = (await stat(source.path)).size;
  } catch (error) {
    // The volume is optional: a missing ConfigMap or key leaves no file rather than a pod that never starts.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw problem(
        source.configMap === undefined
          ? `${source.path} does not exist`
          : `ConfigMap ${source.configMap} has no key ${source.key ?? source.path} (or does not exist)`,
      );
    throw problem(`${description} cannot be read: ${reasonOf(error)}`);
  }
  if (size > maxBytes)
    throw problem(`${description} holds ${size} bytes, more than ${maxBytes}; split the golden set`);
  const bytes = await readFile(source.path);
  return { text: utf8(bytes, (message) => problem(`${description}: ${message}`)), description };
}

type Problem = (message: string) => EvaluationProblem;

async function download(
  uri: string,
  maxBytes: number,
  signal: AbortSignal,
  problem: Problem,
): Promise<Buffer> {
  const response = await fetch(uri, {
    headers: { accept: 'application/yaml, application/json, text/yaml, text/plain;q=0.9, */*;q=0.5' },
    signal,
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw problem(`GET answered ${response.status} ${response.statusText}`.trimEnd());
  }
  return readCapped(response, maxBytes, problem);
}

/** A parsed `oci://host/repo:tag` or `oci://host/repo@sha256:…`. */
interface OciReference {
  readonly base: string;
  readonly repository: string;
  /** A tag or a digest. */
  readonly reference: string;
}

export function parseOciReference(uri: string): OciReference | string {
  const rest = uri.slice('oci://'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return 'must be oci://registry/repository:tag or oci://registry/repository@sha256:<hex>';
  const host = rest.slice(0, slash);
  let path = rest.slice(slash + 1);
  let reference = 'latest';
  const at = path.indexOf('@');
  if (at !== -1) {
    reference = path.slice(at + 1);
    path = path.slice(0, at);
    if (!SHA256.test(reference)) return `the digest ${reference} is not sha256:<64 hex digits>`;
  } else {
    const colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/')) {
      reference = path.slice(colon + 1);
      path = path.slice(0, colon);
      if (!TAG.test(reference)) return `the tag ${reference} is not a valid OCI tag`;
    }
  }
  if (!REPOSITORY.test(path)) return `the repository ${path} is not a valid OCI repository name`;
  // Loopback registries (tests, a node-local mirror) speak plain HTTP; every other one HTTPS.
  const scheme = LOOPBACK.has(host.replace(/:\d+$/, '')) ? 'http' : 'https';
  return { base: `${scheme}://${host}`, repository: path, reference };
}

async function pullArtifact(
  uri: string,
  maxBytes: number,
  signal: AbortSignal,
  problem: Problem,
): Promise<Buffer> {
  const ref = parseOciReference(uri);
  if (typeof ref === 'string') throw problem(ref);
  const registry = new RegistryClient(ref, signal, problem);
  const manifestResponse = await registry.get(`manifests/${ref.reference}`, [
    ...MANIFEST_TYPES,
    ...INDEX_TYPES,
  ]);
  const manifestBytes = await readCapped(manifestResponse, 1024 * 1024, problem);
  if (ref.reference.startsWith('sha256:') && sha256(manifestBytes) !== ref.reference)
    throw problem(`the registry sent a manifest that does not hash to ${ref.reference}`);
  let manifest: { mediaType?: unknown; layers?: { digest?: unknown; size?: unknown }[] };
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as typeof manifest;
  } catch {
    throw problem('the manifest is not JSON');
  }
  const mediaType = manifest.mediaType ?? manifestResponse.headers.get('content-type')?.split(';')[0];
  if (INDEX_TYPES.includes(mediaType as string))
    throw problem('is an image index; push the document as an artifact with one manifest (e.g. oras push)');
  const layer = manifest.layers?.[0];
  if (layer === undefined || typeof layer.digest !== 'string' || !SHA256.test(layer.digest))
    throw problem('the manifest has no layer with a sha256 digest; its first layer must be the document');
  if (typeof layer.size === 'number' && layer.size > maxBytes)
    throw problem(`the document layer holds ${layer.size} bytes, more than ${maxBytes}`);
  const blob = await readCapped(await registry.get(`blobs/${layer.digest}`, ['*/*']), maxBytes, problem);
  if (sha256(blob) !== layer.digest)
    throw problem(
      `the layer's content does not hash to its digest ${layer.digest}; the registry sent something else`,
    );
  return blob;
}

/** GETs of one repository, with the anonymous bearer token the registry asks for (once, then kept). */
class RegistryClient {
  private token: string | undefined;

  constructor(
    private readonly ref: OciReference,
    private readonly signal: AbortSignal,
    private readonly problem: Problem,
  ) {}

  async get(path: string, accept: readonly string[]): Promise<Response> {
    const url = `${this.ref.base}/v2/${this.ref.repository}/${path}`;
    const send = () =>
      fetch(url, {
        headers: {
          accept: accept.join(', '),
          ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
        },
        signal: this.signal,
      });
    let response = await send();
    if (response.status === 401 && this.token === undefined) {
      await response.body?.cancel();
      this.token = await this.anonymousToken(response.headers.get('www-authenticate') ?? '');
      response = await send();
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      const what = path.startsWith('manifests/')
        ? `the manifest ${this.ref.reference}`
        : `the blob ${path.slice(6)}`;
      if (response.status === 404)
        throw this.problem(`${what} is not in ${this.ref.base}/${this.ref.repository}`);
      throw this.problem(`GET ${what} answered ${response.status}`);
    }
    return response;
  }

  /** The token endpoint of a `Bearer realm="…",service="…",scope="…"` challenge, asked without credentials. */
  private async anonymousToken(challenge: string): Promise<string> {
    if (!/^bearer\s/i.test(challenge))
      throw this.problem(
        `the registry asks for credentials (${challenge.split(/\s/)[0] || 'no challenge'}); the evaluation pulls anonymously, so make the repository public or serve the dataset over https`,
      );
    const params = new Map<string, string>();
    for (const [, key, value] of challenge.matchAll(/(\w+)="([^"]*)"/g))
      params.set((key as string).toLowerCase(), value as string);
    const realm = params.get('realm');
    if (realm === undefined) throw this.problem('the registry sent a bearer challenge without a realm');
    const tokenUrl = new URL(realm);
    const service = params.get('service');
    if (service !== undefined) tokenUrl.searchParams.set('service', service);
    tokenUrl.searchParams.set('scope', params.get('scope') ?? `repository:${this.ref.repository}:pull`);
    const response = await fetch(tokenUrl, { signal: this.signal });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw this.problem(
        `the registry's token service refused an anonymous pull (${response.status}); make the repository public`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = body.token ?? body.access_token;
    if (typeof token !== 'string' || token === '')
      throw this.problem("the registry's token service sent no token");
    return token;
  }
}

/** The body, refused past `maxBytes` (by Content-Length, or while it streams). */
async function readCapped(response: Response, maxBytes: number, problem: Problem): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw problem(`the document holds ${declared} bytes, more than ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw problem(`the document holds more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function utf8(bytes: Buffer, problem: Problem): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw problem('is not UTF-8 text');
  }
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
