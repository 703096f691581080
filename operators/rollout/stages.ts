/**
 * The words and the bookkeeping of each stage: how a step is described in status and Events, and
 * how an experiment's analyses add up to per-metric means of the candidate and the stable.
 */
import type { ExperimentStatus, RequestMatch } from '../../crds/api/index.js';
import type { CheckResult } from '../analysis/types.js';
import { formatDuration } from './duration.js';
import type { Step } from './types.js';

/** One sentence for the step a rollout enters, e.g. `preview on header x-model-version: v2`. */
export function describeStep(step: Step, index: number): string {
  switch (step.stage) {
    case 'Shadow':
      return `shadow: ${step.routing?.mirrorPercent ?? 0}% of live requests mirrored, answers discarded, for at least ${formatDuration(step.pauseMs)}`;
    case 'Preview':
      return `preview: requests with ${describeMatches(step.routing?.matches ?? [])} reach it, everyone else stays on stable, for at least ${formatDuration(step.pauseMs)}`;
    case 'Experiment':
      return `experiment for ${formatDuration(step.pauseMs)}: ${describeCohort(step)}`;
    case 'Canary':
      return `step ${index} at weight ${step.weight}`;
  }
}

/** Why the last step ends in promotion (or, `atGate`, at the manual gate), by its stage. */
export function lastStepPassed(step: Step | undefined, atGate = false): string {
  switch (step?.stage) {
    case 'Preview':
      return atGate
        ? 'the preview passed its analysis'
        : 'the preview passed its analysis; switching all traffic';
    case 'Experiment':
      return `the experiment of ${formatDuration(step.pauseMs)} ended with the candidate passing its analyses`;
    case 'Shadow':
      return 'the shadow passed its analysis';
    default:
      return 'all steps passed';
  }
}

/** What holding the step means, e.g. `the experiment runs 29m more`. */
export function heldFor(step: Step | undefined, index: number, remainingMs: number): string {
  const left = formatDuration(remainingMs);
  switch (step?.stage) {
    case 'Experiment':
      return `the experiment runs ${left} more`;
    case 'Preview':
      return `the preview is analysed ${left} more`;
    case 'Shadow':
      return `the shadow runs ${left} more`;
    default:
      return `step ${index} is held ${left} more`;
  }
}

/** The cohort of an experiment step in words. */
function describeCohort(step: Step): string {
  const matches = step.routing?.matches ?? [];
  const parts = [
    ...(matches.length === 0 ? [] : [`requests with ${describeMatches(matches)}`]),
    ...(step.weight > 0 ? [`${step.weight}% of ${matches.length === 0 ? 'all' : 'the other'} requests`] : []),
  ];
  return `${parts.join(' and ')} go to the candidate`;
}

/** `header x-cohort = beta or cookie group prefix a`. */
export function describeMatches(matches: readonly RequestMatch[]): string {
  return matches
    .map((m) => {
      const [kind, match] = m.header === undefined ? ['cookie', m.cookie] : ['header', m.header];
      if (match === undefined) return kind;
      if (match.exact !== undefined) return `${kind} ${match.name}: ${match.exact}`;
      if (match.prefix !== undefined) return `${kind} ${match.name} starting with ${match.prefix}`;
      return `${kind} ${match.name} matching /${match.regex ?? ''}/`;
    })
    .join(' or ');
}

/**
 * Adds one analysis to the experiment's per-metric record: the means of the candidate's and the
 * stable's values over the analyses that measured both (a window without data on either side says
 * nothing about the comparison), and the last values.
 */
export function foldExperiment(
  experiment: ExperimentStatus | undefined,
  checks: readonly CheckResult[],
): ExperimentStatus | undefined {
  if (experiment === undefined) return undefined;
  const byName = new Map((experiment.metrics ?? []).map((m) => [m.name, m]));
  for (const { metric, value, stableValue } of checks) {
    if (value === undefined || stableValue === undefined) continue;
    const before = byName.get(metric);
    const n = before?.analyses ?? 0;
    byName.set(metric, {
      name: metric,
      analyses: n + 1,
      candidate: round(((before?.candidate ?? 0) * n + value) / (n + 1)),
      stable: round(((before?.stable ?? 0) * n + stableValue) / (n + 1)),
      lastCandidate: value,
      lastStable: stableValue,
    });
  }
  return { ...experiment, metrics: [...byName.values()] };
}

/** Enough digits for a latency in seconds or a rate, without float noise in status. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
