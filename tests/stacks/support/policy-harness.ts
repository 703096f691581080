/**
 * Runs CrossGuard policies the way the Pulumi engine does, without the engine: builds the
 * validation arguments for a resource (or a whole stack) and collects reported violations.
 */
import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';

export interface TestResource {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, any>;
}

function urnOf(r: TestResource): string {
  return `urn:pulumi:test::suoke-modelops::${r.type}::${r.name}`;
}

function notApplicable(reason?: string): never {
  throw new Error(`policy declared itself not applicable: ${reason ?? ''}`);
}

/** Violations `policy` reports for one resource. */
export async function resourceViolations(
  policy: ResourceValidationPolicy,
  resource: TestResource,
): Promise<string[]> {
  const violations: string[] = [];
  const args = {
    type: resource.type,
    props: resource.props,
    urn: urnOf(resource),
    name: resource.name,
    opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
    stackTags: new Map<string, string>(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => ({}),
    notApplicable,
  } as unknown as ResourceValidationArgs;
  const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
  for (const validate of validations) await validate(args, (message) => violations.push(message));
  return violations;
}

/** Violations `policy` reports for a stack made of `resources`, with the URN each names. */
export async function stackViolations(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
): Promise<{ message: string; urn?: string }[]> {
  const violations: { message: string; urn?: string }[] = [];
  const policyResources = resources.map(
    (r) =>
      ({
        type: r.type,
        props: r.props,
        urn: urnOf(r),
        name: r.name,
        opts: {},
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
      }) as unknown as PolicyResource,
  );
  const args = {
    resources: policyResources,
    stackTags: new Map<string, string>(),
    getConfig: () => ({}),
    notApplicable,
  } as unknown as StackValidationArgs;
  await policy.validateStack(args, (message, urn) => violations.push({ message, urn }));
  return violations;
}

export { urnOf };
