/**
 * Registry credentials come only from the Secret named by `spec.auth.secretRef`, in the registry's
 * namespace, read with one `get` (the operator may not list Secrets). Keys:
 * - `token`: sent as `Authorization: Bearer <token>` (OCI: used as the registry token; MLflow:
 *   MLFLOW_TRACKING_TOKEN; http: any bearer token);
 * - `username` and `password`: basic auth (OCI: also used to obtain tokens from the registry's token
 *   service when it answers with a Bearer challenge).
 * - `.dockerconfigjson` (a `kubernetes.io/dockerconfigjson` pull Secret, so the one used as
 *   `imagePullSecrets` works as is): the entry of `auths` for the host of `spec.url`, with
 *   `username`/`password` or `auth` (base64 of `username:password`).
 * `token` wins when several are present. Values are never logged nor written to status.
 */
import { isNotFound, type KubeClient } from '../kit/client.js';
import type { KubeObject } from '../kit/resource.js';
import type { Credentials, RegistryFailure } from './registry-client.js';
import { SECRET } from '../kinds.js';
import type { ModelRegistryObject } from './resources.js';

export type CredentialsResult =
  | { readonly ok: true; readonly credentials: Credentials }
  | { readonly ok: false; readonly failure: RegistryFailure };

/** Reads and checks the credentials of `registry`; `{type: 'none'}` when it names no Secret. */
export async function loadCredentials(
  client: KubeClient,
  registry: ModelRegistryObject,
): Promise<CredentialsResult> {
  const ref = registry.spec.auth?.secretRef?.name;
  if (!ref) return { ok: true, credentials: { type: 'none' } };
  const namespace = registry.metadata.namespace ?? 'default';
  let secret: KubeObject & { data?: Record<string, string> };
  try {
    secret = await client.get(SECRET, namespace, ref);
  } catch (err) {
    const message = isNotFound(err)
      ? `Secret '${namespace}/${ref}' named by spec.auth.secretRef does not exist; create it with keys 'username' and 'password', or 'token'`
      : `cannot read Secret '${namespace}/${ref}' named by spec.auth.secretRef: ${(err as Error).message}`;
    return { ok: false, failure: { kind: 'credentials', message } };
  }
  const value = (key: string): string | undefined => {
    const b64 = secret.data?.[key];
    return b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('utf8').trim();
  };
  const token = value('token');
  if (token) return { ok: true, credentials: { type: 'bearer', token } };
  const username = value('username');
  const password = value('password');
  if (username && password !== undefined)
    return { ok: true, credentials: { type: 'basic', username, password } };
  const dockerConfig = value('.dockerconfigjson');
  if (dockerConfig !== undefined)
    return fromDockerConfig(dockerConfig, registry.spec.url, `${namespace}/${ref}`);
  const keys = Object.keys(secret.data ?? {}).sort();
  return {
    ok: false,
    failure: {
      kind: 'credentials',
      message: `Secret '${namespace}/${ref}' named by spec.auth.secretRef has keys [${keys.join(', ')}]; it needs 'username' and 'password', 'token', or '.dockerconfigjson'`,
    },
  };
}

/** The basic credentials for `url`'s host in a `.dockerconfigjson` document. */
function fromDockerConfig(text: string, url: string, secret: string): CredentialsResult {
  const fail = (why: string): CredentialsResult => ({
    ok: false,
    failure: {
      kind: 'credentials',
      message: `Secret '${secret}' named by spec.auth.secretRef: .dockerconfigjson ${why}`,
    },
  });
  let auths: Record<string, { username?: string; password?: string; auth?: string }>;
  try {
    auths = (JSON.parse(text) as { auths?: typeof auths }).auths ?? {};
  } catch {
    return fail('is not JSON');
  }
  const host = new URL(url).host;
  // Keys are written as `host`, `host:port` or a URL (`https://host/v1/`), as docker login does.
  const entry = Object.entries(auths).find(([key]) => {
    try {
      return (key.includes('://') ? new URL(key).host : key.split('/')[0]) === host;
    } catch {
      return false;
    }
  })?.[1];
  if (!entry) return fail(`has no entry for ${host} under 'auths'`);
  let { username, password } = entry;
  if ((!username || password === undefined) && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  if (!username || password === undefined)
    return fail(`entry for ${host} has neither username/password nor auth`);
  return { ok: true, credentials: { type: 'basic', username, password } };
}
