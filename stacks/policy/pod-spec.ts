/**
 * Finds the pod template inside any Kubernetes workload resource, so each policy checks pods once
 * whatever kind runs them.
 */

/** The parts of a PodSpec the policies read; everything is optional because input is untrusted. */
export interface PodSpecLike {
  readonly containers?: readonly ContainerLike[];
  readonly initContainers?: readonly ContainerLike[];
  readonly ephemeralContainers?: readonly ContainerLike[];
  readonly securityContext?: SecurityContextLike & { readonly [key: string]: unknown };
  readonly tolerations?: readonly {
    readonly key?: string;
    readonly operator?: string;
    readonly effect?: string;
  }[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly volumes?: readonly Readonly<Record<string, unknown>>[];
}

export interface SecurityContextLike {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly seccompProfile?: { readonly type?: string };
}

export interface ContainerLike {
  readonly name?: string;
  readonly image?: string;
  readonly securityContext?: SecurityContextLike;
  readonly resources?: {
    readonly requests?: Readonly<Record<string, unknown>>;
    readonly limits?: Readonly<Record<string, unknown>>;
  };
  readonly ports?: readonly { readonly hostPort?: number }[];
}

/** Pulumi type token → path from the resource's props to its PodSpec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes:core/v1:Pod': ['spec'],
  'kubernetes:apps/v1:Deployment': ['spec', 'template', 'spec'],
  'kubernetes:apps/v1:StatefulSet': ['spec', 'template', 'spec'],
  'kubernetes:apps/v1:DaemonSet': ['spec', 'template', 'spec'],
  'kubernetes:apps/v1:ReplicaSet': ['spec', 'template', 'spec'],
  'kubernetes:core/v1:ReplicationController': ['spec', 'template', 'spec'],
  'kubernetes:batch/v1:Job': ['spec', 'template', 'spec'],
  'kubernetes:batch/v1:CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The PodSpec of a workload resource, or undefined for any other resource. */
export function podSpecOf(type: string, props: Record<string, unknown>): PodSpecLike | undefined {
  const path = POD_SPEC_PATHS[type];
  if (path === undefined) return undefined;
  let node: unknown = props;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node !== null && typeof node === 'object' ? (node as PodSpecLike) : undefined;
}

/** Every container of the pod, init and ephemeral ones included, with the list it came from. */
export function allContainers(
  spec: PodSpecLike,
): { readonly field: string; readonly container: ContainerLike }[] {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
    (spec[field] ?? []).map((container, i) => ({
      field: `${field}[${i}] (${container.name ?? 'unnamed'})`,
      container,
    })),
  );
}

/** `metadata.namespace/metadata.name` of a resource, for messages. */
export function objectRef(props: Record<string, unknown>): string {
  const metadata = (props.metadata ?? {}) as { name?: string; namespace?: string };
  return `${metadata.namespace ?? 'default'}/${metadata.name ?? '(generated name)'}`;
}
