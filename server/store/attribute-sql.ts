import type { AttributeFilter } from '@/lib/attribute-filter';

/**
 * SQL for attribute filters over stored OTLP/JSON KeyValue lists, shared by trace and log search.
 *
 * The value of a KeyValue (`kv`, an element of json_each over an attributes column) as text:
 * strings as-is, intValue's decimal string, doubles as SQLite renders them, booleans as
 * `true`/`false` (json_extract alone would give 1/0, so `ok=true` could never match).
 */
export const KV_VALUE = `coalesce(json_extract(kv.value, '$.value.stringValue'), json_extract(kv.value, '$.value.intValue'),
  json_extract(kv.value, '$.value.doubleValue'),
  CASE json_type(kv.value, '$.value.boolValue') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END)`;

/**
 * SQL (its parameters appended to `params`) true when `column` (a KeyValue JSON list) holds an
 * attribute satisfying `f`, ignoring negation: for `!=` it tests "has key = value" and the caller
 * negates (absent counts as different). `>`/`<` compare numerically (a non-numeric value is 0).
 */
export function attributeMatch(column: string, f: AttributeFilter, params: unknown[]): string {
  // A cheap necessary condition first: scanning a column's text is ~20× faster than json_each, so a
  // selective `key=value` filter no longer parses every record's attributes.
  const needle = textNeedle(f);
  const prefilter = needle === null ? '' : `instr(${column}, ?) > 0 AND `;
  if (needle !== null) params.push(needle);
  params.push(f.key);
  const keyIs = `json_extract(kv.value, '$.key') = ?`;
  let valueIs = '';
  if (f.op === '=' || f.op === '!=') { valueIs = ` AND CAST(${KV_VALUE} AS TEXT) = ?`; params.push(f.value); }
  if (f.op === '>' || f.op === '<') { valueIs = ` AND CAST(${KV_VALUE} AS REAL) ${f.op} ?`; params.push(Number(f.value)); }
  return `(${prefilter}EXISTS (SELECT 1 FROM json_each(${column}) kv WHERE ${keyIs}${valueIs}))`;
}

/** Printable ASCII without `"` or `\`: written verbatim inside the stored JSON text. */
const VERBATIM = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Text that must occur in the stored JSON of any attribute list the filter matches, or null.
 *
 * Invariant (what makes it safe, `!=` included since the caller negates the whole match): the lists
 * are canonical OTLP/JSON written by JSON.stringify, where a key, a string value and an intValue appear
 * verbatim when they are printable ASCII without `"` or `\`, and booleans as `true`/`false`. A value
 * that looks like a float is not used: a double's text in JSON (`5`) can differ from SQLite's (`5.0`).
 */
export function textNeedle(f: AttributeFilter): string | null {
  const v = f.value;
  const floatLike = /^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(v) && /[.eE]/.test(v);
  const special = /^[-+]?(inf|infinity|nan)$/i.test(v);
  if ((f.op === '=' || f.op === '!=') && VERBATIM.test(v) && !floatLike && !special) return v;
  return VERBATIM.test(f.key) ? f.key : null;
}
