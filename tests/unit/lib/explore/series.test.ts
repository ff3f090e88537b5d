import { describe, expect, it } from 'vitest';
import { SERIES_PALETTE, buildChartModel, formatSeriesName, nearestRow, seriesColor, seriesKey } from '@/lib/explore/series';

describe('series', () => {
  it('names a label set like Prometheus, sorted', () => {
    expect(formatSeriesName({ __name__: 'up', job: 'b', instance: 'a' })).toBe('up{instance="a", job="b"}');
    expect(formatSeriesName({ service: 'payment' })).toBe('{service="payment"}');
    expect(formatSeriesName({ __name__: 'up' })).toBe('up');
    expect(formatSeriesName({})).toBe('{}');
  });

  it('gives a label set the same key and color whatever the label order', () => {
    expect(seriesKey({ b: '2', a: '1' })).toBe(seriesKey({ a: '1', b: '2' }));
    expect(seriesColor(seriesKey({ b: '2', a: '1' }))).toBe(seriesColor(seriesKey({ a: '1', b: '2' })));
    expect(SERIES_PALETTE).toContain(seriesColor('anything'));
  });

  it('merges series of several queries into rows on their timestamps, with gaps', () => {
    const model = buildChartModel([
      { queryIndex: 0, expr: 'sum(rate(a[1m]))', series: [{ labels: {}, points: [{ t: 1000, v: 1 }, { t: 2000, v: NaN }, { t: 3000, v: 3 }] }] },
      { queryIndex: 1, expr: 'b', series: [{ labels: { __name__: 'b', job: 'x' }, points: [{ t: 2000, v: 20 }, { t: 4000, v: Infinity }] }] },
    ]);
    expect(model.series.map((s) => [s.id, s.name])).toEqual([['q0s0', 'sum(rate(a[1m]))'], ['q1s0', 'b{job="x"}']]);
    expect(model.series[0].color).toBe(seriesColor('sum(rate(a[1m]))'));
    expect(model.rows).toEqual([
      { t: 1000, q0s0: 1, q1s0: null },
      { t: 2000, q0s0: null, q1s0: 20 },
      { t: 3000, q0s0: 3, q1s0: null },
      { t: 4000, q0s0: null, q1s0: null },
    ]);
    expect(model.omitted).toBe(0);
  });

  it('caps the number of series', () => {
    const series = Array.from({ length: 5 }, (_, i) => ({ labels: { i: String(i) }, points: [{ t: 0, v: i }] }));
    const model = buildChartModel([{ queryIndex: 0, expr: 'x', series }], 3);
    expect(model.series).toHaveLength(3);
    expect(model.omitted).toBe(2);
  });

  it('finds the nearest row', () => {
    const rows = [{ t: 0 }, { t: 10 }, { t: 20 }] as never[];
    expect(nearestRow(rows, 4)).toEqual({ t: 0 });
    expect(nearestRow(rows, 6)).toEqual({ t: 10 });
    expect(nearestRow(rows, 99)).toEqual({ t: 20 });
    expect(nearestRow([], 1)).toBeNull();
  });
});
