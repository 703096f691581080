/** `kubectl model status [aimodel]`: the models at a glance, or one model's versions in detail. */
import { OUTPUT_FLAG } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { outputFormat } from '../flags.js';
import { canaryReport, modelSummary, readyText, trafficText, versionSummary } from '../model-summary.js';
import { age, renderData, renderTable } from '../output.js';
import { stepText } from '../progress.js';
import { getAIModel, listAIModels, listVersionsOf } from '../resources.js';

const num = (v: number | undefined): string | undefined =>
  v === undefined ? undefined : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));

export const statusCommand: Command = {
  spec: {
    name: 'status',
    summary: 'Show AIModels (stable, canary, traffic, ready) or one model with its versions and history.',
    args: '[aimodel]',
    positionals: [0, 1],
    flags: [OUTPUT_FLAG],
    details:
      'Without a name: one row per AIModel. With a name: its ModelVersions (phase, step, weight, age), its\nhistory, and the latest analysis report of the canary being rolled out.',
    examples: ['kubectl model status -n agents', 'kubectl model status xiaoai -n agents -o json'],
  },
  async run(args, deps) {
    const format = outputFormat(args);
    const ctx = deps.connect(args);
    const now = deps.now();
    const name = args.positionals[0];
    if (name === undefined) {
      const models = (await listAIModels(ctx.client, ctx.namespace)).map(modelSummary);
      if (format !== 'table') {
        deps.streams.out(renderData(format, models));
        return EXIT.ok;
      }
      if (models.length === 0) {
        deps.streams.out(`No AIModels in namespace ${ctx.namespace}.\n`);
        return EXIT.ok;
      }
      deps.streams.out(
        renderTable(
          ['name', 'agent', 'stable', 'canary', 'canary weight', 'traffic', 'ready', 'age'],
          models.map((m) => [
            m.name,
            m.agent,
            m.stable,
            m.canary,
            m.canaryWeight === undefined ? undefined : `${m.canaryWeight}%`,
            trafficText(m.traffic),
            readyText(m),
            age(m.created, now),
          ]),
        ),
      );
      return EXIT.ok;
    }

    const model = await getAIModel(ctx.client, ctx.namespace, name);
    const versions = await listVersionsOf(ctx.client, ctx.namespace, name);
    const summary = modelSummary(model);
    const versionRows = versions.map((v) => versionSummary(v, model));
    const history = model.status?.history ?? [];
    const report = canaryReport(model, versions);
    if (format !== 'table') {
      deps.streams.out(
        renderData(format, {
          model: summary,
          versions: versionRows,
          history,
          canaryAnalysis: report ?? null,
        }),
      );
      return EXIT.ok;
    }
    const out: string[] = [];
    out.push(
      `AIModel ${summary.name} (agent ${summary.agent || '<none>'}) in ${summary.namespace}: stable ${summary.stable ?? '<none>'}, canary ${summary.canary ?? '<none>'}, traffic ${trafficText(summary.traffic) || '<none>'}, ready ${readyText(summary)}`,
      '',
      'Versions:',
    );
    out.push(
      versionRows.length === 0
        ? '  (none)\n'
        : renderTable(
            ['name', 'version', 'phase', 'step', 'weight', 'age', 'message'],
            versionRows.map((v) => [
              v.name,
              v.version,
              v.phase,
              stepText(v)?.replace('step ', ''),
              v.canaryWeight === undefined ? undefined : `${v.canaryWeight}%`,
              age(v.created, now),
              v.message,
            ]),
          ),
    );
    out.push('History:');
    out.push(
      history.length === 0
        ? '  (none)\n'
        : renderTable(
            ['version', 'outcome', 'age', 'message'],
            history.map((h) => [h.version, h.outcome, age(h.time, now), h.message]),
          ),
    );
    if (report) {
      out.push(
        `Canary analysis (${report.modelVersion}, step ${report.step}, weight ${report.weight}%, ${age(report.time, now)} ago): ${report.verdict}`,
      );
      out.push(
        renderTable(
          ['metric', 'value', 'stable', 'threshold', 'window', 'samples', 'verdict', 'reason'],
          report.checks.map((c, i) => [
            c.metric,
            c.value === undefined ? 'no data' : num(c.value),
            num(c.stableValue),
            c.threshold,
            c.window,
            report.samples[i],
            c.verdict,
            c.reason,
          ]),
        ),
      );
    }
    deps.streams.out(out.join('\n'));
    return EXIT.ok;
  },
};
