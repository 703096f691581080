import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import {
  AIModelStatusSchema,
  ModelRegistryStatusSchema,
  ModelVersionStatusSchema,
  ROLLOUT_STAGES,
} from '../../crds/api/index.js';
import { runHealthLua, toLuaLiteral } from './support/argocd-lua.js';

const healthRoot = join(process.cwd(), 'argocd', 'health');
const validStatuses = new Set(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']);

const statusSchemas = {
  AIModel: AIModelStatusSchema,
  ModelVersion: ModelVersionStatusSchema,
  ModelRegistry: ModelRegistryStatusSchema,
};

interface HealthTestFile {
  tests: { healthStatus: { status: string; message: string }; inputPath: string }[];
}

function customizations(): string[] {
  return readdirSync(healthRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function loadTests(dir: string): HealthTestFile {
  return parse(readFileSync(join(healthRoot, dir, 'health_test.yaml'), 'utf8')) as HealthTestFile;
}

describe('Argo CD health checks (argocd/health, run with the real lua5.1)', () => {
  it('ships one customization per kind of ours, named <group>_<Kind>', () => {
    expect(customizations()).toEqual([
      'ai.suoke.life_AIModel',
      'ai.suoke.life_ModelRegistry',
      'ai.suoke.life_ModelVersion',
    ]);
  });

  describe.each(customizations())('%s', (dir) => {
    const script = readFileSync(join(healthRoot, dir, 'health.lua'), 'utf8');
    const { tests } = loadTests(dir);
    const kind = dir.split('_')[1];

    it.each(tests.map((t) => [t.inputPath, t.healthStatus] as const))(
      '%s → expected status and message',
      async (inputPath, expected) => {
        const obj = parse(readFileSync(join(healthRoot, dir, inputPath), 'utf8')) as { kind: string };
        expect(obj.kind).toBe(kind);
        expect(validStatuses.has(expected.status)).toBe(true);
        await expect(runHealthLua(script, obj)).resolves.toEqual({
          status: expected.status,
          message: expected.message,
        });
      },
    );

    it('covers an object with no status yet, and Healthy, Progressing and Degraded', () => {
      const statuses = new Set(tests.map((t) => t.healthStatus.status));
      for (const status of ['Healthy', 'Progressing', 'Degraded']) expect(statuses).toContain(status);
      const noStatus = tests.filter((t) => {
        const obj = parse(readFileSync(join(healthRoot, dir, t.inputPath), 'utf8')) as { status?: unknown };
        return obj.status === undefined;
      });
      expect(noStatus.length).toBeGreaterThan(0);
    });

    it('feeds each script statuses that the API schema accepts', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      (addFormats as unknown as (a: Ajv) => void)(ajv);
      const validate = ajv.compile(statusSchemas[kind as keyof typeof statusSchemas]);
      let checked = 0;
      for (const t of tests) {
        const obj = parse(readFileSync(join(healthRoot, dir, t.inputPath), 'utf8')) as { status?: unknown };
        if (obj.status === undefined) continue;
        // Unknown phases are outside the schema on purpose: they check the script's fallback.
        if (t.healthStatus.status === 'Unknown') continue;
        expect({ inputPath: t.inputPath, errors: validate(obj.status) ? null : validate.errors }).toEqual({
          inputPath: t.inputPath,
          errors: null,
        });
        checked += 1;
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('has no test data that no case uses', () => {
      const used = new Set(tests.map((t) => t.inputPath));
      const files = readdirSync(join(healthRoot, dir, 'testdata')).map((f) => `testdata/${f}`);
      expect(files.filter((f) => !used.has(f))).toEqual([]);
    });
  });

  it('maps a paused ModelVersion to Suspended and a rolled-back one to Degraded', async () => {
    const script = readFileSync(join(healthRoot, 'ai.suoke.life_ModelVersion', 'health.lua'), 'utf8');
    const mv = (phase: string) => ({
      metadata: { name: 'v', generation: 1 },
      status: { observedGeneration: 1, phase },
    });
    await expect(runHealthLua(script, mv('Paused'))).resolves.toMatchObject({ status: 'Suspended' });
    await expect(runHealthLua(script, mv('RolledBack'))).resolves.toMatchObject({ status: 'Degraded' });
  });

  it('maps a ModelVersion paused on a route the gateway refuses to Degraded with the message; a person’s pause stays Suspended', async () => {
    const script = readFileSync(join(healthRoot, 'ai.suoke.life_ModelVersion', 'health.lua'), 'utf8');
    const message =
      'HTTPRoute ns/soer: Gateway infra/public does not accept the route: NotAllowedByListeners';
    const mv = (pauseReason: string) => ({
      metadata: { name: 'v', generation: 1 },
      status: { observedGeneration: 1, phase: 'Paused', pauseReason, message },
    });
    await expect(runHealthLua(script, mv('RouteNotAccepted'))).resolves.toEqual({
      status: 'Degraded',
      message: `Paused (RouteNotAccepted): the gateway does not accept the route: ${message}`,
    });
    for (const reason of ['Requested', 'ManualGate']) {
      await expect(runHealthLua(script, mv(reason))).resolves.toEqual({
        status: 'Suspended',
        message: `Paused (${reason}): ${message}`,
      });
    }
  });

  it('names every rollout stage while Progressing, is Suspended at the manual gate and Degraded when the strategy cannot run', async () => {
    const script = readFileSync(join(healthRoot, 'ai.suoke.life_ModelVersion', 'health.lua'), 'utf8');
    const mv = (status: Record<string, unknown>) => ({
      metadata: { name: 'v', generation: 1 },
      status: { observedGeneration: 1, ...status },
    });
    for (const stage of ROLLOUT_STAGES) {
      const health = await runHealthLua(script, mv({ phase: 'Progressing', stage, canaryWeight: 0 }));
      expect({ stage, status: health.status, named: health.message?.startsWith(stage) }).toEqual({
        stage,
        status: 'Progressing',
        named: true,
      });
      await expect(
        runHealthLua(script, mv({ phase: 'Paused', pauseReason: 'ManualGate', stage })),
      ).resolves.toMatchObject({
        status: 'Suspended',
        message: expect.stringMatching(/^Paused \(ManualGate\)/),
      });
    }
    const pending = (reason: string, status = 'False') =>
      mv({ phase: 'Pending', conditions: [{ type: 'Progressing', status, reason, message: 'm' }] });
    await expect(runHealthLua(script, pending('StrategyUnsupported'))).resolves.toMatchObject({
      status: 'Degraded',
    });
    // Waiting for something that will come (the AIModel, the running canary) is progress.
    await expect(runHealthLua(script, pending('WaitingForModel'))).resolves.toMatchObject({
      status: 'Progressing',
    });
  });
});

describe('the lua5.1 harness is as strict as Argo CD', () => {
  it('refuses the string library, which argocd-cm customizations do not get', async () => {
    await expect(runHealthLua('return { status = string.format("%s", "Healthy") }', {})).rejects.toThrow(
      /string/,
    );
    await expect(runHealthLua('local s = "x"; return { status = s:upper() }', {})).rejects.toThrow(
      /health.lua/,
    );
  });

  it('rejects a script that returns no table', async () => {
    await expect(runHealthLua('return "Healthy"', {})).rejects.toThrow(/expect table output/);
  });

  it('hands the object over as Argo CD decodes it (arrays from 1, null as nil, UTF-8 intact)', async () => {
    const script =
      'return { status = "Healthy", message = obj.items[1] .. #obj.items .. tostring(obj.none) .. obj.text }';
    await expect(
      runHealthLua(script, { items: ['a', 'b'], none: null, text: '小艾 "q" \\ end' }),
    ).resolves.toEqual({
      status: 'Healthy',
      message: 'a2nil小艾 "q" \\ end',
    });
    expect(toLuaLiteral({ a: [1, true] })).toBe('{["a"] = {1, true}}');
  });
});
