/**
 * Variable interpolation: `$name` and `${name}` in queries and searches. Unknown names are left as
 * written (so PromQL's own `$` never breaks). Builtins: `$__range` (the range's length, e.g. `3600s`)
 * and `$__interval` (the query step, e.g. `15s`).
 *
 * PromQL mode assumes the variable sits inside a double-quoted string literal (a label matcher), which
 * is where variables belong: values are escaped for that literal. A multi-value or include-All variable
 * becomes a regex alternation `a|b` of regex-escaped values (use it with `=~`); "All" becomes `.*`.
 * Plain mode (logs/traces searches, which filter on one value) takes the first value; "All" means "no
 * filter" and becomes ''.
 */
export const ALL_VALUE = '$__all';

export interface VariableValue {
  values: readonly string[];
  /** Multi-select or include-All: substituted as a regex in PromQL. */
  regex: boolean;
}

export type VariableValues = Readonly<Record<string, VariableValue>>;

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const REGEX_META = /[.*+?^${}()|[\]\\]/g;

/** Escapes text for a PromQL double-quoted string literal. */
export function escapePromString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export function escapeRegex(text: string): string {
  return text.replace(REGEX_META, '\\$&');
}

function promValue(v: VariableValue): string {
  if (!v.regex) return escapePromString(v.values[0] ?? '');
  if (v.values.includes(ALL_VALUE) || v.values.length === 0) return '.*';
  return escapePromString(v.values.map(escapeRegex).join('|'));
}

function plainValue(v: VariableValue): string {
  const first = v.values[0] ?? '';
  return first === ALL_VALUE ? '' : first;
}

function replaceAll(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(REFERENCE, (whole, braced: string | undefined, bare: string | undefined) => lookup(braced ?? bare ?? '') ?? whole);
}

export interface Builtins {
  rangeSeconds?: number;
  intervalSeconds?: number;
}

function builtin(name: string, b: Builtins): string | undefined {
  if (name === '__range' && b.rangeSeconds !== undefined) return `${Math.max(1, Math.round(b.rangeSeconds))}s`;
  if (name === '__interval' && b.intervalSeconds !== undefined) return `${Math.max(1, Math.round(b.intervalSeconds))}s`;
  return undefined;
}

/** A PromQL expression with its variables substituted. */
export function interpolatePromQL(expr: string, vars: VariableValues, builtins: Builtins = {}): string {
  return replaceAll(expr, (name) => builtin(name, builtins) ?? (Object.hasOwn(vars, name) ? promValue(vars[name]) : undefined));
}

/** A search field (service, text) with its variables substituted. */
export function interpolatePlain(text: string, vars: VariableValues): string {
  return replaceAll(text, (name) => (Object.hasOwn(vars, name) ? plainValue(vars[name]) : undefined));
}

/** `{{label}}` in a legend template → the series' label value ('' when absent); null template → null. */
export function applyLegend(template: string | undefined, labels: Readonly<Record<string, string>>): string | null {
  if (!template) return null;
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}
