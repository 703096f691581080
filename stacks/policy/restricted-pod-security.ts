import type { ResourceValidationPolicy } from '@pulumi/policy';
import { allContainers, podSpecOf, type PodSpecLike } from './pod-spec.js';

/** Volume types the "restricted" Pod Security Standard allows. */
const ALLOWED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/**
 * The Kubernetes "restricted" Pod Security Standard, checked before anything reaches the cluster so
 * that a namespace labelled `pod-security.kubernetes.io/enforce: restricted` never rejects a pod at
 * rollout time. Why: agent pods handle health data; a container escape must not reach the node.
 */
export const restrictedPodSecurity: ResourceValidationPolicy = {
  name: 'restricted-pod-security',
  description: 'Pods meet the Kubernetes "restricted" Pod Security Standard.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const spec = podSpecOf(args.type, args.props);
    if (spec === undefined) return;
    for (const message of restrictedViolations(spec)) reportViolation(message);
  },
};

/** Every way `spec` breaks the restricted standard, each naming the field and the fix. */
export function restrictedViolations(spec: PodSpecLike): string[] {
  const out: string[] = [];
  const pod = spec.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[field] === true) out.push(`spec.${field} is true; remove it (pods share no host namespaces)`);
  }
  for (const volume of spec.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== 'name');
    for (const type of types) {
      if (!ALLOWED_VOLUME_TYPES.has(type)) {
        out.push(
          `volume '${String(volume.name)}' is of type ${type}; use one of ${[...ALLOWED_VOLUME_TYPES].join(', ')}`,
        );
      }
    }
  }
  if (pod.runAsUser === 0) out.push('spec.securityContext.runAsUser is 0; run as a non-root UID');
  const podSeccomp = pod.seccompProfile?.type;
  if (podSeccomp !== undefined && podSeccomp !== 'RuntimeDefault' && podSeccomp !== 'Localhost') {
    out.push(`spec.securityContext.seccompProfile.type is ${podSeccomp}; use RuntimeDefault`);
  }
  for (const { field, container } of allContainers(spec)) {
    const sc = container.securityContext ?? {};
    if (sc.privileged === true) out.push(`${field}: securityContext.privileged is true; remove it`);
    if (sc.allowPrivilegeEscalation !== false) {
      out.push(`${field}: securityContext.allowPrivilegeEscalation must be false`);
    }
    if (sc.runAsNonRoot === false || (sc.runAsNonRoot === undefined && pod.runAsNonRoot !== true)) {
      out.push(`${field}: runAsNonRoot must be true (in the container's or the pod's securityContext)`);
    }
    if (sc.runAsUser === 0) out.push(`${field}: securityContext.runAsUser is 0; run as a non-root UID`);
    const seccomp = sc.seccompProfile?.type ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      out.push(
        `${field}: seccompProfile.type must be RuntimeDefault or Localhost (container or pod), got ${seccomp ?? 'none'}`,
      );
    }
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) {
      out.push(`${field}: securityContext.capabilities.drop must include ALL`);
    }
    const added = (sc.capabilities?.add ?? []).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0)
      out.push(`${field}: capabilities.add may only hold NET_BIND_SERVICE, got ${added.join(', ')}`);
    for (const port of container.ports ?? []) {
      if (port.hostPort !== undefined && port.hostPort !== 0) {
        out.push(`${field}: hostPort ${port.hostPort} is not allowed; expose the port through a Service`);
      }
    }
  }
  return out;
}
