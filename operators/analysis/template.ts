/**
 * Custom PromQL with placeholders: `{{namespace}}`, `{{model}}`, `{{agent}}`, `{{version}}` and
 * `{{interval}}` (the analysis window, e.g. `1m`). Whitespace inside the braces is allowed. Any
 * other placeholder is an error, caught when the policy is resolved rather than at the first query.
 */

/** The values a query is rendered with. */
export interface QueryScope {
  readonly namespace: string;
  /** The AIModel's name (the `model` label). */
  readonly model: string;
  /** spec.agent.name (the `agent` label). */
  readonly agent: string;
  /** The version measured (the `version` label). */
  readonly version: string;
  /** Window as PromQL writes it, e.g. `1m`. */
  readonly interval: string;
}

export const PLACEHOLDERS: readonly (keyof QueryScope)[] = Object.freeze([
  'namespace',
  'model',
  'agent',
  'version',
  'interval',
]);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Throws when `template` uses a placeholder we do not fill.
 * @param field where the template came from, quoted in the error, e.g. `spec.promotion.analysis.metrics[0].query`
 */
export function validateTemplate(template: string, field: string): void {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name as string)) {
      throw new Error(
        `${field}: unknown placeholder '{{${name}}}'; use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
      );
    }
  }
}

/** Fills the placeholders. Values are inserted as they are: they are DNS names and durations. */
export function renderTemplate(template: string, scope: QueryScope, field = 'query'): string {
  validateTemplate(template, field);
  return template.replace(PLACEHOLDER, (_match, name: string) => scope[name as keyof QueryScope]);
}
