/**
 * Registry credentials come only from the Secret named by `spec.auth.secretRef`, in the registry's
 * namespace, read with one `get` (the operator may not list Secrets). Keys:
 * - `token`: sent as `Authorization: Bearer <token>` (OCI: used as the registry token; MLflow:
 *   MLFLOW_TRACKING_TOKEN; http: any bearer token);
 * - `username` and `password`: basic auth (OCI: also used to obtain tokens from the registry's token
 *   service when it answers with a Bearer challenge).
 * `token` wins when both are present. Values are never logged nor written to status.
 */
import { isNotFound, type KubeClient } from '../kit/client.js';
import type { KubeObject } from '../kit/resource.js';
import type { Credentials, RegistryFailure } from './registry-client.js';
import { SECRET, type ModelRegistryObject } from './resources.js';

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
  const keys = Object.keys(secret.data ?? {}).sort();
  return {
    ok: false,
    failure: {
      kind: 'credentials',
      message: `Secret '${namespace}/${ref}' named by spec.auth.secretRef has keys [${keys.join(', ')}]; it needs 'username' and 'password', or 'token'`,
    },
  };
}
