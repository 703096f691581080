/**
 * Pod and container security contexts that satisfy the Kubernetes "restricted" Pod Security Standard,
 * for the platform's own workloads (operator, Redis).
 */

/** Pod-level context: non-root with a fixed UID/GID, RuntimeDefault seccomp, group-owned volumes. */
export function restrictedPodSecurityContext(uid: number): Record<string, unknown> {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    // Volumes (Redis data) become writable by the container's group without running as root.
    fsGroup: uid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container-level context: read-only root, no privilege escalation, every capability dropped. */
export function restrictedContainerSecurityContext(): Record<string, unknown> {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
