/**
 * Attribute terms: what a log record's attribute block filter is built from, and the term a search
 * filter needs. Pure; no I/O. A term is an attribute key alone, or a key with a value's text.
 *
 * Invariant (what makes skipping blocks safe): whenever the SQL attribute filter of attribute-sql.ts
 * can match a record's own attributes, the record's terms include `requiredTerm(filter)`. Extra terms
 * are harmless (a block is read for nothing); a missing one would hide records.
 * - `key exists` needs the key term, emitted for every attribute.
 * - `key=value` needs the value term when the value's SQL text is predictable from the stored JSON:
 *   strings, intValues (decimal strings), booleans (`true`/`false`) and doubles written without a
 *   fraction or exponent (JSON `5` reads back as SQL integer 5, text `5`). A filter value that looks
 *   like a float or ±Infinity/NaN may match doubles whose SQL text differs from their JSON text
 *   (`5.5`, `1.0e+21`), so it only requires the key term.
 * - `!=`, `>` and `<` require nothing: they cannot rule a block out.
 *
 * Ingest runs this for every record (~2 µs for five attributes), so it scans the canonical JSON text
 * with one regex and hashes the key and value substrings without building term strings.
 */
import type { AttributeFilter } from '@/lib/attribute-filter';

/** A key alone (`value` null: the key term) or a key with its value's text (the value term). */
export interface AttributeTerm {
  key: string;
  value: string | null;
}

/**
 * One KeyValue of canonical OTLP/JSON (server/ingest/otlp/common/any-value.ts writes it): the key,
 * then optionally a value whose text is predictable (see the module comment). Nested kvlist entries
 * match too: they only add terms. Inside a JSON string every `"` is escaped, so string contents can
 * never be mistaken for an entry.
 */
const ENTRY = /"key":"((?:[^"\\]|\\.)*)","value":\{(?:"(?:stringValue|intValue)":"((?:[^"\\]|\\.)*)"|"boolValue":(true|false)|"doubleValue":(-?\d+)[,}])?/g;

/** The text of a JSON string literal's contents (without its quotes). */
const unescape = (contents: string): string => (contents.includes('\\') ? (JSON.parse(`"${contents}"`) as string) : contents);

/**
 * Calls `emit` once per attribute entry of a canonical OTLP/JSON KeyValue list with its key and, when
 * predictable, its value text: the entry's key term, plus its value term when `value` is not null.
 */
export function forEachAttributeEntry(attributesJson: string, emit: (key: string, value: string | null) => void): void {
  if (attributesJson.length <= 2) return; // "[]"
  ENTRY.lastIndex = 0;
  for (let m = ENTRY.exec(attributesJson); m !== null; m = ENTRY.exec(attributesJson)) {
    const value = m[2] !== undefined ? unescape(m[2]) : m[3] ?? m[4] ?? null;
    emit(unescape(m[1]), value);
  }
}

const FLOAT_LIKE = /^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/;
const NON_FINITE = /^[-+]?(inf|infinity|nan)$/i;

/** The term a record matching `f` on its own attributes must carry, or null when `f` cannot skip blocks. */
export function requiredTerm(f: AttributeFilter): AttributeTerm | null {
  if (f.op === 'exists') return { key: f.key, value: null };
  if (f.op !== '=') return null;
  const floatLike = FLOAT_LIKE.test(f.value) && /[.eE]/.test(f.value);
  return { key: f.key, value: floatLike || NON_FINITE.test(f.value) ? null : f.value };
}

/**
 * cyrb53 (a public-domain 53-bit string hash) over the key's UTF-16 code units, a marker, then the
 * value's: two 32-bit multiply-xorshift lanes, returned as one number < 2^53 (high 21 bits from one
 * lane, low 32 from the other). The markers are above 0xFFFF, so no string can imitate them: a key
 * term never hashes like a value term by construction.
 */
export function termHash(key: string, value: string | null = null): number {
  // Two lanes over key, marker, value; the loops are written out (a helper closure costs ~2×).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  const marker = value === null ? 0x10000 : 0x10001;
  h1 = Math.imul(h1 ^ marker, 2654435761);
  h2 = Math.imul(h2 ^ marker, 1597334677);
  if (value !== null) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
