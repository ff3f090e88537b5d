import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAttributeFilter } from '@/lib/attribute-filter';
import type { LogRow, ResourceRow, ScopeRow } from '@/server/store/rows';

// A real SQLite file with the real migrations (FTS5 table and its delete trigger included): the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-search-logs-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { searchLogs, logVolumeHistogram, logContext } = await import('@/server/query/logs/search-logs');
const { tailStart, tailTick } = await import('@/server/query/logs/tail-logs');

const T0 = 1_800_000_000_000; // epoch ms; in ns beyond 2^53
const ns = (ms: number, extra = 0n) => BigInt(ms) * 1_000_000n + extra;
const scope: ScopeRow = { name: 'test', version: '1', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource = (serviceName: string, region: string): ResourceRow => ({
  serviceName, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: serviceName } }, { key: 'cloud.region', value: { stringValue: region } }]),
});
const TRACE = 'ab'.repeat(16);
function log(msOffset: number, body: string, opts: { sev?: number; attrs?: Record<string, string | number | boolean>; trace?: string; span?: string; extraNs?: bigint } = {}): LogRow {
  const attrs = Object.entries(opts.attrs ?? {}).map(([key, v]) => ({
    key, value: typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v },
  }));
  return {
    timeUnixNano: ns(T0 + msOffset, opts.extraNs ?? 0n), observedTimeUnixNano: ns(T0 + msOffset), severityNumber: opts.sev ?? 9, severityText: '',
    bodyJson: JSON.stringify({ stringValue: body }), bodyText: body, attributesJson: JSON.stringify(attrs), droppedAttributesCount: 0, flags: 0,
    traceId: opts.trace ?? null, spanId: opts.span ?? null, eventName: '',
  };
}
const range = { from: String(T0 - 60_000), to: String(T0 + 3_600_000) };
const bodies = (input: Parameters<typeof searchLogs>[0]) => searchLogs(input, T0).records.map((r) => r.body.text);
const write = (rows: LogRow[], service = 'payment', region = 'eu') => createRowWriter(getSqlite())([{ logs: [{ resource: resource(service, region), scope, rows }] }]);

beforeAll(() => {
  write([
    log(1_000, 'charging card', { attrs: { 'order.id': 'o-1', amount: 10 } }),
    log(2_000, 'payment declined: gateway timeout', { sev: 17, attrs: { 'order.id': 'o-2', duration_ms: 250, retry: true }, trace: TRACE, span: 'cd'.repeat(8) }),
    log(3_000, 'payment declined: insufficient funds', { sev: 13, attrs: { 'order.id': 'o-3', duration_ms: 120 }, trace: TRACE, span: 'ef'.repeat(8) }),
    log(4_000, 'card processor recovered (100% ok)', { sev: 9, extraNs: 123_456n }),
  ]);
  write([log(2_500, 'reserved stock for order', { attrs: { 'order.id': 'o-2' } }), log(5_000, 'stock low', { sev: 13 })], 'inventory', 'us');
});
afterAll(() => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('log search', () => {
  it('lists newest first with exact nanosecond times', () => {
    const page = searchLogs({ ...range }, T0);
    expect(page.records.map((r) => r.body.text)[0]).toBe('stock low');
    expect(page.records.find((r) => r.body.text.startsWith('card processor'))!.timestampUnixNano).toBe(ns(T0 + 4_000, 123_456n));
    expect(page.nextCursor).toBeNull();
  });

  it('indexes each record’s body once, from the writer (no insert trigger left to index it twice)', () => {
    const sqlite = getSqlite();
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'log_records' AND name LIKE '%fts%'").pluck().all()).toEqual(['log_records_fts_ad']);
    const hits = sqlite.prepare("SELECT rowid FROM log_records_fts WHERE log_records_fts MATCH 'insufficient'").pluck().all();
    expect(hits).toHaveLength(1);
    expect(sqlite.prepare("SELECT count(*) FROM log_records_fts WHERE log_records_fts MATCH 'stock'").pluck().get()).toBe(2);
  });

  it('finds words, phrases and prefixes, and excludes terms', () => {
    expect(bodies({ ...range, q: 'declined' })).toEqual(['payment declined: insufficient funds', 'payment declined: gateway timeout']);
    expect(bodies({ ...range, q: '"gateway timeout"' })).toEqual(['payment declined: gateway timeout']);
    expect(bodies({ ...range, q: '"timeout gateway"' })).toEqual([]);
    expect(bodies({ ...range, q: 'insuff*' })).toEqual(['payment declined: insufficient funds']);
    expect(bodies({ ...range, q: 'declined -gateway' })).toEqual(['payment declined: insufficient funds']);
    expect(bodies({ ...range, q: 'stock' })).toEqual(['stock low', 'reserved stock for order']);
  });

  it('does a literal substring search when asked', () => {
    expect(bodies({ ...range, q: '100%', mode: 'substring' })).toEqual(['card processor recovered (100% ok)']);
    expect(bodies({ ...range, q: 'ined: gat', mode: 'substring' })).toEqual(['payment declined: gateway timeout']);
    expect(bodies({ ...range, q: '0%', mode: 'substring' })).toHaveLength(1); // % is not a wildcard
  });

  it('filters by severity levels, service, trace and span', () => {
    expect(bodies({ ...range, severities: ['error'] })).toEqual(['payment declined: gateway timeout']);
    expect(bodies({ ...range, severities: ['error', 'warn'] })).toHaveLength(3);
    expect(bodies({ ...range, service: 'inventory' })).toEqual(['stock low', 'reserved stock for order']);
    expect(bodies({ ...range, traceId: TRACE.toUpperCase() })).toHaveLength(2);
    expect(bodies({ ...range, traceId: TRACE, spanId: 'cd'.repeat(8) })).toEqual(['payment declined: gateway timeout']);
  });

  it('filters by log and resource attributes: =, !=, exists, >, <', () => {
    const attr = (...f: string[]) => bodies({ ...range, attributes: f.map(parseAttributeFilter) });
    expect(attr('order.id=o-2')).toEqual(['reserved stock for order', 'payment declined: gateway timeout']);
    expect(attr('duration_ms > 200')).toEqual(['payment declined: gateway timeout']);
    expect(attr('duration_ms<200')).toEqual(['payment declined: insufficient funds']);
    expect(attr('duration_ms exists', 'order.id!=o-3')).toEqual(['payment declined: gateway timeout']);
    expect(attr('retry=true')).toEqual(['payment declined: gateway timeout']);
    expect(attr('cloud.region=us')).toEqual(['stock low', 'reserved stock for order']);
    expect(attr('cloud.region!=us')).toHaveLength(4);
    expect(attr('amount=10', 'cloud.region=eu')).toEqual(['charging card']);
  });

  it('pages with a keyset cursor without skipping or repeating', () => {
    const seen: string[] = [];
    let cursor = undefined as Parameters<typeof searchLogs>[0]['cursor'];
    for (let i = 0; i < 10; i++) {
      const page = searchLogs({ ...range, limit: 2, cursor }, T0);
      seen.push(...page.records.map((r) => r.body.text));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(bodies({ ...range }));
    expect(seen).toHaveLength(6);
  });

  it('refuses a query with nothing to search', () => {
    expect(() => searchLogs({ ...range, q: '::' }, T0)).toThrow(/no letters or digits/);
  });
});

describe('volume histogram', () => {
  it('counts matching records per bucket and level', () => {
    const h = logVolumeHistogram({ from: String(T0), to: String(T0 + 60_000) }, T0);
    expect(h.bucketMs).toBe(1_000);
    const total = h.counts.reduce((s, c) => s + c.count, 0);
    expect(total).toBe(6);
    expect(h.counts.filter((c) => c.level === 'warn').map((c) => c.bucketStartMs).sort()).toEqual([T0 + 3_000, T0 + 5_000]);
    const errors = logVolumeHistogram({ from: String(T0), to: String(T0 + 60_000), q: 'declined', severities: ['error'] }, T0);
    expect(errors.counts).toEqual([{ bucketStartMs: T0 + 2_000, level: 'error', count: 1 }]);
  });
});

describe('context and tail', () => {
  it('shows the same service just before and after a record', () => {
    const anchor = searchLogs({ ...range, q: 'insufficient' }, T0).records[0];
    const ctx = logContext(anchor.id, 5)!;
    expect(ctx.before.map((r) => r.body.text)).toEqual(['charging card', 'payment declined: gateway timeout']);
    expect(ctx.after.map((r) => r.body.text)).toEqual(['card processor recovered (100% ok)']);
    expect(logContext(999_999, 5)).toBeNull();
  });

  it('tails records that arrive later (even with old timestamps), capped with a skipped count', () => {
    const start = tailStart();
    expect(tailTick({}, start, 10)).toEqual({ records: [], skipped: 0, lastId: start });
    write([log(-3_600_000, 'late error arrives', { sev: 17 }), log(6_000, 'fresh info'), log(7_000, 'another error', { sev: 18 })]);
    const errors = tailTick({ severities: ['error'] }, start, 1);
    expect(errors.records.map((r) => r.body.text)).toEqual(['another error']);
    expect(errors.skipped).toBe(1);
    expect(tailTick({}, errors.lastId, 10).records).toEqual([]);
  });
});
