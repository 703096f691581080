/**
 * Pure helpers over version strings: tag patterns, ordering ("newest first"), and merging what a
 * sync found into `status.discoveredVersions`.
 */
import type { DiscoveredVersion } from '../../crds/api/index.js';
import { VERSION_PATTERN } from '../../crds/api/index.js';

/** Most entries kept in `status.discoveredVersions` (the schema allows 200; status stays small). */
export const MAX_DISCOVERED_VERSIONS = 100;

/**
 * True when `value` matches one of `patterns`, or when there are none (track everything).
 * A pattern is an exact tag or a glob: `*` any run of characters, `?` one character.
 * Examples: `1.*` matches `1.0.0` and `1.2-rc1`; `v?` matches `v1` but not `v10`.
 */
export function matchesAny(patterns: readonly string[] | undefined, value: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => globToRegExp(p).test(value));
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Orders versions the way people read them: numeric runs compare as numbers, a leading `v` is
 * ignored, and a pre-release (`-rc1`) sorts before its release. Returns < 0 when `a` is older.
 * Examples: `1.9.0 < 1.10.0`, `v2 > 1.99`, `1.0.0-rc1 < 1.0.0`, `3 > 2` (MLflow numbers).
 */
export function compareVersions(a: string, b: string): number {
  const [aMain, aPre] = splitPre(a.replace(/^v(?=\d)/i, ''));
  const [bMain, bPre] = splitPre(b.replace(/^v(?=\d)/i, ''));
  const main = compareChunks(aMain, bMain);
  if (main !== 0) return main;
  if (aPre === undefined || bPre === undefined) return aPre === bPre ? 0 : aPre === undefined ? 1 : -1;
  return compareChunks(aPre, bPre);
}

function splitPre(v: string): [string, string | undefined] {
  const i = v.indexOf('-');
  return i < 0 ? [v, undefined] : [v.slice(0, i), v.slice(i + 1)];
}

function compareChunks(a: string, b: string): number {
  const ca = a.match(/\d+|[^\d]+/g) ?? [];
  const cb = b.match(/\d+|[^\d]+/g) ?? [];
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      // Compare as numbers of any length: fewer digits is smaller, then digit by digit.
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length < ys.length ? -1 : 1;
      if (xs !== ys) return xs < ys ? -1 : 1;
    } else if (nx !== ny) {
      return nx ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Newest first: most recently discovered first, then by version. */
export function newestFirst(a: DiscoveredVersion, b: DiscoveredVersion): number {
  if (a.discoveredAt !== b.discoveredAt) return a.discoveredAt < b.discoveredAt ? 1 : -1;
  if (a.model !== b.model) return a.model < b.model ? -1 : 1;
  return compareVersions(b.version, a.version);
}

/** What one model's listing contributes to a sync. */
export interface FoundVersion {
  readonly model: string;
  readonly version: string;
  readonly uri: string;
  readonly digest?: string;
}

export interface MergeResult {
  /** The new `status.discoveredVersions`, newest first, at most `MAX_DISCOVERED_VERSIONS`. */
  readonly discovered: DiscoveredVersion[];
  /** Versions not in the previous list (in `discovered` order). */
  readonly added: DiscoveredVersion[];
}

/**
 * Merges a sync's findings into the previous list: a version seen before keeps its `discoveredAt`
 * (its digest is refreshed: tags move); a new one gets `now`; one the registry no longer lists is
 * dropped. Models whose listing failed keep their previous entries (`keepModels`), so a transient
 * error does not make every version look new on the next sync.
 */
export function mergeDiscovered(
  previous: readonly DiscoveredVersion[],
  found: readonly FoundVersion[],
  keepModels: ReadonlySet<string>,
  now: string,
  max = MAX_DISCOVERED_VERSIONS,
): MergeResult {
  const key = (v: { model: string; version: string }): string => `${v.model}\u0000${v.version}`;
  const before = new Map(previous.map((v) => [key(v), v]));
  const added: DiscoveredVersion[] = [];
  const out: DiscoveredVersion[] = previous.filter((v) => keepModels.has(v.model));
  for (const f of found) {
    const old = before.get(key(f));
    const entry: DiscoveredVersion = {
      model: f.model,
      version: f.version,
      uri: f.uri,
      ...(f.digest ? { digest: f.digest } : {}),
      discoveredAt: old?.discoveredAt ?? now,
    };
    if (!old) added.push(entry);
    out.push(entry);
  }
  out.sort(newestFirst);
  added.sort(newestFirst);
  return { discovered: out.slice(0, max), added };
}

const VERSION_RE = new RegExp(VERSION_PATTERN);

/** Whether a registry version can be a `ModelVersion.spec.version` as is (label value, subset name). */
export function isValidVersionName(version: string): boolean {
  return version.length <= 22 && VERSION_RE.test(version);
}
