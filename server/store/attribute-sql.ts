import type { AttributeFilter } from '@/lib/attribute-filter';

/**
 * SQL for attribute filters over stored OTLP/JSON KeyValue lists, shared by trace and log search.
 *
 * The value of a KeyValue (`kv`, an element of json_each over an attributes column) as text:
 * strings as-is, intValue's decimal string, doubles as SQLite renders them, booleans as
 * `true`/`false` (json_extract alone would give 1/0, so `ok=true` could never match).
 */
const KV_VALUE = `coalesce(json_extract(kv.value, '$.value.stringValue'), json_extract(kv.value, '$.value.intValue'),
  json_extract(kv.value, '$.value.doubleValue'),
  CASE json_type(kv.value, '$.value.boolValue') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END)`;

/**
 * SQL (its parameters appended to `params`) true when `column` (a KeyValue JSON list) holds an
 * attribute satisfying `f`, ignoring negation: for `!=` it tests "has key = value" and the caller
 * negates (absent counts as different). `>`/`<` compare numerically (a non-numeric value is 0).
 */
export function attributeMatch(column: string, f: AttributeFilter, params: unknown[]): string {
  params.push(f.key);
  const keyIs = `json_extract(kv.value, '$.key') = ?`;
  let valueIs = '';
  if (f.op === '=' || f.op === '!=') { valueIs = ` AND CAST(${KV_VALUE} AS TEXT) = ?`; params.push(f.value); }
  if (f.op === '>' || f.op === '<') { valueIs = ` AND CAST(${KV_VALUE} AS REAL) ${f.op} ?`; params.push(Number(f.value)); }
  return `EXISTS (SELECT 1 FROM json_each(${column}) kv WHERE ${keyIs}${valueIs})`;
}
