/**
 * Pulumi's own mock monitor, with every registration recorded as the engine would receive it:
 * type, name, parent, the URNs it depends on, and the serialized inputs (in which a secret is the
 * engine's secret envelope, so a test can see exactly what would reach the state unencrypted).
 *
 * Call {@link installMocks} before importing any module that declares resources.
 */
import * as pulumi from '@pulumi/pulumi';

/** Marker Pulumi's wire format puts on a secret value. */
const SECRET_SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

export interface Registration {
  readonly type: string;
  readonly name: string;
  /** URN of the parent; '' for none. */
  readonly parent: string;
  /** URNs this resource waits for (explicit dependsOn and the inputs' own resources). */
  readonly dependencies: readonly string[];
  /** Inputs as serialized for the engine; secrets appear as envelopes, see {@link isSecretEnvelope}. */
  readonly wireInputs: Record<string, unknown>;
  /** Inputs with secrets unwrapped, for asserting on content. */
  readonly inputs: Record<string, any>;
  readonly urn: string;
}

export interface Recorder {
  readonly registrations: Registration[];
  /** The registration of `<type>::<name>`; throws listing what exists when absent. */
  get(type: string, name: string): Registration;
  byType(type: string): Registration[];
}

export function isSecretEnvelope(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

function unwrapSecrets(value: unknown): any {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== 'object') return value;
  if (isSecretEnvelope(value)) return unwrapSecrets((value as { value: unknown }).value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

export interface MockOptions {
  readonly project: string;
  readonly stack: string;
  /** Stack config as `pulumi config` stores it: `<project>:<key>` → string (maps as JSON). */
  readonly config: Record<string, string>;
  /** Keys of `config` set with --secret. */
  readonly secretKeys?: readonly string[];
  /** Run as `pulumi preview` (true) or `pulumi up`. @default true */
  readonly preview?: boolean;
}

export async function installMocks(options: MockOptions): Promise<Recorder> {
  pulumi.runtime.setAllConfig(options.config, [...(options.secretKeys ?? [])]);
  await pulumi.runtime.setMocks(
    {
      // Echo inputs as outputs, the way a create would return them.
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    options.project,
    options.stack,
    options.preview ?? true,
  );
  const registrations: Registration[] = [];
  const monitor = pulumi.runtime.getMonitor() as any;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: any, callback: (err: unknown, res: any) => void) =>
    register(req, (err: unknown, res: any) => {
      if (!err) {
        const wireInputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
        registrations.push({
          type: req.getType(),
          name: req.getName(),
          parent: req.getParent(),
          dependencies: req.getDependenciesList(),
          wireInputs,
          inputs: unwrapSecrets(wireInputs),
          urn: res.getUrn(),
        });
      }
      callback(err, res);
    });
  return {
    registrations,
    get(type, name) {
      const found = registrations.find((r) => r.type === type && r.name === name);
      if (found === undefined) {
        throw new Error(
          `no ${type}::${name}; registered: ${registrations.map((r) => `${r.type}::${r.name}`).join(', ')}`,
        );
      }
      return found;
    },
    byType: (type) => registrations.filter((r) => r.type === type),
  };
}

/** Resolves once every output has a value, i.e. once each resource's registration has completed. */
export function settled(outputs: readonly pulumi.Input<unknown>[]): Promise<void> {
  return new Promise((resolve) => {
    pulumi.all([...outputs]).apply(() => resolve());
  });
}

/** Reads a stack file's `config:` map into the form {@link installMocks} takes (maps become JSON). */
export function stackFileConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}
