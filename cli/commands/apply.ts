/** `kubectl model apply -f <file>`: validate locally, server-side apply, optionally wait. */
import { readFileSync } from 'node:fs';
import type { ModelVersion } from '../../crds/index.js';
import { booleanFlag, OUTPUT_FLAG } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { FOR_FLAG, outputFormat, TIMEOUT_FLAG, timeoutMs, waitTarget } from '../flags.js';
import { readManifests } from '../manifests.js';
import { renderData } from '../output.js';
import { apiFailure, applyObject, MODEL_VERSION } from '../resources.js';
import { waitForRollout } from '../rollout-wait.js';

export const applyCommand: Command = {
  spec: {
    name: 'apply',
    summary: 'Apply ModelVersion manifests (server-side apply), optionally waiting for the rollout.',
    flags: [
      {
        name: 'filename',
        short: 'f',
        kind: 'strings',
        placeholder: 'FILE',
        description: 'YAML/JSON file, directory or - for stdin (repeatable).',
      },
      {
        name: 'wait',
        kind: 'boolean',
        description: 'Wait for each applied version like `kubectl model wait`.',
      },
      TIMEOUT_FLAG,
      FOR_FLAG,
      OUTPUT_FLAG,
    ],
    details: [
      'Every document is checked against the ModelVersion schema first; any error is printed with its',
      'field and nothing is written (exit 3). The API server validates again (CEL rules included).',
      "Writes use server-side apply with field manager 'kubectl-model'.",
    ].join('\n'),
    examples: [
      'kubectl model apply -f xiaoai-v2.yaml -n agents --wait --timeout 45m',
      'cat xiaoai-v2.yaml | kubectl model apply -f -',
    ],
  },
  async run(args, deps) {
    const files = (args.flags['filename'] as readonly string[] | undefined) ?? [];
    if (files.length === 0)
      throw new UsageError("'kubectl model apply' needs -f FILE; see 'kubectl model apply --help'");
    const format = outputFormat(args);
    const wait = booleanFlag(args, 'wait');
    const timeout = wait ? timeoutMs(args) : 0;
    if (wait && format === 'yaml')
      throw new UsageError('-o yaml cannot be combined with --wait; use -o json for JSON lines');
    const manifests = readManifests(files, () => readFileSync(0, 'utf8'));
    const ctx = deps.connect(args);
    const applied: ModelVersion[] = [];
    for (const { source, object } of manifests) {
      const ns = object.metadata.namespace;
      if (ns !== undefined && ns !== ctx.namespace && ctx.namespaceExplicit) {
        throw new UsageError(
          `${source}: metadata.namespace is '${ns}' but --namespace is '${ctx.namespace}'; drop one or make them agree`,
        );
      }
      const namespace = ns ?? ctx.namespace;
      const body = { ...object, metadata: { ...object.metadata, namespace } };
      delete (body as { status?: unknown }).status;
      let result: ModelVersion;
      try {
        result = await applyObject(ctx.client, MODEL_VERSION, namespace, body);
      } catch (error) {
        throw apiFailure(`applying ModelVersion '${object.metadata.name}' from ${source}`, error);
      }
      applied.push(result);
      if (format === 'table')
        deps.streams.out(`modelversion.ai.suoke.life/${result.metadata.name} serverside-applied\n`);
    }
    if (format !== 'table' && !wait) {
      deps.streams.out(
        renderData(
          format,
          applied.length === 1 ? applied[0] : { apiVersion: 'v1', kind: 'List', items: applied },
        ),
      );
    }
    if (!wait) return EXIT.ok;
    for (const mv of applied) {
      const code = await waitForRollout(
        { ...ctx, namespace: mv.metadata.namespace ?? ctx.namespace },
        {
          name: mv.metadata.name ?? '',
          timeoutMs: timeout,
          target: waitTarget(args),
          format: format === 'json' ? 'json' : 'table',
          streams: deps.streams,
          now: deps.now,
        },
      );
      if (code !== EXIT.ok) return code;
    }
    return EXIT.ok;
  },
};
