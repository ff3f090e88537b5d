import { describe, it, expect } from 'vitest';
import { SpanMetricsAggregator } from '@/server/ingest/span-metrics/aggregator';
import type { HistogramPoint, MetricRow, NumberPoint, ScopedRows } from '@/server/store/rows';
import { attributesJsonToTextMap } from '@/lib/otlp-attributes';
import { group, ms, span } from './helpers';

const T0 = 1_800_000_000_000_000_000n;
const SEC = 1_000_000_000n;

interface Flat { service: string; labels: Record<string, string>; row: MetricRow }

function flatten(groups: ScopedRows<MetricRow>[]): Flat[] {
  return groups.flatMap((g) => g.rows.map((row) => ({ service: g.resource.serviceName, labels: attributesJsonToTextMap(row.series.attributesJson), row })));
}

function calls(groups: ScopedRows<MetricRow>[], match: Record<string, string>): bigint | undefined {
  const f = flatten(groups).find((x) => x.row.series.name === 'traces.spanmetrics.calls' && Object.entries(match).every(([k, v]) => x.labels[k] === v));
  return f ? (f.row.point as NumberPoint).value as bigint : undefined;
}

function latency(groups: ScopedRows<MetricRow>[], match: Record<string, string>): HistogramPoint | undefined {
  const f = flatten(groups).find((x) => x.row.series.name === 'traces.spanmetrics.latency' && Object.entries(match).every(([k, v]) => x.labels[k] === v));
  return f?.row.point as HistogramPoint | undefined;
}

describe('SpanMetricsAggregator', () => {
  it('counts calls per (service, span name, kind, status) with Tempo label values', () => {
    const agg = new SpanMetricsAggregator();
    agg.observe([
      group('checkout', [span({ name: 'GET /cart' }), span({ name: 'GET /cart' }), span({ name: 'GET /cart', statusCode: 2 }), span({ name: 'charge', kind: 3, statusCode: 1 })]),
      group('payment', [span({ name: 'GET /cart', kind: 1 })]),
    ], T0);
    const snap = agg.snapshot(T0 + SEC);

    expect(snap.map((g) => g.resource.serviceName)).toEqual(['checkout', 'payment']);
    expect(flatten(snap)).toHaveLength(8); // 4 series × (calls + latency)
    expect(calls(snap, { service: 'checkout', span_name: 'GET /cart', span_kind: 'SPAN_KIND_SERVER', status_code: 'STATUS_CODE_UNSET' })).toBe(2n);
    expect(calls(snap, { service: 'checkout', span_name: 'GET /cart', status_code: 'STATUS_CODE_ERROR' })).toBe(1n);
    expect(calls(snap, { service: 'checkout', span_name: 'charge', span_kind: 'SPAN_KIND_CLIENT', status_code: 'STATUS_CODE_OK' })).toBe(1n);
    expect(calls(snap, { service: 'payment', span_kind: 'SPAN_KIND_INTERNAL' })).toBe(1n);
    for (const f of flatten(snap)) {
      expect(Object.keys(f.labels)).toEqual(['service', 'span_name', 'span_kind', 'status_code']);
      expect(f.labels.service).toBe(f.service);
      expect(f.row.series.temporality).toBe(2);
    }
  });

  it('maps every span kind and status code, unknown enum values to unspecified / unset', () => {
    const agg = new SpanMetricsAggregator();
    agg.observe([group('s', [0, 1, 2, 3, 4, 5, 9].map((kind) => span({ name: 'k', kind })))], T0);
    agg.observe([group('s', [0, 1, 2, 7].map((statusCode) => span({ name: 'c', kind: 2, statusCode })))], T0);
    const snap = agg.snapshot(T0 + SEC);
    const kinds = flatten(snap).filter((f) => f.labels.span_name === 'k' && f.row.point.kind === 'number');
    expect(Object.fromEntries(kinds.map((f) => [f.labels.span_kind, (f.row.point as NumberPoint).value]))).toEqual({
      SPAN_KIND_UNSPECIFIED: 2n, SPAN_KIND_INTERNAL: 1n, SPAN_KIND_SERVER: 1n, SPAN_KIND_CLIENT: 1n, SPAN_KIND_PRODUCER: 1n, SPAN_KIND_CONSUMER: 1n,
    });
    const statuses = flatten(snap).filter((f) => f.labels.span_name === 'c' && f.row.point.kind === 'number');
    expect(Object.fromEntries(statuses.map((f) => [f.labels.status_code, (f.row.point as NumberPoint).value]))).toEqual({
      STATUS_CODE_UNSET: 2n, STATUS_CODE_OK: 1n, STATUS_CODE_ERROR: 1n,
    });
  });

  it('fills the histogram: bucket per duration (edges inclusive), count, sum and min/max in seconds', () => {
    const agg = new SpanMetricsAggregator();
    agg.observe([group('s', [ms(1), ms(2), ms(2) + 1n, ms(100), ms(20_000)].map((durationNs) => span({ durationNs })))], T0);
    const p = latency(agg.snapshot(T0 + SEC), {})!;
    expect(p.explicitBounds).toEqual([0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384]);
    expect(p.bucketCounts).toEqual([2n, 1n, 0n, 0n, 0n, 0n, 1n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n]);
    expect(p.count).toBe(5n);
    expect(p.sum).toBeCloseTo(0.001 + 0.002 + 0.002000001 + 0.1 + 20, 9);
    expect(p.min).toBeCloseTo(0.001, 12);
    expect(p.max).toBe(20);
  });

  it('counts a span with a missing time or ending before it starts as 0 s', () => {
    const agg = new SpanMetricsAggregator();
    const end = T0 - SEC;
    agg.observe([group('s', [span({ startTimeUnixNano: end + 5n, endTimeUnixNano: end }), span({ startTimeUnixNano: 0n, endTimeUnixNano: end })])], T0);
    const p = latency(agg.snapshot(T0 + SEC), {})!;
    expect(p.count).toBe(2n);
    expect(p.sum).toBe(0);
    expect(p.bucketCounts[0]).toBe(2n);
  });

  it('is cumulative across snapshots: start time fixed at first sight, values only grow, idle series still reported', () => {
    const agg = new SpanMetricsAggregator();
    agg.observe([group('s', [span({ name: 'a' }), span({ name: 'a' })])], T0);
    const first = agg.snapshot(T0 + 15n * SEC);
    agg.observe([group('s', [span({ name: 'a' }), span({ name: 'b' })])], T0 + 20n * SEC);
    const second = agg.snapshot(T0 + 30n * SEC);
    const third = agg.snapshot(T0 + 45n * SEC);

    expect(calls(first, { span_name: 'a' })).toBe(2n);
    expect(calls(second, { span_name: 'a' })).toBe(3n);
    expect(calls(second, { span_name: 'b' })).toBe(1n);
    expect(calls(third, { span_name: 'a' })).toBe(3n);
    expect(latency(third, { span_name: 'a' })!.count).toBe(3n);
    for (const snap of [first, second, third]) {
      for (const f of flatten(snap).filter((x) => x.labels.span_name === 'a')) expect(f.row.point.startTimeUnixNano).toBe(T0);
    }
    const b = flatten(second).find((x) => x.labels.span_name === 'b')!;
    expect(b.row.point.startTimeUnixNano).toBe(T0 + 20n * SEC);
    expect(b.row.point.timeUnixNano).toBe(T0 + 30n * SEC);
  });

  it('attaches per bucket the slowest span of the interval as exemplar, and starts afresh after each snapshot', () => {
    const agg = new SpanMetricsAggregator();
    const fast = span({ durationNs: ms(1) });
    const slower = span({ durationNs: ms(1.5) });
    const tie = span({ durationNs: ms(1.5) });
    const mid = span({ durationNs: ms(300) });
    agg.observe([group('s', [fast, slower, tie, mid])], T0);
    const p1 = latency(agg.snapshot(T0 + SEC), {})!;
    expect(p1.exemplars).toEqual([
      { traceId: slower.traceId, spanId: slower.spanId, value: 0.0015, timeUnixNano: slower.endTimeUnixNano, filteredAttributesJson: '[]' },
      { traceId: mid.traceId, spanId: mid.spanId, value: 0.3, timeUnixNano: mid.endTimeUnixNano, filteredAttributesJson: '[]' },
    ]);

    // Nothing observed since: no exemplars, though the point is still written.
    expect(latency(agg.snapshot(T0 + 2n * SEC), {})!.exemplars).toEqual([]);

    // A new interval: even a faster span than last interval's becomes the bucket's exemplar.
    agg.observe([group('s', [fast])], T0 + 3n * SEC);
    const p3 = latency(agg.snapshot(T0 + 4n * SEC), {})!;
    expect(p3.exemplars.map((e) => e.spanId)).toEqual([fast.spanId]);
    expect(p3.count).toBe(5n);
    // The calls counter carries no exemplars.
    expect(flatten(agg.snapshot(T0 + 5n * SEC)).find((f) => f.row.point.kind === 'number')!.row.point.exemplars).toEqual([]);
  });

  it('caps the number of series: spans of new label sets beyond it are dropped and counted, known ones still count', () => {
    const agg = new SpanMetricsAggregator({ maxSeries: 3 });
    agg.observe([group('s', Array.from({ length: 10 }, (_, i) => span({ name: `hostile-${i}` })))], T0);
    agg.observe([group('s', [span({ name: 'hostile-0' }), span({ name: 'hostile-0' })])], T0);
    expect(agg.stats()).toEqual({ activeSeries: 3, droppedSpans: 7 });
    const snap = agg.snapshot(T0 + SEC);
    expect(flatten(snap)).toHaveLength(6);
    expect(calls(snap, { span_name: 'hostile-0' })).toBe(3n);
    expect(calls(snap, { span_name: 'hostile-5' })).toBeUndefined();
  });

  it('forgets series idle longer than the stale duration once flushed, freeing their slot', () => {
    const agg = new SpanMetricsAggregator({ maxSeries: 1, staleAfterNs: 60n * SEC });
    agg.observe([group('s', [span({ name: 'old' })])], T0);
    // Stale by time but never flushed since its last span: reported once more before being forgotten.
    expect(calls(agg.snapshot(T0 + 120n * SEC), { span_name: 'old' })).toBe(1n);
    expect(agg.snapshot(T0 + 121n * SEC)).toEqual([]);
    expect(agg.stats().activeSeries).toBe(0);
    agg.observe([group('s', [span({ name: 'new' })])], T0 + 122n * SEC);
    expect(calls(agg.snapshot(T0 + 123n * SEC), { span_name: 'new' })).toBe(1n);
    expect(agg.stats().droppedSpans).toBe(0);
  });

  it('cuts very long names so a hostile span name cannot hold megabytes per series', () => {
    const agg = new SpanMetricsAggregator();
    agg.observe([group('x'.repeat(5000), [span({ name: 'n'.repeat(1_000_000) })])], T0);
    const [f] = flatten(agg.snapshot(T0 + SEC));
    expect(f.labels.span_name).toHaveLength(1024);
    expect(f.labels.service).toHaveLength(1024);
    expect(f.service).toHaveLength(1024);
  });

  it('skips resources the caller ignores (Sightline\'s own spans)', () => {
    const agg = new SpanMetricsAggregator({ ignoreResource: (r) => r.serviceName === 'sightline' });
    agg.observe([group('sightline', [span()]), group('app', [span()])], T0);
    expect(agg.snapshot(T0 + SEC).map((g) => g.resource.serviceName)).toEqual(['app']);
  });

  it('reports nothing before the first span', () => {
    expect(new SpanMetricsAggregator().snapshot(T0)).toEqual([]);
  });
});
