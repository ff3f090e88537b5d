import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packMetricGroups } from '@/server/store/metric-columns';
import type { MetricRow, MetricSeriesKey, NumberPoint, ResourceRow, ScopeRow } from '@/server/store/rows';

// A real SQLite file with the real migrations: the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-metric-columns-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const scope: ScopeRow = { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource: ResourceRow = {
  serviceName: 'svc', droppedAttributesCount: 0, schemaUrl: '', attributesJson: '[{"key":"service.name","value":{"stringValue":"svc"}}]',
};
const T = 1_800_000_000_000_000_000n; // ns, beyond 2^53
const key = (name: string, series: number): MetricSeriesKey => ({
  name, description: '', unit: '', kind: 'gauge', temporality: 0, isMonotonic: false, metadataJson: '[]',
  attributesJson: `[{"key":"s","value":{"intValue":"${series}"}}]`,
});
const point = (t: bigint, value: number | bigint, flags = 0): NumberPoint => ({ kind: 'number', timeUnixNano: t, startTimeUnixNano: T - 1n, flags, value, exemplars: [] });

interface StoredPoint { attributes: string; time: bigint; start: bigint; flags: bigint; value: number | bigint | null }
function stored(name: string): StoredPoint[] {
  return getSqlite().prepare(
    `SELECT s.attributes AS attributes, p.time_unix_nano AS time, p.start_time_unix_nano AS start, p.flags AS flags, p.value AS value
       FROM metric_number_points p JOIN metric_series s ON s.id = p.series_id WHERE s.name = ? ORDER BY s.attributes, p.time_unix_nano`,
  ).safeIntegers(true).all(name) as StoredPoint[];
}

describe('storing number points from columns', () => {
  it('stores every point of a long metric exactly, multi-row statements and the single-row tail alike', () => {
    // 150 points: two full multi-row statements (64 each) and a tail of 22; ints and doubles mixed.
    const rows: MetricRow[] = Array.from({ length: 150 }, (_, i) => ({
      series: key('long', i % 40),
      point: point(T + BigInt(i), i % 3 === 0 ? BigInt(i) - (1n << 62n) : i + 0.25, i % 2),
    }));
    const groups = packMetricGroups([{ resource, scope, rows }]);
    expect(Array.isArray(groups[0].rows[0].points)).toBe(false); // the column path, not objects
    createRowWriter(getSqlite())([{ metricColumns: groups }]);

    const expected = rows.map((r) => ({
      attributes: r.series.attributesJson,
      time: r.point.timeUnixNano,
      start: T - 1n,
      flags: BigInt(r.point.flags),
      value: (r.point as NumberPoint).value,
    })).sort((a, b) => (a.attributes < b.attributes ? -1 : a.attributes > b.attributes ? 1 : Number(a.time - b.time)));
    const got = stored('long');
    expect(got).toHaveLength(150);
    for (let i = 0; i < got.length; i++) {
      expect(got[i].attributes).toBe(expected[i].attributes);
      expect(got[i].time).toBe(expected[i].time);
      expect(got[i].start).toBe(expected[i].start);
      expect(got[i].flags).toBe(expected[i].flags);
      // Doubles come back as numbers, ints as exact bigints (safeIntegers).
      expect(got[i].value).toBe(expected[i].value);
    }
  });

  it('keeps the last of repeated (series, time) points, within one multi-row statement and across statements', () => {
    // Point 0 repeats at 10 (same statement) and at 100 (a later statement); point 1 repeats at 70.
    const rows: MetricRow[] = Array.from({ length: 130 }, (_, i) => ({ series: key('dup', i), point: point(T, i + 0.5) }));
    rows[10] = { series: key('dup', 0), point: point(T, 1000.5) };
    rows[100] = { series: key('dup', 0), point: point(T, 2000.5) };
    rows[70] = { series: key('dup', 1), point: point(T, 3000.5) };
    createRowWriter(getSqlite())([{ metrics: [{ resource, scope, rows }] }]);
    const byAttributes = new Map(stored('dup').map((p) => [p.attributes, p.value]));
    expect(byAttributes.get(key('dup', 0).attributesJson)).toBe(2000.5);
    expect(byAttributes.get(key('dup', 1).attributesJson)).toBe(3000.5);
    expect(byAttributes.get(key('dup', 2).attributesJson)).toBe(2.5);
    expect(byAttributes.has(key('dup', 10).attributesJson)).toBe(false);
    expect(byAttributes.size).toBe(127);
  });
});
