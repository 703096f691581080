/** `kubectl model apply`: local validation before any write, server-side apply, and --wait. */
import { afterEach, beforeEach, describe, expect, test, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliWorld, NAMESPACE, REPO_ROOT } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeEach(async () => {
  world = await CliWorld.start();
  await world.createModel();
  world.api.resetCounters();
});
afterEach(async () => {
  await world.stop();
});

const MV = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelVersion' };

describe('kubectl model apply', () => {
  test('refuses an invalid ModelVersion with the field named, exit 3, without touching the API', async () => {
    const file = join(REPO_ROOT, 'examples/invalid/modelversion-bad-version.yaml');
    const apply = await world.run(['apply', '-f', file]);
    expect(apply.code).toBe(3);
    expect(apply.stderr.join('\n')).toContain(
      `${file}: ModelVersion "broken-v2" is invalid: spec.version: Invalid value: "V2_beta": spec.version in body should match`,
    );
    expect(apply.stderr.join('\n')).toContain('nothing was applied');
    expect(world.api.requests).toEqual([]);
  });

  test('checks every document of a file and applies none when one is bad', async () => {
    const good = readFileSync(join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'), 'utf8');
    const file = world.writeFile(
      'two.yaml',
      `${good}\n---\napiVersion: ai.suoke.life/v1alpha1\nkind: ModelVersion\nmetadata:\n  name: xiaoai-v3\nspec:\n  modelRef: {name: xiaoai}\n  version: v3\n  artifact: {uri: 'ftp://nowhere/model'}\n`,
    );
    const apply = await world.run(['apply', '-f', file]);
    expect(apply.code).toBe(3);
    expect(apply.stderr.join('\n')).toMatch(
      /two\.yaml#2: ModelVersion "xiaoai-v3" is invalid: spec\.artifact\.uri: Invalid value: "ftp:\/\/nowhere\/model"/,
    );
    expect(world.api.writes).toBe(0);
    expect(world.api.list(MV, NAMESPACE)).toEqual([]);
  });

  test('refuses other kinds and points at kubectl apply', async () => {
    const apply = await world.run(['apply', '-f', join(REPO_ROOT, 'examples/aimodels/xiaoai.yaml')]);
    expect(apply.code).toBe(3);
    expect(apply.stderr.join('\n')).toContain(
      "kind is 'AIModel', but 'kubectl model apply' applies ModelVersions only",
    );
    expect(world.api.requests).toEqual([]);
  });

  test('server-side applies with field manager kubectl-model into the namespace of the context', async () => {
    const apply = await world.run([
      'apply',
      '-f',
      join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'),
    ]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toEqual(['modelversion.ai.suoke.life/xiaoai-v2 serverside-applied']);
    const stored = world.api.get(MV, NAMESPACE, 'xiaoai-v2');
    expect((stored?.['spec'] as { version: string }).version).toBe('v2');
    const managers = (stored?.metadata.managedFields as { manager: string; operation: string }[]).map((m) => [
      m.manager,
      m.operation,
    ]);
    expect(managers).toEqual([['kubectl-model', 'Apply']]);
    const request = world.api.requests.find((r) => r.verb === 'apply');
    expect(request?.fieldManager).toBe('kubectl-model');

    // Applying the same file again changes nothing.
    world.api.resetCounters();
    const again = await world.run([
      'apply',
      '-f',
      join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'),
    ]);
    expect(again.code).toBe(0);
    expect(world.api.writes).toBe(0);
  });

  test('refuses a namespace in the file that contradicts -n', async () => {
    const file = world.writeFile(
      'ns.yaml',
      readFileSync(join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'), 'utf8').replace(
        'name: xiaoai-v2\n',
        'name: xiaoai-v2\n  namespace: prod\n',
      ),
    );
    const apply = await world.run(['apply', '-f', file, '-n', NAMESPACE]);
    expect(apply.code).toBe(3);
    expect(apply.stderr.join('\n')).toContain("metadata.namespace is 'prod' but --namespace is 'agents'");
    expect(world.api.writes).toBe(0);
  });

  test('--wait follows the applied version and exits 0 once it is promoted', async () => {
    const apply = world.cli([
      'apply',
      '-f',
      join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'),
      '--wait',
    ]);
    await apply.line(/serverside-applied/);
    await apply.line(/xiaoai-v2 Pending/);
    await world.setStatus('xiaoai-v2', { phase: 'Promoted', canaryWeight: 100, message: 'first version' });
    expect(await apply.exited).toBe(0);
    expect(apply.stdout.at(-1)).toBe('ModelVersion xiaoai-v2 promoted: first version');
  });

  test('-o json prints the applied object', async () => {
    const apply = await world.run([
      'apply',
      '-f',
      join(REPO_ROOT, 'examples/modelversions/xiaoai-v2-canary.yaml'),
      '-o',
      'json',
    ]);
    expect(apply.code).toBe(0);
    const object = JSON.parse(apply.stdout.join('\n')) as {
      kind: string;
      metadata: { name: string; namespace: string };
    };
    expect(object).toMatchObject({
      kind: 'ModelVersion',
      metadata: { name: 'xiaoai-v2', namespace: NAMESPACE },
    });
  });
});
