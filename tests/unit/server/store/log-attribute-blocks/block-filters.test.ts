import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAttributeFilter } from '@/lib/attribute-filter';
import type { LogRow, ResourceRow, ScopeRow } from '@/server/store/rows';
import { bloomMayContain } from '@/server/store/log-attribute-blocks/bloom';
import { BLOCK_SIZE, blockOf } from '@/server/store/log-attribute-blocks/block-size';
import { candidateIdRanges } from '@/server/store/log-attribute-blocks/candidate-blocks';
import { forEachAttributeEntry, requiredTerm, termHash } from '@/server/store/log-attribute-blocks/terms';

// A real SQLite file with the real migrations, written through the real row writer.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-attribute-blocks-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { searchLogRecords } = await import('@/server/store/search-logs');

const T0 = 1_800_000_000_000n * 1_000_000n; // ns, beyond 2^53
const scope: ScopeRow = { name: 'test', version: '1', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource: ResourceRow = {
  serviceName: 'payment', droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: 'payment' } }]),
};
let committed = 0;
function record(orderId: string, n: number): LogRow {
  const attrs: unknown[] = [{ key: 'order.id', value: { stringValue: orderId } }, { key: 'attempt', value: { intValue: String(n % 3) } }];
  if (n % 400 === 7) attrs.push({ key: 'rare.flag', value: { boolValue: true } });
  const t = T0 + BigInt(n) * 1_000_000n;
  return {
    timeUnixNano: t, observedTimeUnixNano: t, severityNumber: 9, severityText: '', bodyJson: '{"stringValue":"x"}', bodyText: 'x',
    attributesJson: JSON.stringify(attrs), droppedAttributesCount: 0, flags: 0, traceId: null, spanId: null, eventName: '',
  };
}
const good = (count: number) => Array.from({ length: count }, () => { const n = committed++; return record(`o-${n}`, n); });
const batch = (rows: LogRow[]) => [{ logs: [{ resource, scope, rows }] }];
const ALL = { fromUnixNano: T0 - 1n, toUnixNano: T0 + 10_000_000_000n, severityRanges: [] as [number, number][] };

beforeAll(() => {
  createRowWriter(getSqlite())(batch(good(700))); // writer A: block 0 complete, block 1 half full
  const writerB = createRowWriter(getSqlite()); // a restart: B must read block 1's first half back
  writerB(batch(good(300)));
  // A transaction that fails after crossing into block 2: its filter of block 1 rolls back, ids are reused.
  const doomed = [...Array.from({ length: 100 }, (_, i) => record(`lost-${i}`, i)), { ...record('bad', 0), bodyText: null as unknown as string }];
  expect(() => writerB(batch(doomed))).toThrow();
  writerB(batch(good(1600)));
});
afterAll(() => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('attribute block filters', () => {
  it('cover every record of every complete block, across a restart and a rolled-back transaction', () => {
    const sqlite = getSqlite();
    const maxId = sqlite.prepare('SELECT max(id) FROM log_records').pluck().get() as number;
    expect(maxId).toBe(2600);
    const filters = sqlite.prepare('SELECT block, bloom FROM log_attribute_blooms ORDER BY block').all() as { block: number; bloom: Buffer }[];
    // Every block before the one being filled has its filter; the open one has none.
    expect(filters.map((f) => f.block)).toEqual(Array.from({ length: blockOf(maxId) }, (_, i) => i));
    const bloomOf = new Map(filters.map((f) => [f.block, f.bloom]));
    let checked = 0;
    for (const r of sqlite.prepare('SELECT id, attributes FROM log_records').iterate() as Iterable<{ id: number; attributes: string }>) {
      const bloom = bloomOf.get(blockOf(r.id));
      if (!bloom) continue;
      forEachAttributeEntry(r.attributes, (key, value) => {
        for (const hash of value === null ? [termHash(key)] : [termHash(key), termHash(key, value)]) {
          checked++;
          expect(bloomMayContain(bloom, hash, blockOf(r.id)), `record ${r.id}: ${key}=${value}`).toBe(true);
        }
      });
    }
    expect(checked).toBeGreaterThan(2000 * 4);
  });

  it('narrow a rare value to its own block (plus the open one) and find exactly its record', () => {
    for (const n of [0, 511, 512, 699, 700, 1000, 1023, 1024, 1500, 2599]) {
      const f = parseAttributeFilter(`order.id=o-${n}`);
      const ranges = candidateIdRanges(getSqlite(), [requiredTerm(f)!], ALL.fromUnixNano, ALL.toUnixNano)!;
      const blocks = ranges.reduce((sum, [first, last]) => sum + (last - first + 1) / BLOCK_SIZE, 0);
      expect(blocks).toBeLessThanOrEqual(3);
      const found = searchLogRecords({ ...ALL, attributes: [f] }, 10).records;
      expect(found.map((r) => r.id)).toEqual([n + 1]);
    }
    expect(searchLogRecords({ ...ALL, attributes: [parseAttributeFilter('order.id=lost-5')] }, 10).records).toEqual([]);
  });

  it('give the same answers as scanning everything', () => {
    const page = (text: string[]) => searchLogRecords({ ...ALL, attributes: text.map(parseAttributeFilter) }, 5000).records.map((r) => r.id);
    expect(page(['rare.flag exists'])).toHaveLength(7); // n % 400 === 7 for n < 2600
    expect(page(['rare.flag=true', 'attempt=1'])).toEqual(page(['rare.flag exists']).filter((id) => (id - 1) % 3 === 1));
    // A resource attribute matches every record: the filters cannot narrow it, and must not try.
    expect(page(['service.name=payment'])).toHaveLength(2600);
    expect(page(['order.id=o-100', 'service.name=payment'])).toEqual([101]);
  });

  it('read nothing when the time range misses the block holding the value', () => {
    const f = parseAttributeFilter('order.id=o-10');
    const ranges = candidateIdRanges(getSqlite(), [requiredTerm(f)!], T0 + 5_000_000_000n, T0 + 6_000_000_000n)!;
    expect(ranges.some(([first, last]) => first <= 11 && 11 <= last)).toBe(false);
  });
});
