/** The kinds the CLI reads and writes, and the API calls it makes, with errors mapped to exit codes. */
import type { AIModel, ModelVersion } from '../crds/index.js';
import { AIMODEL as AI_MODEL, MODEL_VERSION } from '../operators/kinds.js';
import { ApiError, isNotFound, type KubeClient } from '../operators/kit/client.js';
import { collectionPath, objectPath, type KubeList, type ResourceType } from '../operators/kit/resource.js';
import { ApiFailure } from './errors.js';

/** Field manager of every write the CLI makes, so `managedFields` show who applied what. */
export const CLI_FIELD_MANAGER = 'kubectl-model';

/** The kinds the CLI reads and writes, as the operator addresses them. */
export { AI_MODEL, MODEL_VERSION };

/** Turns an API error into an ApiFailure whose message names the object and what to do. */
export function apiFailure(what: string, error: unknown): ApiFailure {
  if (error instanceof ApiError) {
    const status = error.body as { message?: string } | undefined;
    const detail = status?.message ?? error.message;
    const hint =
      error.statusCode === 401 || error.statusCode === 403
        ? ' (check the kubeconfig credentials and RBAC: the CLI needs get/list/watch/patch on aimodels and modelversions)'
        : error.statusCode === 404 && /the server could not find the requested resource/i.test(detail)
          ? ' (are the ai.suoke.life CRDs installed?)'
          : '';
    return new ApiFailure(`${what}: ${detail}${hint}`, { cause: error });
  }
  return new ApiFailure(`${what}: ${(error as Error).message ?? String(error)}`, { cause: error });
}

export async function getModelVersion(
  client: KubeClient,
  namespace: string,
  name: string,
): Promise<ModelVersion> {
  try {
    return (await client.get(MODEL_VERSION, namespace, name)) as unknown as ModelVersion;
  } catch (error) {
    if (isNotFound(error)) {
      throw new ApiFailure(
        `ModelVersion '${name}' not found in namespace '${namespace}'; list them with 'kubectl get modelversions -n ${namespace}'`,
        { cause: error },
      );
    }
    throw apiFailure(`reading ModelVersion '${name}' in namespace '${namespace}'`, error);
  }
}

export async function getAIModel(client: KubeClient, namespace: string, name: string): Promise<AIModel> {
  try {
    return (await client.get(AI_MODEL, namespace, name)) as unknown as AIModel;
  } catch (error) {
    if (isNotFound(error)) {
      throw new ApiFailure(
        `AIModel '${name}' not found in namespace '${namespace}'; list them with 'kubectl model status -n ${namespace}'`,
        { cause: error },
      );
    }
    throw apiFailure(`reading AIModel '${name}' in namespace '${namespace}'`, error);
  }
}

export async function listAIModels(client: KubeClient, namespace: string): Promise<AIModel[]> {
  try {
    return ((await client.list(AI_MODEL, namespace)) as unknown as KubeList & { items: AIModel[] }).items;
  } catch (error) {
    throw apiFailure(`listing AIModels in namespace '${namespace}'`, error);
  }
}

/** The ModelVersions of one AIModel (by spec.modelRef.name), oldest first. */
export async function listVersionsOf(
  client: KubeClient,
  namespace: string,
  model: string,
): Promise<ModelVersion[]> {
  let items: ModelVersion[];
  try {
    items = ((await client.list(MODEL_VERSION, namespace)) as unknown as { items: ModelVersion[] }).items;
  } catch (error) {
    throw apiFailure(`listing ModelVersions in namespace '${namespace}'`, error);
  }
  return items
    .filter((v) => v.spec?.modelRef?.name === model)
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
}

/** Server-side apply with the CLI's field manager; `force` takes over fields others own, as kubectl does not by default. */
export async function applyObject(
  client: KubeClient,
  rt: ResourceType,
  namespace: string,
  object: Record<string, unknown> & { metadata: { name?: string } },
): Promise<ModelVersion> {
  return client.request<ModelVersion>('PATCH', objectPath(rt, namespace, object.metadata.name ?? ''), {
    body: object,
    contentType: 'application/apply-patch+yaml',
    query: { fieldManager: CLI_FIELD_MANAGER, force: false },
  });
}

/** JSON merge patch with the CLI's field manager. */
export async function mergePatch<T>(
  client: KubeClient,
  rt: ResourceType,
  namespace: string,
  name: string,
  patch: unknown,
): Promise<T> {
  return client.request<T>('PATCH', objectPath(rt, namespace, name), {
    body: patch,
    contentType: 'application/merge-patch+json',
    query: { fieldManager: CLI_FIELD_MANAGER },
  });
}

export { collectionPath };
