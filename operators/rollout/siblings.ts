/**
 * How the versions of one AIModel affect each other, from their metadata and status alone (pure):
 * - a newer version supersedes an older one that is not stable yet (`supersededBy`): the older
 *   canary is rolled back and the newer one starts from its own step one;
 * - one canary at a time: a version waits in Pending (`waitingFor`) while another one holds the
 *   canary slot, i.e. is Deploying, Evaluating, Progressing, Paused, RollingBack, or Promoted and
 *   still baking.
 *
 * "Newer" is by metadata.creationTimestamp, then by name, so every replica of the operator and every
 * reconcile sees the same order.
 */
import type { RolloutPhase } from './types.js';

/** What this needs to know of each ModelVersion of the AIModel. */
export interface Sibling {
  /** metadata.name. */
  readonly name: string;
  /** spec.version. */
  readonly version: string;
  /** metadata.creationTimestamp (RFC 3339). */
  readonly createdAt: string;
  /** status.phase; absent before the first status write (Pending). */
  readonly phase?: RolloutPhase;
  /** status.promotedAt and status.finishedAt: a Promoted version without finishedAt is baking. */
  readonly promotedAt?: string;
  readonly finishedAt?: string;
}

export interface SiblingObservations {
  /** spec.version of the newest version created after this one, if any. */
  readonly supersededBy?: string;
  /** spec.version of another version holding the canary slot, if any. */
  readonly waitingFor?: string;
}

const HOLDS_SLOT: ReadonlySet<RolloutPhase> = new Set([
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
  'RollingBack',
]);

function newerFirst(a: Sibling, b: Sibling): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

function holdsSlot(s: Sibling): boolean {
  const phase = s.phase ?? 'Pending';
  return (
    HOLDS_SLOT.has(phase) ||
    (phase === 'Promoted' && s.promotedAt !== undefined && s.finishedAt === undefined)
  );
}

/** The observations of `name` among `siblings` (which include it). */
export function siblingObservations(name: string, siblings: readonly Sibling[]): SiblingObservations {
  const sorted = [...siblings].sort(newerFirst);
  const index = sorted.findIndex((s) => s.name === name);
  if (index < 0)
    throw new Error(
      `ModelVersion ${name}: not among the versions given (${sorted.map((s) => s.name).join(', ')})`,
    );
  const newest = index > 0 ? sorted[0] : undefined;
  const holder = sorted.find((s) => s.name !== name && holdsSlot(s));
  return {
    ...(newest === undefined ? {} : { supersededBy: newest.version }),
    ...(holder === undefined ? {} : { waitingFor: holder.version }),
  };
}
