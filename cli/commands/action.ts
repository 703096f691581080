/**
 * `kubectl model promote|abort|pause|resume|retry <modelversion>` and `kubectl model rollback
 * <aimodel>`: a request to the operator through the `ai.suoke.life/action` annotation (merge patch).
 * The phase is checked first and a meaningless request refused with the reason (exit 3, nothing
 * written). The patch carries the resourceVersion that was checked, so a rollout that moved on in
 * between is read and checked again instead of receiving a request meant for an older state.
 */
import {
  ACTION_ANNOTATION,
  type AIModel,
  type ModelVersion,
  type ModelVersionAction,
} from '../../crds/index.js';
import { isConflict } from '../../operators/kit/client.js';
import type { ResourceType } from '../../operators/kit/resource.js';
import { booleanFlag, stringFlag, type FlagSpec } from '../args.js';
import type { Command, CommandDeps } from '../command.js';
import type { CliContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { FOR_FLAG, TIMEOUT_FLAG, progressOutputFlag, timeoutMs, waitTarget } from '../flags.js';
import { aiModelRollback, modelVersionAction, type Verdict } from '../action-rules.js';
import {
  AI_MODEL,
  apiFailure,
  getAIModel,
  getModelVersion,
  mergePatch,
  MODEL_VERSION,
} from '../resources.js';
import { waitForRollout } from '../rollout-wait.js';

const SUMMARIES: Record<ModelVersionAction, string> = {
  promote:
    'Promote a canary now: all traffic to it, skipping the remaining steps (also passes a manual gate).',
  abort: 'Abort a rollout: roll the canary back to the stable version.',
  pause: 'Hold a rollout at its current step until resumed.',
  resume: 'Continue a paused rollout (a manual gate needs promote instead).',
  retry: 'Start a RolledBack or Failed version again from the first step.',
};

/** Attempts when the object changes between the check and the patch. */
const ATTEMPTS = 3;

async function request(
  ctx: CliContext,
  deps: CommandDeps,
  type: ResourceType,
  name: string,
  action: string,
  read: () => Promise<AIModel | ModelVersion>,
  judge: (object: AIModel | ModelVersion) => Verdict,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const object = await read();
    const verdict = judge(object);
    const kind = type.kind;
    if (verdict.refusal !== undefined) {
      throw new UsageError(
        `refusing to ${action} ${kind} '${name}': ${verdict.refusal}; nothing was changed`,
      );
    }
    const pending = object.metadata.annotations?.[ACTION_ANNOTATION];
    if (pending !== undefined && pending.trim() !== action) {
      deps.streams.err(
        `note: replaces the pending request '${pending}' that the operator has not acted on yet\n`,
      );
    }
    try {
      await mergePatch(ctx.client, type, ctx.namespace, name, {
        metadata: {
          resourceVersion: object.metadata.resourceVersion,
          annotations: { [ACTION_ANNOTATION]: action },
        },
      });
    } catch (error) {
      if (isConflict(error) && attempt < ATTEMPTS) continue;
      throw apiFailure(
        `setting ${ACTION_ANNOTATION}=${action} on ${kind} '${name}' in namespace '${ctx.namespace}'`,
        error,
      );
    }
    deps.streams.out(
      `${type.plural.replace(/s$/, '')}.${type.group}/${name} ${action} requested: ${verdict.effect}\n`,
    );
    return;
  }
}

function modelVersionActionCommand(action: ModelVersionAction): Command {
  const waits = action === 'promote';
  const flags: FlagSpec[] = waits
    ? [
        { name: 'wait', kind: 'boolean', description: 'Then wait like `kubectl model wait`.' },
        TIMEOUT_FLAG,
        FOR_FLAG,
        progressOutputFlag('Progress as lines or JSON lines (with --wait).'),
      ]
    : [];
  return {
    spec: {
      name: action,
      summary: SUMMARIES[action],
      args: '<modelversion>',
      positionals: [1, 1],
      flags,
      details: `Sets ${ACTION_ANNOTATION}=${action} on the ModelVersion; the operator acts on it once and removes it. Refused (exit 3) when the phase makes it meaningless.`,
      examples: [`kubectl model ${action} xiaoai-v2 -n agents${waits ? ' --wait' : ''}`],
    },
    async run(args, deps) {
      const wait = waits && booleanFlag(args, 'wait');
      const timeout = wait ? timeoutMs(args) : 0;
      const ctx = deps.connect(args);
      const name = args.positionals[0] as string;
      await request(
        ctx,
        deps,
        MODEL_VERSION,
        name,
        action,
        () => getModelVersion(ctx.client, ctx.namespace, name),
        (o) => modelVersionAction(action, o as ModelVersion),
      );
      if (!wait) return EXIT.ok;
      return waitForRollout(ctx, {
        name,
        timeoutMs: timeout,
        target: waitTarget(args),
        format: stringFlag(args, 'output') === 'json' ? 'json' : 'table',
        streams: deps.streams,
        now: deps.now,
      });
    },
  };
}

export const promoteCommand = modelVersionActionCommand('promote');
export const abortCommand = modelVersionActionCommand('abort');
export const pauseCommand = modelVersionActionCommand('pause');
export const resumeCommand = modelVersionActionCommand('resume');
export const retryCommand = modelVersionActionCommand('retry');

export const rollbackCommand: Command = {
  spec: {
    name: 'rollback',
    summary: 'Roll an AIModel back to its previous stable version while that version is still warm.',
    args: '<aimodel>',
    positionals: [1, 1],
    flags: [],
    details: `Sets ${ACTION_ANNOTATION}=rollback on the AIModel. Refused (exit 3) when there is no previous stable version or a canary is rolling out (abort that instead).`,
    examples: ['kubectl model rollback xiaoai -n agents'],
  },
  async run(args, deps) {
    const ctx = deps.connect(args);
    const name = args.positionals[0] as string;
    await request(
      ctx,
      deps,
      AI_MODEL,
      name,
      'rollback',
      () => getAIModel(ctx.client, ctx.namespace, name),
      (o) => aiModelRollback(o as AIModel),
    );
    return EXIT.ok;
  },
};
