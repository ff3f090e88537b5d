import { describe, expect, it } from 'vitest';
import { collectExemplars, matchSeries, spanIdFromLabels, traceIdFromLabels } from '@/lib/explore/exemplars';
import type { ExemplarSeries } from '@/lib/explore/prom-api';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('exemplar labels', () => {
  it('reads trace and span ids under the usual label names', () => {
    expect(traceIdFromLabels({ trace_id: TRACE })).toBe(TRACE);
    expect(traceIdFromLabels({ traceID: TRACE.toUpperCase() })).toBe(TRACE);
    expect(traceIdFromLabels({ 'trace-id': 'a3ce929d0e0e4736' })).toBe('0000000000000000a3ce929d0e0e4736');
    expect(traceIdFromLabels({ trace_id: 'nope' })).toBeNull();
    expect(traceIdFromLabels({ trace_id: '0'.repeat(32) })).toBeNull();
    expect(traceIdFromLabels({})).toBeNull();
    expect(spanIdFromLabels({ span_id: SPAN })).toBe(SPAN);
    expect(spanIdFromLabels({ spanId: 'short' })).toBeNull();
  });
});

describe('matching exemplars to series', () => {
  const raw = { __name__: 'lat_bucket', service: 'payment', span_name: 'POST /charge', le: '0.5' };
  it('picks the most specific result series whose labels the raw series carries', () => {
    expect(matchSeries(raw, [{ id: 'all', labels: {} }, { id: 'pay', labels: { service: 'payment' } }, { id: 'cart', labels: { service: 'cart' } }])).toBe('pay');
    expect(matchSeries(raw, [{ id: 'all', labels: {} }])).toBe('all');
    expect(matchSeries(raw, [{ id: 'cart', labels: { service: 'cart' } }])).toBeNull();
  });

  it('collects exemplars with trace ids inside the range, once each', () => {
    const data: ExemplarSeries[] = [{ seriesLabels: raw, exemplars: [
      { labels: { trace_id: TRACE, span_id: SPAN }, value: 1.2, t: 5000 },
      { labels: { trace_id: TRACE, span_id: SPAN }, value: 1.2, t: 5000 },
      { labels: { trace_id: TRACE }, value: NaN, t: 5000 },
      { labels: {}, value: 1, t: 5000 },
      { labels: { trace_id: TRACE }, value: 1, t: 99_999 },
    ] }];
    const points = collectExemplars(1, data, [{ id: 'q1s0', labels: { service: 'payment' } }], 0, 10_000);
    expect(points).toEqual([{
      key: `1:${TRACE}:${SPAN}:5000`, traceId: TRACE, spanId: SPAN, t: 5000, value: 1.2, queryIndex: 1,
      seriesId: 'q1s0', group: 'q1s0', seriesLabels: raw,
    }]);
    expect(collectExemplars(2, data, [], 0, 10_000)[0].group).toBe('q2');
  });
});
