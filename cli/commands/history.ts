/** `kubectl model history <aimodel>`: past rollouts of a model and how they ended. */
import { OUTPUT_FLAG } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { outputFormat } from '../flags.js';
import { age, renderData, renderTable } from '../output.js';
import { getAIModel, listVersionsOf } from '../resources.js';

export const historyCommand: Command = {
  spec: {
    name: 'history',
    summary: "Show an AIModel's past versions and their outcomes, newest first.",
    args: '<aimodel>',
    positionals: [1, 1],
    flags: [OUTPUT_FLAG],
    details:
      "From the AIModel's status.history (kept by the operator), with the ModelVersion each entry came from when it still exists.",
    examples: ['kubectl model history xiaoai -n agents', 'kubectl model history xiaoai -o json'],
  },
  async run(args, deps) {
    const format = outputFormat(args);
    const ctx = deps.connect(args);
    const name = args.positionals[0] as string;
    const model = await getAIModel(ctx.client, ctx.namespace, name);
    const versions = await listVersionsOf(ctx.client, ctx.namespace, name);
    const entries = (model.status?.history ?? []).map((h) => {
      const mv = versions.find((v) => v.spec?.version === h.version);
      return {
        version: h.version,
        outcome: h.outcome,
        time: h.time,
        ...(h.message ? { message: h.message } : {}),
        ...(mv?.metadata.name ? { modelVersion: mv.metadata.name } : {}),
      };
    });
    if (format !== 'table') {
      deps.streams.out(renderData(format, entries));
      return EXIT.ok;
    }
    if (entries.length === 0) {
      deps.streams.out(`AIModel ${name} has no finished rollouts yet.\n`);
      return EXIT.ok;
    }
    const now = deps.now();
    deps.streams.out(
      renderTable(
        ['version', 'outcome', 'modelversion', 'age', 'time', 'message'],
        entries.map((e) => [e.version, e.outcome, e.modelVersion, age(e.time, now), e.time, e.message]),
      ),
    );
    return EXIT.ok;
  },
};
