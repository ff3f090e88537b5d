import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PromSampleRow, PromSeriesRow, WriteBatch } from '@/server/store/rows';
import { canonicalLabels } from '@/lib/otel-prometheus-naming';

// A real SQLite file with the real migrations: the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-prom-samples-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter, countItems } = await import('@/server/store/row-writer');
const { promLabelsJson, promSeriesFingerprint } = await import('@/server/store/write-prom-samples');

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const T = 1_800_000_000_000_000_000n;
const series = (name: string, labels: Record<string, string>, over: Partial<PromSeriesRow> = {}): PromSeriesRow => ({
  name, labels, kind: 'gauge', isMonotonic: false, promType: 'gauge', help: '', unit: '', ...over,
});
const sample = (s: PromSeriesRow, time: bigint, value: number, stale = false): PromSampleRow => ({ series: s, timeUnixNano: time, value, stale, exemplar: null });
const batch = (samples: PromSampleRow[]): WriteBatch => ({ promSamples: [{ job: 'node', instance: 'h:9100', samples }] });

function stored(name: string) {
  return getSqlite().prepare(
    `SELECT ms.id, ms.prom_labels, p.value, p.flags, p.time_unix_nano FROM metric_number_points p JOIN metric_series ms ON ms.id = p.series_id
     WHERE ms.prom_name = ? ORDER BY p.time_unix_nano`,
  ).safeIntegers(true).all(name) as { id: bigint; prom_labels: string; value: number | null; flags: bigint; time_unix_nano: bigint }[];
}

describe('scraped samples in the metric tables', () => {
  it('writes canonical labels in the canonicalLabels format', () => {
    const labels = { job: 'node', instance: 'h:9100', a: 'x"y', Z: '\n' };
    expect(promLabelsJson(labels)).toBe(canonicalLabels(labels));
    expect(promLabelsJson({})).toBe('{}');
    expect(promSeriesFingerprint('up', '{}')).toMatch(/^prom:[0-9a-f]{40}$/);
  });

  it('keeps NaN, ±Inf and staleness markers apart', () => {
    const write = createRowWriter(getSqlite());
    const s = series('temp_celsius', { instance: 'h:9100', job: 'node' });
    write([batch([sample(s, T, 21.5)]), batch([sample(s, T + 1n, NaN)]), batch([sample(s, T + 2n, Infinity)]),
      batch([sample(s, T + 3n, -Infinity)]), batch([sample(s, T + 4n, 7, true)])]);
    expect(stored('temp_celsius').map((p) => [p.value, p.flags])).toEqual([[21.5, 0n], [null, 0n], [Infinity, 0n], [-Infinity, 0n], [null, 1n]]);
  });

  it('keeps one series per name and labels whatever HELP or type say, and replaces a re-sent point', () => {
    const write = createRowWriter(getSqlite());
    const labels = { instance: 'h:9100', job: 'node', mode: 'idle' };
    write([batch([sample(series('cpu_seconds_total', labels, { kind: 'sum', isMonotonic: true, promType: 'counter', help: 'CPU.' }), T, 1)])]);
    write([batch([sample(series('cpu_seconds_total', labels, { help: 'changed', promType: 'unknown' }), T, 2)])]);
    write([batch([sample(series('cpu_seconds_total', { ...labels, mode: 'user' }), T, 3)])]);
    const points = stored('cpu_seconds_total');
    expect(points.map((p) => [JSON.parse(p.prom_labels).mode, p.value])).toEqual([['idle', 2], ['user', 3]]);
    const row = getSqlite().prepare(`SELECT kind, temporality, is_monotonic, description, metadata FROM metric_series WHERE id = ?`).get(points[0].id);
    expect(row).toEqual({ kind: 'sum', temporality: 2, is_monotonic: 1, description: 'CPU.', metadata: JSON.stringify([{ key: 'prometheus.type', value: { stringValue: 'counter' } }]) });
  });

  it('never shares a series with OTLP data of the same Prometheus identity', () => {
    const write = createRowWriter(getSqlite());
    const scope = { name: 's', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
    const resource = { serviceName: 'node', attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: 'node' } }, { key: 'service.instance.id', value: { stringValue: 'h:9100' } }]), droppedAttributesCount: 0, schemaUrl: '' };
    write([{ metrics: [{ resource, scope, rows: [{
      series: { name: 'load1', description: '', unit: '', kind: 'gauge', temporality: 0, isMonotonic: false, attributesJson: '[]', metadataJson: '[]' },
      point: { kind: 'number', startTimeUnixNano: 0n, timeUnixNano: T, flags: 0, exemplars: [], value: 1 },
    }] }] }]);
    write([batch([sample(series('load1', { instance: 'h:9100', job: 'node' }), T, 2)])]);
    const rows = getSqlite().prepare(`SELECT fingerprint, prom_labels FROM metric_series WHERE prom_name = 'load1' ORDER BY id`).all() as { fingerprint: string; prom_labels: string }[];
    expect(rows).toHaveLength(2);
    expect(rows[0].fingerprint).not.toMatch(/^prom:/);
    expect(rows[1].fingerprint).toMatch(/^prom:/);
  });

  it('counts scraped samples against the write queue bound', () => {
    const s = series('x', {});
    expect(countItems({ promSamples: [{ job: 'a', instance: 'b', samples: [sample(s, T, 1), sample(s, T + 1n, 2)] }, { job: 'c', instance: 'd', samples: [sample(s, T, 1)] }] })).toBe(3);
  });

  it('stores an exemplar against its sample, not on a staleness marker', () => {
    const write = createRowWriter(getSqlite());
    const s = series('lat_bucket', { instance: 'h:9100', job: 'node', le: '0.1' }, { kind: 'sum', isMonotonic: true, promType: 'histogram' });
    const exemplar = { timeUnixNano: T - 5n, value: 0.05, traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), filteredAttributesJson: '[]' };
    write([batch([{ ...sample(s, T, 1), exemplar }, { ...sample(s, T + 1n, NaN, true), exemplar }])]);
    const rows = getSqlite().prepare(`SELECT point_time_unix_nano, time_unix_nano, value, trace_id, span_id FROM exemplars e
      JOIN metric_series ms ON ms.id = e.series_id WHERE ms.prom_name = 'lat_bucket'`).safeIntegers(true).all();
    expect(rows).toEqual([{ point_time_unix_nano: T, time_unix_nano: T - 5n, value: 0.05, trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) }]);
  });
});
