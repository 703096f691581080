/** Output for people (aligned tables, relative ages) and for machines (JSON, YAML). */
import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';

/** Where commands write; tests and the entry point pass process streams. */
export interface Streams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Columns padded to the widest cell, two spaces apart, headers upper-cased as kubectl prints them.
 * Empty cells print `<none>` so columns never shift.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  const cells = [
    headers.map((h) => h.toUpperCase()),
    ...rows.map((r) => headers.map((_, i) => cellText(r[i]))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] as string).length)));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number)))
          .join('   ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

const cellText = (v: string | number | undefined): string =>
  v === undefined || v === '' ? '<none>' : String(v);

/** Data as JSON (pretty, one document) or YAML. */
export function renderData(format: 'json' | 'yaml', data: unknown): string {
  return format === 'json' ? JSON.stringify(data, null, 2) + '\n' : stringify(data);
}

/**
 * Age as kubectl prints it: `45s`, `12m`, `3h4m`, `5d`. `now` is injected so output is testable.
 */
export function age(since: string | undefined, now: number): string | undefined {
  if (!since) return undefined;
  const t = Date.parse(since);
  if (Number.isNaN(t)) return undefined;
  return durationText(now - t);
}

/** A span of time as {@link age} prints it (`45s`, `12m`, `3h4m`, `5d`); negative spans print `0s`. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  return `${Math.floor(h / 24)}d`;
}
