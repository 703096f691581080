/**
 * Which ModelVersion plays which part for its AIModel, derived from the versions' status alone
 * (pure, no I/O), so both controllers and every restart agree:
 * - the **stable** is the version promoted last (phase Promoted, or Superseded after an AIModel
 *   rollback made it stable again) that the AIModel has not rolled back since;
 * - the **previous stable** is the one the stable replaced: kept warm for the rollback window and
 *   the target of a bake failure or an `ai.suoke.life/action: rollback`;
 * - the **canary** is the version holding the canary slot (Deploying … RollingBack).
 *
 * Example: v1 promoted at 10:00, v2 promoted at 11:00 → stable v2, previous v1. The AIModel is rolled
 * back at 11:20 (history gains `v2 RolledBack 11:20`) → stable v1 again, and v2 becomes RolledBack.
 */
import {
  CONDITION_TYPES,
  type HistoryEntry,
  type ModelVersion,
  type ModelVersionPhase,
} from '../../crds/api/index.js';
import type { KubeObject } from '../kit/resource.js';

/** What the controllers need of one ModelVersion. */
export interface VersionView {
  /** metadata.name. */
  readonly name: string;
  /** spec.version. */
  readonly version: string;
  /** metadata.creationTimestamp (RFC 3339). */
  readonly createdAt: string;
  /** status.phase; Pending before the first status write. */
  readonly phase: ModelVersionPhase;
  readonly promotedAt?: string;
  readonly finishedAt?: string;
  /** Reason of the Progressing condition: why the last transition happened. */
  readonly reason?: string;
  readonly message?: string;
  readonly object: ModelVersion;
}

export function viewOf(mv: ModelVersion): VersionView {
  const status = mv.status;
  const progressing = status?.conditions?.find((c) => c.type === CONDITION_TYPES.ModelVersion.Progressing);
  return {
    name: mv.metadata.name ?? '',
    version: mv.spec.version,
    createdAt: mv.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z',
    phase: status?.phase ?? 'Pending',
    ...(status?.promotedAt === undefined ? {} : { promotedAt: status.promotedAt }),
    ...(status?.finishedAt === undefined ? {} : { finishedAt: status.finishedAt }),
    ...(progressing === undefined ? {} : { reason: progressing.reason }),
    ...(status?.message === undefined ? {} : { message: status.message }),
    object: mv,
  };
}

type History = readonly HistoryEntry[] | undefined;

/** Phases in which a version holds the canary slot (has a workload and may get traffic). */
export const CANARY_PHASES: ReadonlySet<ModelVersionPhase> = new Set([
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
  'RollingBack',
]);

const ms = (t: string | undefined): number => (t === undefined ? Number.NaN : Date.parse(t));

/** The history entry of the AIModel rolling `v` back after it was promoted (newer than its promotion). */
export function modelRollbackOf(history: History, v: VersionView): HistoryEntry | undefined {
  return (history ?? []).find(
    (h) => h.version === v.version && h.outcome === 'RolledBack' && ms(h.time) >= ms(v.promotedAt),
  );
}

/** The AIModel rolled `v` back after it was promoted. */
export function rolledBackByModel(history: History, v: VersionView): boolean {
  return modelRollbackOf(history, v) !== undefined;
}

/** Promoted last first; ties by creation, then name, so the order is total. */
function byPromotionDesc(a: VersionView, b: VersionView): number {
  return (
    ms(b.promotedAt) - ms(a.promotedAt) ||
    ms(b.createdAt) - ms(a.createdAt) ||
    (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)
  );
}

/** Versions that may serve as stable, promoted last first. */
function stableCandidates(versions: readonly VersionView[], history: History): VersionView[] {
  return versions
    .filter(
      (v) =>
        (v.phase === 'Promoted' || v.phase === 'Superseded') &&
        v.promotedAt !== undefined &&
        !rolledBackByModel(history, v),
    )
    .sort(byPromotionDesc);
}

/** The stable version, if any version was ever promoted and kept. */
export function stableOf(versions: readonly VersionView[], history: History): VersionView | undefined {
  return stableCandidates(versions, history)[0];
}

/**
 * The version that was stable before `current` (the stable, or a version baking after promotion);
 * undefined when there was none.
 */
export function previousStableOf(
  versions: readonly VersionView[],
  history: History,
  current: string,
): VersionView | undefined {
  const self = versions.find((v) => v.version === current);
  return stableCandidates(versions, history).find(
    (v) =>
      v.version !== current && (self?.promotedAt === undefined || ms(v.promotedAt) <= ms(self.promotedAt)),
  );
}

/** The version holding the canary slot (the newest one, should two briefly overlap). */
export function canaryOf(versions: readonly VersionView[]): VersionView | undefined {
  return versions
    .filter((v) => CANARY_PHASES.has(v.phase))
    .sort((a, b) => ms(b.createdAt) - ms(a.createdAt) || (a.name < b.name ? 1 : -1))[0];
}

/** The ModelVersions of AIModel `model` among `all`. */
export function versionsOf(all: readonly ModelVersion[], model: string): VersionView[] {
  return all.filter((mv) => mv.spec?.modelRef?.name === model && !mv.metadata.deletionTimestamp).map(viewOf);
}

/** How each finished rollout ended, as AIModel history entries (unordered). */
export function outcomesOf(versions: readonly VersionView[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const v of versions) {
    if ((v.phase === 'Promoted' || v.phase === 'Superseded') && v.promotedAt !== undefined) {
      out.push({
        version: v.version,
        outcome: 'Promoted',
        time: v.promotedAt,
        message: 'promoted to stable',
      });
    }
    if (v.phase === 'Superseded') {
      // Superseded when the next version was promoted (its own finishedAt may date from its own rollout).
      const next = versions
        .filter((o) => o.promotedAt !== undefined && ms(o.promotedAt) > ms(v.promotedAt))
        .sort((a, b) => ms(a.promotedAt) - ms(b.promotedAt))[0];
      const time = next?.promotedAt ?? v.finishedAt;
      if (time !== undefined) {
        out.push({
          version: v.version,
          outcome: 'Superseded',
          time,
          message:
            next === undefined ? 'a newer version became stable' : `version ${next.version} became stable`,
        });
      }
    }
    // A stable the AIModel rolled back is already in the history, as of the rollback request.
    const byModel = v.reason === 'StableRolledBack';
    if ((v.phase === 'RolledBack' || v.phase === 'Failed') && v.finishedAt !== undefined && !byModel) {
      out.push({
        version: v.version,
        outcome: v.phase,
        time: v.finishedAt,
        message: (v.message ?? v.reason ?? v.phase).slice(0, 1024),
      });
    }
  }
  return out;
}

/**
 * `existing` plus the entries of `derived` it does not hold yet (same version, outcome and time),
 * newest first, at most `limit`. Entries are only added, so the history survives versions being
 * deleted.
 */
export function mergeHistory(
  existing: readonly HistoryEntry[],
  derived: readonly HistoryEntry[],
  limit: number,
): HistoryEntry[] {
  const key = (h: HistoryEntry): string => `${h.version}\u0000${h.outcome}\u0000${h.time}`;
  const have = new Set(existing.map(key));
  const unique = [...existing, ...derived.filter((h) => !have.has(key(h)))];
  return unique.sort((a, b) => ms(b.time) - ms(a.time) || (a.version < b.version ? -1 : 1)).slice(0, limit);
}

/**
 * What another controller derives from a ModelVersion: which version it is, its phase, when it was
 * promoted or finished, why (the Progressing reason) and, once finished, its message (history).
 * Analyses, steps and weights written within a phase are left out.
 */
function rolloutFacts(obj: KubeObject): unknown {
  const mv = obj as KubeObject & Partial<ModelVersion>;
  const v = viewOf(mv as ModelVersion);
  const finished = v.phase === 'RolledBack' || v.phase === 'Failed' || v.phase === 'Superseded';
  return [
    v.version,
    v.phase,
    v.promotedAt,
    v.finishedAt,
    v.reason,
    finished ? v.message : undefined,
    mv.metadata.deletionTimestamp,
    mv.spec?.modelRef?.name,
  ];
}

/** An update predicate: the {@link rolloutFacts} of a ModelVersion changed. */
export function rolloutFactsChanged(old: KubeObject, obj: KubeObject): boolean {
  return JSON.stringify(rolloutFacts(old)) !== JSON.stringify(rolloutFacts(obj));
}
