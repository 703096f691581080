/**
 * How a router writes a routing object back: a server-side apply, with the operator's field manager,
 * of the whole object as read with only its spec changed. The routing lists (Istio's `http` and
 * `subsets`, Gateway API's `rules`) are atomic in their CRDs, so an apply must carry the whole list;
 * and because the same field manager applies the rendered object, the apply carries every field that
 * manager owns (labels, owner references, the rest of the spec) unchanged, since leaving one out would
 * delete it. The resourceVersion read guards the write: a concurrent writer makes it fail with 409
 * instead of being overwritten.
 */
import { applyConfiguration } from '../kit/apply.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';

/**
 * Applies `live` back with a new spec: every field the operator owns is kept, the read version
 * guards it, and the applied-fields digest is made true to what is sent, so the AIModel
 * controller's next render of the same routes is recognised as already applied.
 * @throws Error naming the object when the apply fails (409 when `live` is no longer current)
 */
export async function applyBack(
  client: ClusterClient,
  rt: ResourceType,
  live: KubeObject,
  spec: object,
): Promise<void> {
  const { name, namespace, labels, annotations, ownerReferences, resourceVersion } = live.metadata;
  const config = applyConfiguration(rt, {
    apiVersion: `${rt.group}/${rt.version}`,
    kind: rt.kind,
    metadata: {
      name,
      namespace,
      ...(labels === undefined ? {} : { labels }),
      ...(annotations === undefined ? {} : { annotations: withoutLastApplied(annotations) }),
      ...(ownerReferences === undefined ? {} : { ownerReferences }),
    },
    spec,
  });
  const body = { ...config, metadata: { ...config.metadata, resourceVersion } };
  try {
    await client.patch(rt, namespace, name ?? '', body, 'apply', { force: true });
  } catch (error) {
    throw new Error(
      `${rt.kind} ${namespace}/${name}: server-side apply failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** kubectl's client-side apply record is not ours to re-send. */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _last, ...rest } = annotations;
  return rest;
}
