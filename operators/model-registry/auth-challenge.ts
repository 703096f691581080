/**
 * `WWW-Authenticate` challenges (RFC 7235), as OCI registries send them on 401:
 * `Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/model:pull"`
 * or `Basic realm="Registry Realm"`. Quoted values may hold commas (a scope with `pull,push`).
 */
export interface Challenge {
  /** Lower-case scheme, e.g. 'bearer' or 'basic'. */
  readonly scheme: string;
  /** Parameters with lower-case names. */
  readonly params: Readonly<Record<string, string>>;
}

const PARAM = /\s*([A-Za-z0-9_!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/y;

/** Parses every challenge in the header (servers may offer several); unknown syntax is skipped. */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  const out: Challenge[] = [];
  for (const value of values) {
    let rest = value.trim();
    while (rest.length > 0) {
      const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s*/.exec(rest);
      if (!scheme) break;
      rest = rest.slice(scheme[0].length);
      const params: Record<string, string> = {};
      PARAM.lastIndex = 0;
      let consumed = 0;
      for (;;) {
        PARAM.lastIndex = consumed;
        const m = PARAM.exec(rest);
        if (!m) break;
        params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
        consumed = PARAM.lastIndex;
      }
      out.push({ scheme: scheme[1]!.toLowerCase(), params });
      rest = rest.slice(consumed).replace(/^[\s,]+/, '');
    }
  }
  return out;
}

/** The next page of a paginated answer from its `Link: <…>; rel="next"` header (RFC 8288), if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    for (const part of value.split(/,(?=\s*<)/)) {
      const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
      if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2]!)) return m[1];
    }
  }
  return undefined;
}
