import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_LEVELS, severityLevelOf } from '@/lib/log-severity';
import type { LogRow, ResourceRow, ScopeRow } from '@/server/store/rows';

// The histogram's rollup and the windowed full-text search, checked against brute force on a real SQLite file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-log-volume-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { searchLogs, logVolumeHistogram } = await import('@/server/query/logs/search-logs');

const T0 = 1_800_000_000_000; // epoch ms, a whole minute
const scope: ScopeRow = { name: 't', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource = (serviceName: string): ResourceRow => ({ serviceName, droppedAttributesCount: 0, schemaUrl: '', attributesJson: '[]' });
let seed = 3;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

interface Written { ms: number; ns: bigint; service: string; sev: number; body: string; order: number }
const written: Written[] = [];
function row(w: Written): LogRow {
  return { timeUnixNano: w.ns, observedTimeUnixNano: w.ns, severityNumber: w.sev, severityText: '', bodyJson: JSON.stringify({ stringValue: w.body }),
    bodyText: w.body, attributesJson: '[]', droppedAttributesCount: 0, flags: 0, traceId: null, spanId: null, eventName: '' };
}
function write(batch: Written[]) {
  const services = [...new Set(batch.map((w) => w.service))];
  createRowWriter(getSqlite())([{ logs: services.map((s) => ({ resource: resource(s), scope, rows: batch.filter((w) => w.service === s).map(row) })) }]);
  written.push(...batch);
}

beforeAll(() => {
  // 3 h of records at random times (sub-millisecond parts included), two services, all severities.
  for (let b = 0; b < 6; b++) {
    const batch: Written[] = [];
    for (let i = 0; i < 150; i++) {
      const ms = T0 + Math.floor(rand() * 3 * 3_600_000);
      batch.push({ ms, ns: BigInt(ms) * 1_000_000n + BigInt(Math.floor(rand() * 1e6)), service: rand() < 0.5 ? 'a' : 'b',
        sev: Math.floor(rand() * 25), body: `${rand() < 0.6 ? 'bulk' : 'other'} item ${written.length + i}`, order: written.length + i });
    }
    write(batch);
  }
  // A late arrival: written last, with an old timestamp.
  write([{ ms: T0 + 5_000, ns: BigInt(T0 + 5_000) * 1_000_000n, service: 'a', sev: 17, body: 'bulk late arrival', order: written.length }]);
});
afterAll(() => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('volume histogram from the per-minute rollup', () => {
  it.each([
    [T0 + 12_345, T0 + 3 * 3_600_000 - 6_789, undefined, undefined],
    [T0 - 60_000, T0 + 4 * 3_600_000, 'a', ['error', 'unspecified']],
    [T0 + 7_777, T0 + 2.6 * 3_600_000, 'b', ['info']],
  ] as const)('counts exactly what a scan would (%i … %i, %s, %s)', (fromMs, toMs, service, severities) => {
    const h = logVolumeHistogram({ from: String(fromMs), to: String(toMs), service, severities: severities ? [...severities] : undefined }, T0);
    expect(h.bucketMs % 60_000).toBe(0); // the rollup path
    const expected = new Map<string, number>();
    const fromNs = BigInt(fromMs) * 1_000_000n;
    const toNs = BigInt(toMs) * 1_000_000n;
    for (const w of written) {
      if (w.ns < fromNs || w.ns > toNs || (service && w.service !== service)) continue;
      const level = severityLevelOf(w.sev);
      if (severities && !(severities as readonly string[]).includes(level)) continue;
      const bucket = Math.floor(Number(w.ns / 1_000_000n) / h.bucketMs) * h.bucketMs;
      expected.set(`${bucket}:${level}`, (expected.get(`${bucket}:${level}`) ?? 0) + 1);
    }
    const got = new Map(h.counts.map((c) => [`${c.bucketStartMs}:${c.level}`, c.count]));
    expect(got).toEqual(expected);
    expect(SEVERITY_LEVELS).toContain(h.counts[0].level);
  });
});

describe('full-text pages over time windows', () => {
  it('pages through a common word exactly in (time, id) order, late arrivals included', () => {
    const range = { from: String(T0), to: String(T0 + 3 * 3_600_000) };
    const seen: string[] = [];
    let cursor: Parameters<typeof searchLogs>[0]['cursor'];
    for (let i = 0; i < 100; i++) {
      const page = searchLogs({ ...range, q: 'bulk', limit: 25, cursor }, T0);
      seen.push(...page.records.map((r) => r.body.text));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = written.filter((w) => w.body.startsWith('bulk') && w.ns <= BigInt(T0 + 3 * 3_600_000) * 1_000_000n)
      .sort((x, y) => (x.ns === y.ns ? y.order - x.order : x.ns < y.ns ? 1 : -1)).map((w) => w.body);
    expect(seen).toEqual(expected);
    expect(seen).toContain('bulk late arrival');
  });
});
