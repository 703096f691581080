/** Checks every stack test makes: install order, parents, secrets, and the policy pack. */
import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { policies } from '../../../stacks/policy/policies.js';
import { resourceViolations, stackViolations, type TestResource } from './policy-harness.js';
import { isSecretEnvelope, type Recorder, type Registration } from './pulumi-mocks.js';

export const CRD = 'kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition';
export const AIMODEL = 'kubernetes:ai.suoke.life/v1alpha1:AIModel';

/** Resources whose CRD the program declares, each with that CRD's registration. */
export function customResourcesWithCrds(recorder: Recorder): { cr: Registration; crd: Registration }[] {
  const crds = recorder.byType(CRD);
  const tokenOf = (crd: Registration) =>
    (crd.inputs.spec.versions as { name: string }[]).map(
      (v) => `kubernetes:${crd.inputs.spec.group}/${v.name}:${crd.inputs.spec.names.kind}`,
    );
  return recorder.registrations.flatMap((cr) => {
    const crd = crds.find((c) => tokenOf(c).includes(cr.type));
    return crd === undefined ? [] : [{ cr, crd }];
  });
}

/** Registrations of Kubernetes objects (not the component or providers). */
export function kubernetesObjects(recorder: Recorder): Registration[] {
  return recorder.registrations.filter(
    (r) => r.type.startsWith('kubernetes:') && !r.type.startsWith('pulumi:'),
  );
}

/** Every violation the policy pack reports against the stack's resources, as `<name>: <message>`. */
export async function policyPackViolations(recorder: Recorder): Promise<string[]> {
  const resources: TestResource[] = kubernetesObjects(recorder).map((r) => ({
    type: r.type,
    name: r.name,
    props: r.inputs,
  }));
  const out: string[] = [];
  for (const policy of policies) {
    if ('validateStack' in policy) {
      for (const v of await stackViolations(policy as StackValidationPolicy, resources)) {
        out.push(`${policy.name}: ${v.message}`);
      }
    } else {
      for (const resource of resources) {
        for (const message of await resourceViolations(policy as ResourceValidationPolicy, resource)) {
          out.push(`${policy.name} ${resource.name}: ${message}`);
        }
      }
    }
  }
  return out;
}

/** The wire inputs of every registration with secret envelopes blanked: what would be stored in clear. */
export function clearText(recorder: Recorder): string {
  const strip = (v: unknown): unknown =>
    isSecretEnvelope(v)
      ? '[secret]'
      : Array.isArray(v)
        ? v.map(strip)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]))
          : v;
  return JSON.stringify(recorder.registrations.map((r) => strip(r.wireInputs)));
}
