import type { ResourceValidationPolicy } from '@pulumi/policy';
import { allContainers, podSpecOf, type PodSpecLike } from './pod-spec.js';

/** Node label GPU feature discovery sets; selecting on it marks a pod as a GPU workload. */
const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

/** Extended resources that are GPUs: whole, time-sliced (`.shared`) or MIG slices, any vendor. */
export function isGpuResource(name: string): boolean {
  return /^(nvidia\.com\/(gpu(\.shared)?|mig-[\w.-]+)|amd\.com\/gpu|gpu\.intel\.com\/[\w.-]+)$/.test(name);
}

/**
 * Why: the scheduler only reserves an extended resource that is in `limits` (requests alone are
 * rejected or ignored), and GPU node pools are tainted so that ordinary pods stay off them: a GPU
 * pod without the toleration stays Pending forever.
 */
export const gpuWorkloads: ResourceValidationPolicy = {
  name: 'gpu-workloads-set-limits-and-tolerations',
  description: 'Pods that use GPUs set the GPU in container limits and tolerate the GPU node taint.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const spec = podSpecOf(args.type, args.props);
    if (spec === undefined) return;
    const gpuNames = new Set<string>();
    for (const { field, container } of allContainers(spec)) {
      const requests = Object.keys(container.resources?.requests ?? {}).filter(isGpuResource);
      const limits = Object.keys(container.resources?.limits ?? {}).filter(isGpuResource);
      for (const name of requests) {
        if (!limits.includes(name)) {
          reportViolation(
            `${field}: requests '${name}' without a limit; set resources.limits['${name}'] (GPUs are reserved by limits)`,
          );
        }
      }
      for (const name of [...requests, ...limits]) gpuNames.add(name);
    }
    const product = spec.nodeSelector?.[GPU_PRODUCT_LABEL];
    if (gpuNames.size === 0) {
      if (product !== undefined) {
        reportViolation(
          `pod selects GPU nodes (${GPU_PRODUCT_LABEL}=${product}) but no container sets a GPU limit such as nvidia.com/gpu`,
        );
      }
      return;
    }
    for (const name of gpuNames) {
      if (!toleratesGpuTaint(spec, name)) {
        reportViolation(
          `pod uses '${name}' but has no toleration for the GPU node taint; add tolerations: [{key: '${taintKeyOf(name)}', operator: Exists, effect: NoSchedule}]`,
        );
      }
    }
  },
};

/** GPU node pools taint with the vendor's resource name (`nvidia.com/gpu` also for its shared and MIG forms). */
function taintKeyOf(resourceName: string): string {
  return resourceName.startsWith('nvidia.com/') ? 'nvidia.com/gpu' : resourceName;
}

function toleratesGpuTaint(spec: PodSpecLike, resourceName: string): boolean {
  const key = taintKeyOf(resourceName);
  return (spec.tolerations ?? []).some(
    (t) =>
      (t.effect === undefined || t.effect === '' || t.effect === 'NoSchedule') &&
      // An empty key with operator Exists tolerates every taint.
      (t.key === undefined || t.key === ''
        ? t.operator === 'Exists'
        : t.key === key || t.key === resourceName),
  );
}
