import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packMetricRows, pointCount, unpackMetricColumns } from '@/server/store/metric-columns';
import type { MetricPoint, MetricRow, MetricSeriesKey, NumberPoint } from '@/server/store/rows';

const key = (name: string, attributesJson: string, extra: Partial<MetricSeriesKey> = {}): MetricSeriesKey => ({
  name, description: '', unit: 'By', kind: 'gauge', temporality: 0, isMonotonic: false, attributesJson, metadataJson: '[]', ...extra,
});
const num = (t: bigint, value: number | bigint, extra: Partial<NumberPoint> = {}): NumberPoint => ({
  kind: 'number', timeUnixNano: t, startTimeUnixNano: 0n, flags: 0, value, exemplars: [], ...extra,
});
const row = (series: MetricSeriesKey, point: MetricPoint): MetricRow => ({ series, point });

const U64_MAX = (1n << 64n) - 1n;

describe('metric rows as columns', () => {
  it('groups consecutive points of one metric, keeps their order, and reads back exactly', () => {
    const rows = [
      row(key('a', '[1]'), num(1_700_000_000_123_456_789n, 1.5)),
      row(key('a', '[2]'), num(U64_MAX, -(1n << 63n))),
      row(key('b', '[1]'), num(3n, Number.NaN, { flags: 1 })),
      row(key('a', '[1]'), num(4n, -0)),
    ];
    const columns = packMetricRows(rows);
    expect(columns.map((c) => [c.metric.name, pointCount(c)])).toEqual([['a', 2], ['b', 1], ['a', 1]]);
    expect(columns.every((c) => !Array.isArray(c.points))).toBe(true);
    expect(unpackMetricColumns(columns)).toEqual(rows);
  });

  it('splits metrics that differ in any identity field, the description and metadata included', () => {
    const rows = [
      row(key('a', '[]'), num(1n, 1)),
      row(key('a', '[]', { description: 'd' }), num(1n, 1)),
      row(key('a', '[]', { description: 'd', metadataJson: '[{"key":"m","value":{}}]' }), num(1n, 1)),
      row(key('a', '[]', { kind: 'sum', temporality: 2, isMonotonic: true }), num(1n, 1)),
    ];
    expect(packMetricRows(rows)).toHaveLength(4);
  });

  it('keeps a metric’s points as objects when one of them has exemplars, is not a number point, or would not fit the arrays', () => {
    const exemplar = { timeUnixNano: 1n, value: 2, traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), filteredAttributesJson: '[]' };
    const histogram: MetricPoint = {
      kind: 'histogram', timeUnixNano: 2n, startTimeUnixNano: 1n, flags: 0, exemplars: [], count: 3n, sum: 4, min: null, max: null,
      bucketCounts: [1n, 2n], explicitBounds: [1],
    };
    const cases: MetricRow[][] = [
      [row(key('a', '[]'), num(1n, 1)), row(key('a', '[2]'), num(2n, 2, { exemplars: [exemplar] }))],
      [row(key('h', '[]', { kind: 'histogram' }), histogram)],
      [row(key('a', '[]'), num(U64_MAX + 1n, 1))],
      [row(key('a', '[]'), num(1n, 1n << 63n))],
      [row(key('a', '[]'), num(1n, 1, { flags: 2 ** 32 }))],
    ];
    for (const rows of cases) {
      const [columns] = packMetricRows(rows);
      expect(Array.isArray(columns.points)).toBe(true);
      expect(unpackMetricColumns([columns])).toEqual(rows);
    }
  });

  it('round-trips any number points exactly (property)', () => {
    const point = fc.record({
      metric: fc.constantFrom('a', 'b'),
      attributesJson: fc.constantFrom('[]', '[{"key":"k","value":{"stringValue":"v"}}]'),
      time: fc.bigInt({ min: 0n, max: U64_MAX }),
      start: fc.bigInt({ min: 0n, max: U64_MAX }),
      flags: fc.nat({ max: 0xffff_ffff }),
      value: fc.oneof(fc.double(), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })),
    });
    fc.assert(fc.property(fc.array(point, { maxLength: 40 }), (points) => {
      const rows = points.map((p) => row(key(p.metric, p.attributesJson), num(p.time, p.value, { startTimeUnixNano: p.start, flags: p.flags })));
      const columns = packMetricRows(rows);
      expect(columns.reduce((n, c) => n + pointCount(c), 0)).toBe(rows.length);
      expect(unpackMetricColumns(columns)).toEqual(rows);
    }));
  });
});
