import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../charts-ts/render.js';
import { synthesize } from '../../charts-ts/synth.js';
import { renderedCases } from './rendered.js';

/** Pod templates of every workload kind, with where they came from. */
function podTemplates(objects: readonly KubeObject[]): Array<{ where: string; spec: any }> {
  const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet'];
  return objects
    .filter((o) => kinds.includes(o.kind))
    .map((o) => ({ where: `${o.kind}/${o.metadata.name}`, spec: (o as any).spec.template.spec }));
}

/** Violations of our workload policy in one object set; an empty list means compliant. */
function violations(objects: readonly KubeObject[]): string[] {
  const out: string[] = [];
  for (const { where, spec } of podTemplates(objects)) {
    const pod = spec.securityContext ?? {};
    if (spec.hostNetwork === true || spec.hostPID === true || spec.hostIPC === true)
      out.push(`${where}: host namespaces`);
    if (spec.automountServiceAccountToken !== false && !where.includes('operator')) {
      out.push(`${where}: automountServiceAccountToken is not false`);
    }
    for (const volume of spec.volumes ?? []) {
      if (volume.hostPath !== undefined) out.push(`${where}: hostPath volume ${volume.name}`);
    }
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    for (const c of containers) {
      const at = `${where} container ${c.name}`;
      const sc = c.securityContext ?? {};
      if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) out.push(`${at}: runAsNonRoot`);
      if ((sc.runAsUser ?? pod.runAsUser) === 0) out.push(`${at}: runs as uid 0`);
      if (sc.readOnlyRootFilesystem !== true) out.push(`${at}: readOnlyRootFilesystem`);
      if (sc.allowPrivilegeEscalation !== false) out.push(`${at}: allowPrivilegeEscalation`);
      if (sc.privileged === true) out.push(`${at}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push(`${at}: does not drop ALL capabilities`);
      if ((sc.capabilities?.add ?? []).some((cap: string) => cap !== 'NET_BIND_SERVICE'))
        out.push(`${at}: adds capabilities`);
      if ((sc.seccompProfile?.type ?? pod.seccompProfile?.type) !== 'RuntimeDefault')
        out.push(`${at}: seccomp`);
      for (const kind of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory']) {
          if (c.resources?.[kind]?.[resource] === undefined) out.push(`${at}: no ${kind}.${resource}`);
        }
      }
      const image: string = c.image ?? '';
      if (image.endsWith(':latest') || !/(:[^/]+|@sha256:[a-f0-9]{64})$/.test(image))
        out.push(`${at}: unpinned image ${image}`);
      if ((c.ports ?? []).length > 0 && (c.readinessProbe === undefined || c.livenessProbe === undefined)) {
        out.push(`${at}: serves a port without readiness and liveness probes`);
      }
    }
  }
  for (const deployment of objects.filter((o) => o.kind === 'Deployment') as any[]) {
    const hpa = objects.find(
      (o: any) =>
        o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === deployment.metadata.name,
    ) as any;
    const most = Math.max(deployment.spec.replicas ?? 1, hpa?.spec.maxReplicas ?? 0);
    if (most <= 1) continue;
    const labels = deployment.spec.template.metadata.labels;
    const pdb = objects.find(
      (o: any) =>
        o.kind === 'PodDisruptionBudget' &&
        Object.entries(o.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
    );
    if (pdb === undefined)
      out.push(`Deployment/${deployment.metadata.name}: up to ${most} replicas and no PDB`);
  }
  return out;
}

describe('policy over every rendered workload', () => {
  it.each(renderedCases().map((c) => [c.name, c.objects] as const))('render(): %s', (_name, objects) => {
    expect(podTemplates(objects).length).toBeGreaterThan(0);
    expect(violations(objects)).toEqual([]);
  });

  it('every synthesized manifest in dist/ complies', () => {
    let workloads = 0;
    for (const [file, content] of synthesize()) {
      const objects = parseAllDocuments(content).map((d) => d.toJS() as KubeObject);
      workloads += podTemplates(objects).length;
      expect({ file, violations: violations(objects) }).toEqual({ file, violations: [] });
    }
    expect(workloads).toBeGreaterThan(0);
  });

  it('the policy catches each kind of violation (it can fail)', () => {
    const [first] = renderedCases();
    const base = first?.objects ?? [];
    const broken = (mutate: (d: any, all: KubeObject[]) => void): string[] => {
      const copy = structuredClone(base) as KubeObject[];
      mutate(
        copy.find((o) => o.kind === 'Deployment'),
        copy,
      );
      return violations(copy);
    };
    const container = (d: any) => d.spec.template.spec.containers[0];
    expect(broken((d) => (container(d).securityContext.runAsNonRoot = false))).toContainEqual(
      expect.stringContaining('runAsNonRoot'),
    );
    expect(broken((d) => (container(d).securityContext.readOnlyRootFilesystem = false))).toContainEqual(
      expect.stringContaining('readOnlyRootFilesystem'),
    );
    expect(broken((d) => (container(d).securityContext.allowPrivilegeEscalation = true))).toContainEqual(
      expect.stringContaining('allowPrivilegeEscalation'),
    );
    expect(broken((d) => (container(d).securityContext.capabilities.drop = []))).toContainEqual(
      expect.stringContaining('ALL'),
    );
    expect(
      broken((d) => {
        delete container(d).securityContext.seccompProfile;
        delete d.spec.template.spec.securityContext.seccompProfile;
      }),
    ).toContainEqual(expect.stringContaining('seccomp'));
    expect(broken((d) => delete container(d).resources.limits.memory)).toContainEqual(
      expect.stringContaining('limits.memory'),
    );
    expect(broken((d) => (container(d).image = 'ghcr.io/suoke-life/agent-runtime:latest'))).toContainEqual(
      expect.stringContaining('unpinned'),
    );
    expect(broken((d) => (container(d).image = 'ghcr.io/suoke-life/agent-runtime'))).toContainEqual(
      expect.stringContaining('unpinned'),
    );
    expect(broken((d) => delete container(d).readinessProbe)).toContainEqual(
      expect.stringContaining('probes'),
    );
    expect(
      broken((_d, all) =>
        all.splice(
          all.findIndex((o) => o.kind === 'PodDisruptionBudget'),
          1,
        ),
      ),
    ).toContainEqual(expect.stringContaining('no PDB'));
  });
});
