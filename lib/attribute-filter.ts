/**
 * Attribute filters as users type them in trace search and as they live in the URL (`attr=` params):
 *   `key=value`  `key!=value`  `key exists`  `key>number`  `key<number`
 * A filter matches a span when the span's OR its resource's attributes satisfy it; `!=` matches when
 * neither has the key with that value (absent counts as different).
 */
export type AttributeFilterOp = '=' | '!=' | 'exists' | '>' | '<';

export interface AttributeFilter {
  key: string;
  op: AttributeFilterOp;
  /** The comparand as typed; a finite number for `>` and `<`; '' for `exists`. */
  value: string;
}

export class AttributeFilterError extends Error {}

const EXISTS = /^(.+?)\s+exists$/i;
/** `!=` before `=`; `>`/`<` only when what follows parses as a number. */
const BINARY = /^([^=!<>]+?)\s*(!=|=|>|<)\s*(.*)$/;

export function parseAttributeFilter(text: string): AttributeFilter {
  const trimmed = text.trim();
  const exists = EXISTS.exec(trimmed);
  if (exists) return { key: exists[1].trim(), op: 'exists', value: '' };
  const m = BINARY.exec(trimmed);
  if (!m || m[1].trim() === '') {
    throw new AttributeFilterError(`"${text}" is not a filter: use key=value, key!=value, key exists, key>n or key<n`);
  }
  const [, key, op, value] = m;
  if ((op === '>' || op === '<') && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    throw new AttributeFilterError(`"${text}": ${op} needs a number`);
  }
  return { key: key.trim(), op: op as AttributeFilterOp, value: value.trim() };
}

export function formatAttributeFilter(f: AttributeFilter): string {
  return f.op === 'exists' ? `${f.key} exists` : `${f.key}${f.op}${f.value}`;
}
