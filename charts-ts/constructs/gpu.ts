import type { IToleration } from 'kubernetes-models/v1';

/** Resource name the NVIDIA device plugin advertises for whole GPUs. */
export const NVIDIA_GPU_RESOURCE = 'nvidia.com/gpu';

/** Node label set by NVIDIA GPU feature discovery with the GPU model (e.g. `NVIDIA-A100-SXM4-80GB`). */
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

/** Options shared by every way of asking for a GPU. */
export interface GpuOptions {
  /**
   * GPU model the pods must land on; becomes a node selector on {@link GPU_PRODUCT_LABEL}.
   * @default - any GPU node
   */
  readonly product?: string;
  /**
   * Tolerations for the taints GPU nodes carry.
   * @default - one toleration `<resourceName>` Exists NoSchedule, the taint GPU node pools usually carry
   */
  readonly tolerations?: readonly IToleration[];
}

/** Options for a fraction of a GPU through a shared-GPU resource. */
export interface SharedGpuOptions extends GpuOptions {
  /**
   * Units one physical GPU is advertised as by the shared-GPU device plugin (time-slicing `replicas`, or how
   * many MIG slices of the profile fit one GPU). A pod asking for `count` GPUs gets `ceil(count × slicesPerGpu)`
   * units.
   * @default 2
   */
  readonly slicesPerGpu?: number;
}

/** The declarative shape of `AIModel.spec.resources.gpu`; see the static factories for the usual cases. */
export interface GpuSpec extends SharedGpuOptions {
  /** GPUs per replica; a fraction below 1 only with a shared-GPU resource. */
  readonly count: number;
  /**
   * Largest GPU count per replica (capacity planning; Kubernetes does not resize extended resources in place).
   * @default - count
   */
  readonly maxCount?: number;
  /**
   * Extended resource to request. A name ending in `.shared` (NVIDIA time-slicing, e.g. `nvidia.com/gpu.shared`)
   * or an explicit `slicesPerGpu` marks a shared GPU.
   * @default 'nvidia.com/gpu'
   */
  readonly resourceName?: string;
}

/**
 * GPUs for one pod: the container limit, the node selector and the tolerations that go with it.
 *
 * Kubernetes only schedules whole units of an extended resource, so a fraction of a GPU is expressed as
 * whole units of a shared-GPU resource that the device plugin advertises (time-slicing or MIG):
 * `Gpu.shared(0.5, 'nvidia.com/gpu.shared')` asks for ceil(0.5 × 2) = 1 unit when each GPU is split in 2;
 * `Gpu.shared(2, 'nvidia.com/gpu.shared')` asks for 4.
 */
export class Gpu {
  /** Whole NVIDIA GPUs per pod, e.g. `Gpu.nvidia(1)`. */
  public static nvidia(count: number, options: GpuOptions = {}): Gpu {
    return Gpu.of({ ...options, count, resourceName: NVIDIA_GPU_RESOURCE });
  }

  /** A fraction (or multiple) of a GPU through a shared-GPU resource, e.g. `Gpu.shared(0.5, 'nvidia.com/gpu.shared')`. */
  public static shared(count: number, resourceName: string, options: SharedGpuOptions = {}): Gpu {
    return Gpu.of({ ...options, count, resourceName, slicesPerGpu: options.slicesPerGpu ?? 2 });
  }

  /** From the declarative shape of `AIModel.spec.resources.gpu`. */
  public static of(spec: GpuSpec): Gpu {
    const { count } = spec;
    const resourceName = spec.resourceName ?? NVIDIA_GPU_RESOURCE;
    if (!Number.isFinite(count) || count <= 0) {
      throw new Error(`gpu.count (${count}) must be a number greater than 0; omit gpu to run on CPU only`);
    }
    const maxCount = spec.maxCount ?? count;
    if (!Number.isFinite(maxCount) || maxCount < count) {
      throw new Error(`gpu.maxCount (${maxCount}) must not be below gpu.count (${count})`);
    }
    const tolerations = spec.tolerations ?? [{ key: resourceName, operator: 'Exists', effect: 'NoSchedule' }];
    const shared = resourceName.endsWith('.shared') || spec.slicesPerGpu !== undefined;
    if (shared) {
      const slicesPerGpu = spec.slicesPerGpu ?? 2;
      if (!Number.isInteger(slicesPerGpu) || slicesPerGpu < 1) {
        throw new Error(`gpu.slicesPerGpu (${slicesPerGpu}) must be a whole number of at least 1`);
      }
      // Round away float noise first (0.3 × 10 = 3.0000000000000004 must ask for 3 units, not 4).
      const units = Math.max(1, Math.ceil(Number((count * slicesPerGpu).toFixed(9))));
      return new Gpu(resourceName, units, count, maxCount, spec.product, tolerations);
    }
    if (!Number.isInteger(count)) {
      throw new Error(
        `gpu.count (${count}) is a fraction of a GPU, but gpu.resourceName '${resourceName}' hands out whole GPUs: ` +
          `use a shared-GPU resource such as 'nvidia.com/gpu.shared' (time-slicing), or set gpu.slicesPerGpu for a ` +
          `MIG profile, e.g. Gpu.shared(${count}, 'nvidia.com/gpu.shared')`,
      );
    }
    return new Gpu(resourceName, count, count, maxCount, spec.product, tolerations);
  }

  private constructor(
    /** Extended resource the container asks for. */
    public readonly resourceName: string,
    /** Whole units of {@link resourceName} per pod (what goes in the container limit). */
    public readonly units: number,
    /** GPUs per pod as declared (0.5 for half a GPU). */
    public readonly count: number,
    /** Largest GPU count per pod the model may be given. */
    public readonly maxCount: number,
    /** GPU model the pods are pinned to, if any. */
    public readonly product: string | undefined,
    private readonly _tolerations: readonly IToleration[],
  ) {}

  /** Container limits (extended resources are limits only; the request defaults to the limit). */
  public limits(): Record<string, string> {
    return { [this.resourceName]: String(this.units) };
  }

  /** Node selector pinning pods to the GPU product; empty when any GPU will do. */
  public nodeSelector(): Record<string, string> {
    return this.product === undefined ? {} : { [GPU_PRODUCT_LABEL]: this.product };
  }

  /** Tolerations for the taints of GPU nodes (copies, so callers cannot change this value). */
  public tolerations(): IToleration[] {
    return this._tolerations.map((t) => ({ ...t }));
  }
}
