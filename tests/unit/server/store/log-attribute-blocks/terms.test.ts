import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttributeFilter, type AttributeFilter } from '@/lib/attribute-filter';
import { keyValuesJson } from '@/server/ingest/otlp/common/any-value';
import { attributeMatch, KV_VALUE } from '@/server/store/attribute-sql';
import { forEachAttributeEntry, requiredTerm, termHash, type AttributeTerm } from '@/server/store/log-attribute-blocks/terms';
import { attributes as attributeLists } from '../../ingest/otlp/arbitraries';

// Terms as comparable strings: a key term, or a key with its value.
const keyTerm = (key: string) => JSON.stringify([key]);
const valueTerm = (key: string, value: string) => JSON.stringify([key, value]);
const asString = (t: AttributeTerm) => (t.value === null ? keyTerm(t.key) : valueTerm(t.key, t.value));
function termsOf(json: string): Set<string> {
  const out = new Set<string>();
  forEachAttributeEntry(json, (key, value) => { out.add(keyTerm(key)); if (value !== null) out.add(valueTerm(key, value)); });
  return out;
}
const canonical = (list: unknown) => keyValuesJson(list);

// The reference semantics are SQLite's (attribute-sql.ts), so the property asks SQLite.
const sqlite = new Database(':memory:');
function sqlMatches(json: string, f: AttributeFilter): boolean {
  const params: unknown[] = [];
  const sql = `WITH t(a) AS (SELECT ?) SELECT ${attributeMatch('t.a', f, params)} FROM t`;
  return sqlite.prepare(sql).pluck().get(json, ...params) === 1;
}
/** Each top-level attribute's key and its value as SQL renders it (null for arrays, kvlists, bytes, unset). */
function sqlEntries(json: string): { key: string; text: string | null }[] {
  return sqlite.prepare(`SELECT json_extract(kv.value, '$.key') AS key, CAST(${KV_VALUE} AS TEXT) AS text FROM json_each(?) kv`).all(json) as { key: string; text: string | null }[];
}

describe('attribute terms', () => {
  it('emits a key term per attribute and a value term where the SQL text is predictable', () => {
    const json = canonical([
      { key: 'order.id', value: { stringValue: 'o-42' } },
      { key: 'n', value: { intValue: '-7' } },
      { key: 'ok', value: { boolValue: false } },
      { key: 'whole', value: { doubleValue: 5 } },
      { key: 'ratio', value: { doubleValue: 0.5 } },
      { key: 'huge', value: { doubleValue: 1e21 } },
      { key: 'nan', value: { doubleValue: 'NaN' } },
      { key: 'say "hi"\\', value: { stringValue: 'Zürich "q" \\ \n' } },
      { key: 'nested', value: { kvlistValue: { values: [{ key: 'inner', value: { stringValue: 'x' } }] } } },
      { key: 'empty', value: {} },
    ]);
    const terms = termsOf(json);
    for (const t of [valueTerm('order.id', 'o-42'), valueTerm('n', '-7'), valueTerm('ok', 'false'), valueTerm('whole', '5'),
      keyTerm('ratio'), keyTerm('huge'), keyTerm('nan'), valueTerm('say "hi"\\', 'Zürich "q" \\ \n'), keyTerm('nested'), keyTerm('empty')]) {
      expect(terms).toContain(t);
    }
    expect(terms).not.toContain(valueTerm('ratio', '0.5')); // a fraction's SQL text is not predictable from JSON
    expect(termsOf('[]').size).toBe(0);
  });

  it('says which term a filter needs', () => {
    expect(requiredTerm(parseAttributeFilter('order.id=o-4242'))).toEqual({ key: 'order.id', value: 'o-4242' });
    expect(requiredTerm(parseAttributeFilter('user.id exists'))).toEqual({ key: 'user.id', value: null });
    expect(requiredTerm(parseAttributeFilter('ratio=0.5'))).toEqual({ key: 'ratio', value: null });
    expect(requiredTerm(parseAttributeFilter('v=-Infinity'))).toEqual({ key: 'v', value: null });
    expect(requiredTerm(parseAttributeFilter('status!=500'))).toBeNull();
    expect(requiredTerm(parseAttributeFilter('duration_ms > 200'))).toBeNull();
  });

  it('never misses the term of a filter SQLite says matches (any attribute list)', () => {
    fc.assert(fc.property(attributeLists, fc.string({ maxLength: 6 }), (list, stray) => {
      const json = canonical(list);
      const terms = termsOf(json);
      const filters: AttributeFilter[] = [{ key: stray, op: '=', value: stray }];
      for (const e of sqlEntries(json)) {
        filters.push({ key: e.key, op: 'exists', value: '' });
        if (e.text !== null) filters.push({ key: e.key, op: '=', value: e.text });
      }
      for (const f of filters) {
        const term = asString(requiredTerm(f)!);
        if (sqlMatches(json, f)) expect(terms, `${JSON.stringify(f)} on ${json}`).toContain(term);
      }
    }), { numRuns: 2000 });
  });

  it('hashes to 53 bits, deterministically, keeping key and value apart', () => {
    const h = termHash('order.id', 'o-1');
    expect(h).toBe(termHash('order.id', 'o-1'));
    expect(h).not.toBe(termHash('order.id', 'o-2'));
    expect(termHash('ab', 'c')).not.toBe(termHash('a', 'bc'));
    expect(termHash('a')).not.toBe(termHash('a', ''));
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
  });
});
