/**
 * Runs the Pulumi program (stacks/index.ts) under mocks with a stack file of the repository, the
 * way `pulumi preview` would: config from Pulumi.<stack>.yaml plus the secrets a user would set.
 */
import { readFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { installMocks, stackFileConfig, type Recorder } from './pulumi-mocks.js';

export const PROJECT = 'suoke-modelops';

export interface StackRun {
  readonly recorder: Recorder;
  /** The program's exports, resolved. */
  readonly exports: Record<string, unknown>;
}

/** Reads `Pulumi.<stack>.yaml` from the repository root. */
export function stackFile(stack: string): Record<string, string> {
  const file = parse(readFileSync(new URL(`../../../Pulumi.${stack}.yaml`, import.meta.url), 'utf8')) as {
    config?: Record<string, unknown>;
  };
  return stackFileConfig(file.config ?? {});
}

/**
 * Runs the program with the settings of `Pulumi.<stack>.yaml`, the secrets a user would set, and
 * `overrides`: keys set on top of the stack file, as `pulumi config set` would (maps as JSON text).
 */
export async function runStack(
  stack: string,
  secrets: Record<string, string>,
  overrides: Record<string, string> = {},
): Promise<StackRun> {
  const secretConfig = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [`${PROJECT}:${k}`, v]));
  const overrideConfig = Object.fromEntries(
    Object.entries(overrides).map(([k, v]) => [`${PROJECT}:${k}`, v]),
  );
  const recorder = await installMocks({
    project: PROJECT,
    stack,
    config: { ...stackFile(stack), ...overrideConfig, ...secretConfig },
    secretKeys: Object.keys(secretConfig),
  });
  const program = (await import('../../../stacks/index.js')) as Record<string, unknown>;
  // Every registration has reached the (mock) engine once the SDK's RPC queue is empty.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  const exports: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(program)) {
    exports[name] = pulumi.Output.isInstance(value)
      ? await new Promise((resolve) => (value as pulumi.Output<unknown>).apply(resolve))
      : value;
  }
  return { recorder, exports };
}
