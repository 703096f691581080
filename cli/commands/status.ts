/** `kubectl model status [aimodel]`: the models at a glance, or one model's versions in detail. */
import { OUTPUT_FLAG } from '../args.js';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { outputFormat } from '../flags.js';
import {
  canaryReport,
  evaluationRow,
  experimentMetrics,
  modelSummary,
  readyText,
  trafficText,
  versionSummary,
  type VersionSummary,
} from '../model-summary.js';
import { age, durationText, renderData, renderTable } from '../output.js';
import { phaseText, requestShareText, routesText, stepText } from '../progress.js';
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
    details: [
      'Without a name: one row per AIModel. With a name: its ModelVersions (phase, strategy, stage, step,',
      'weight, age), for each version being rolled out its weight beside the share of live requests it',
      'served in the last analysis (the share lags while sessions stay where they started), its routes',
      'in words (the shadow mirror share, the blue-green preview header, the experiment cohort) and, for',
      "an experiment, its window and each metric's candidate against stable; for each version evaluated",
      "on its golden set, its runs (gate, attempt, phase, pass rate, the stable's, judge score, failed",
      'cases with the expectation they failed); then the history and the latest analysis report of the',
      'version being rolled out.',
    ].join('\n'),
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
            ['name', 'version', 'phase', 'strategy', 'stage', 'step', 'weight', 'age', 'message'],
            versionRows.map((v) => [
              v.name,
              v.version,
              phaseText(v),
              v.strategy,
              v.stage,
              stepText(v)?.replace('step ', ''),
              v.canaryWeight === undefined ? undefined : `${v.canaryWeight}%`,
              age(v.created, now),
              v.message,
            ]),
          ),
    );
    for (const v of versionRows.filter((row) => ACTIVE.has(row.phase) && row.stage !== undefined)) {
      out.push(...rolloutDetail(v, now));
    }
    for (const v of versionRows.filter((row) => row.evaluations !== undefined)) {
      out.push(...evaluationDetail(v));
    }
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
      const at = report.step !== undefined ? `step ${report.step}, ` : '';
      const share = requestShareText(report.requestShare);
      out.push(
        `${report.stage ?? 'Canary'} analysis (${report.modelVersion}, ${at}weight ${report.weight}%, ${share ? `${share}, ` : ''}${age(report.time, now)} ago): ${report.verdict}`,
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

/**
 * A version's evaluation runs on its golden set, oldest first, with what to do about the latest:
 * nothing while it runs, a fix and 'resume' when it could not be judged.
 */
function evaluationDetail(v: VersionSummary): string[] {
  const runs = v.evaluations ?? [];
  const lines = [`Evaluation of ${v.name} (version ${v.version}) on its golden set:`];
  lines.push(
    renderTable(
      ['gate', 'attempt', 'phase', 'pass rate', 'stable', 'judge score', 'failed cases', 'job', 'message'],
      runs
        .map(evaluationRow)
        .map((r) => [
          r.gate,
          r.attempt,
          r.phase,
          r.passRate,
          r.stable,
          r.judgeScore,
          r.failedCases,
          r.job,
          r.message,
        ]),
    ),
  );
  const latest = runs.at(-1);
  if (latest?.phase === 'Running') {
    const traffic =
      latest.gate === 'BeforeTraffic'
        ? 'no user request reaches the version before it passes'
        : "the last step's traffic stays as it is until it passes";
    lines.push(`  running: 'kubectl logs job/${latest.job} -n ${v.namespace}' follows it; ${traffic}`);
  } else if (latest?.phase === 'Invalid' && v.pauseReason === 'EvaluationInvalid') {
    lines.push(
      `  held: the run could not be judged; fix its cause, then 'kubectl model resume ${v.name}' runs it again (or 'kubectl model abort ${v.name}')`,
    );
  } else if (latest?.phase === 'Failed') {
    lines.push(
      `  every failed case: 'kubectl get mv ${v.name} -n ${v.namespace} -o jsonpath={.status.evaluations}'; the run's log: 'kubectl logs job/${latest.job} -n ${v.namespace}'`,
    );
  }
  lines.push('');
  return lines;
}

/** Phases in which a version has a stage and routes (an evaluation at the last step keeps them). */
const ACTIVE = new Set(['Evaluating', 'Progressing', 'Paused']);

/**
 * A rollout under way in words: its strategy and stage, the routes that reach it, the manual gate
 * when it waits there, a route the gateway refuses (with the gateway's words and where to look), and
 * an experiment's window with each metric's candidate against stable.
 */
function rolloutDetail(v: VersionSummary, now: number): string[] {
  const head = [
    ...(v.strategy ? [`strategy ${v.strategy}`] : []),
    `stage ${v.stage}`,
    ...(stepText(v) ? [stepText(v) as string] : []),
    ...(v.canaryWeight !== undefined ? [`weight ${v.canaryWeight}%`] : []),
    ...(requestShareText(v.requestShare) ? [requestShareText(v.requestShare) as string] : []),
  ];
  const lines = [`Rollout of ${v.name}: ${head.join(', ')}`];
  const routes = routesText(v);
  if (routes) lines.push(`  ${routes}`);
  if (v.pauseReason === 'ManualGate') {
    lines.push(
      `  paused at the manual gate: 'kubectl model promote ${v.name}' finishes it, 'kubectl model abort ${v.name}' rolls it back`,
    );
  } else if (v.pauseReason === 'RouteNotAccepted') {
    // The gateway's words are the whole story here: which parent refused the route, and why.
    lines.push(`  paused (RouteNotAccepted): ${v.message ?? 'the gateway does not accept the route'}`);
    lines.push(
      `  the parents' verdicts: 'kubectl get httproute ${v.model} -n ${v.namespace} -o yaml' (status.parents); the parents: the AIModel's spec.traffic.parentRefs`,
    );
  } else if (v.pauseReason) {
    lines.push(`  paused (${v.pauseReason})`);
  }
  const experiment = v.experiment;
  if (experiment) {
    const ends = Date.parse(experiment.endsAt);
    const end =
      Number.isNaN(ends) || ends > now
        ? `ends in ${durationText(Number.isNaN(ends) ? 0 : ends - now)}`
        : `ended ${durationText(now - ends)} ago`;
    lines.push(
      `  experiment: started ${age(experiment.startedAt, now) ?? '?'} ago (${experiment.startedAt}), ${end} (${experiment.endsAt})`,
    );
    const metrics = experimentMetrics(v);
    lines.push('');
    lines.push(
      metrics.length === 0
        ? '  (no analysis of the experiment yet)\n'
        : renderTable(
            ['metric', 'analyses', 'candidate', 'stable', 'change', 'last candidate', 'last stable'],
            metrics.map((m) => [
              m.metric,
              m.analyses,
              num(m.candidate),
              num(m.stable),
              m.changePercent === undefined
                ? undefined
                : `${m.changePercent > 0 ? '+' : ''}${m.changePercent}%`,
              num(m.lastCandidate),
              num(m.lastStable),
            ]),
          ),
    );
  } else {
    lines.push('');
  }
  return lines;
}
