import { ApiObject, JsonPatch } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-28';
import { Quantity } from 'cdk8s-plus-28/lib/imports/k8s.js';
import type { Gpu } from './gpu.js';

/*
 * What the pods need that cdk8s-plus's typed API cannot say, written onto the Deployment's object in two
 * phases, each the only one that gives the output we ship:
 * - JSON patches, which run before cdk8s-plus-28 maps the object through the Kubernetes 1.28 types, so the
 *   fields they add land in the same order as every other field;
 * - an edit of the final JSON, for fields newer than 1.28 (`lifecycle.preStop.sleep`) that the mapping drops.
 */

/** Requests and limits of one container, both always set, written verbatim as quantities. */
export interface PodContainerShape {
  readonly name: string;
  readonly requests: Record<string, string>;
  readonly limits: Record<string, string>;
  /** Seconds the container's preStop hook sleeps before it gets SIGTERM. */
  readonly stopSeconds: number;
}

/**
 * Shapes the pod template of `deployment`: our labels only, seccomp at pod level, each container's resources
 * and preStop sleep (in the order the containers were added), and the GPU's node selector and tolerations.
 */
export function shapePodTemplate(
  deployment: kplus.Deployment,
  containers: readonly PodContainerShape[],
  gpu: Gpu | undefined,
): void {
  const raw = ApiObject.of(deployment);
  // cdk8s-plus labels pod templates with its construct address; our pods carry only our labels.
  raw.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
  // Restricted PSS: seccomp at pod level too, so injected sidecars inherit it.
  raw.addJsonPatch(
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
  );
  // `sleep` hooks (Kubernetes 1.30+, GA in 1.34) need no shell or sleep binary in the images. Every
  // container's hook runs at once; each container gets SIGTERM when its own hook ends.
  const stopSeconds = new Map(containers.map((c) => [c.name, c.stopSeconds]));
  editRendered(raw, (json) => {
    for (const container of json.spec.template.spec.containers) {
      const seconds = stopSeconds.get(container.name);
      if (seconds !== undefined) container.lifecycle = { preStop: { sleep: { seconds } } };
    }
  });
  containers.forEach((container, index) => {
    // Written verbatim as quantities: cdk8s-plus's typed Cpu/Size would re-express '4Gi' as '4096Mi' and has
    // no extended resources (GPUs). The patch runs before cdk8s-plus maps the spec, hence Quantity.
    const toQuantities = (values: Record<string, string>) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Quantity.fromString(v)]));
    raw.addJsonPatch(
      JsonPatch.add(`/spec/template/spec/containers/${index}/resources`, {
        requests: toQuantities(container.requests),
        limits: toQuantities(container.limits),
      }),
    );
  });
  if (gpu !== undefined) {
    const nodeSelector = gpu.nodeSelector();
    if (Object.keys(nodeSelector).length > 0) {
      raw.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', nodeSelector));
    }
    raw.addJsonPatch(JsonPatch.add('/spec/template/spec/tolerations', gpu.tolerations()));
  }
}

/**
 * Edits an object's final JSON. cdk8s-plus-28 maps every object through the Kubernetes 1.28 types after JSON
 * patches run, which drops newer fields such as `lifecycle.preStop.sleep`; an edit here comes after that.
 */
function editRendered(object: ApiObject, edit: (json: any) => void): void {
  const toJson = object.toJson.bind(object);
  object.toJson = () => {
    const json = toJson();
    edit(json);
    return json;
  };
}
