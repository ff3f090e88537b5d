/**
 * Instant selector lookback and staleness, range selector boundaries, offset: the edge cases
 * Prometheus 3 defines (left-open windows; a staleness marker hides everything at or before it).
 */
import { describe, expect, it } from 'vitest';
import { instantQuery, rangeQuery } from '@/server/query/promql/engine';
import type { QueryValue } from '@/server/query/promql/types';
import { MemorySource } from './memory-source';
import { promqlScript } from './promqltest';

const S = 1000;
const M = 60 * S;

function values(r: QueryValue): number[] {
  if (r.type !== 'vector') throw new Error(`expected a vector, got ${r.type}`);
  return r.value.map((s) => s.sample.v);
}

describe('lookback', () => {
  const src = new MemorySource().add({ __name__: 'm' }, [[0, 1], [10 * S, 2]]);

  it('returns the last sample within (t - 5m, t], stamped with t', () => {
    const r = instantQuery(src, 'm', 3 * M);
    expect(r).toEqual({ type: 'vector', value: [{ labels: { __name__: 'm' }, sample: { t: 3 * M, v: 2 } }] });
  });

  it('excludes a sample exactly 5m old (left-open) and includes one 5m - 1ms old', () => {
    expect(values(instantQuery(src, 'm', 10 * S + 5 * M))).toEqual([]);
    expect(values(instantQuery(src, 'm', 10 * S + 5 * M - 1))).toEqual([2]);
  });

  it('uses opts.lookbackMs', () => {
    expect(values(instantQuery(src, 'm', 10 * S + 2 * M, { lookbackMs: M }))).toEqual([]);
    expect(values(instantQuery(src, 'm', 10 * S + 50 * S, { lookbackMs: M }))).toEqual([2]);
  });

  it('returns nothing before the first sample', () => {
    expect(values(instantQuery(src, 'm', -1))).toEqual([]);
    expect(values(instantQuery(src, 'm', 0))).toEqual([1]);
  });
});

describe('staleness markers', () => {
  // Samples at 0 and 10s, a marker at 20s, a new sample at 30s.
  const src = new MemorySource().add({ __name__: 'm' }, [[0, 1], [10 * S, 2], [30 * S, 3]], [20 * S]);

  it('hides the series from the marker on, until the next sample', () => {
    expect(values(instantQuery(src, 'm', 19 * S))).toEqual([2]);
    expect(values(instantQuery(src, 'm', 20 * S))).toEqual([]);
    expect(values(instantQuery(src, 'm', 29 * S))).toEqual([]);
    expect(values(instantQuery(src, 'm', 30 * S))).toEqual([3]);
  });

  it('a marker at the same timestamp as a sample hides it', () => {
    const same = new MemorySource().add({ __name__: 'm' }, [[0, 1]], [0]);
    expect(values(instantQuery(same, 'm', 10 * S))).toEqual([]);
  });

  it('range selectors ignore markers and keep the samples around them', () => {
    expect(values(instantQuery(src, 'count_over_time(m[1m])', 30 * S))).toEqual([3]);
    expect(values(instantQuery(src, 'count_over_time(m[10s])', 20 * S))).toEqual([]);
  });

  it('range query: a gap from the marker to the next sample', () => {
    const r = rangeQuery(src, 'm', 0, 40 * S, 10 * S);
    expect(r.type === 'matrix' && r.value[0].samples).toEqual([
      { t: 0, v: 1 }, { t: 10 * S, v: 2 }, { t: 30 * S, v: 3 }, { t: 40 * S, v: 3 },
    ]);
  });
});

describe('range selector boundaries and offset', () => {
  const src = new MemorySource().add({ __name__: 'c' }, [0, 1, 2, 3, 4, 5, 6].map((i) => [i * 10 * S, i * 10] as [number, number]));

  it('is left-open: (t - range, t]', () => {
    const r = instantQuery(src, 'c[20s]', 40 * S);
    expect(r.type === 'matrix' && r.value[0].samples).toEqual([{ t: 30 * S, v: 30 }, { t: 40 * S, v: 40 }]);
  });

  it('offset shifts the window back, negative offset forward', () => {
    expect(values(instantQuery(src, 'c offset 20s', 40 * S))).toEqual([20]);
    expect(values(instantQuery(src, 'c offset -20s', 20 * S))).toEqual([40]);
    const r = instantQuery(src, 'c[20s] offset 20s', 40 * S);
    expect(r.type === 'matrix' && r.value[0].samples.map((p) => p.t)).toEqual([10 * S, 20 * S]);
  });

  it('the @ modifier pins the evaluation time in instant and range queries', () => {
    expect(values(instantQuery(src, 'c @ 20', 60 * S))).toEqual([20]);
    const r = rangeQuery(src, 'c @ end()', 0, 30 * S, 10 * S);
    expect(r.type === 'matrix' && r.value[0].samples.map((p) => p.v)).toEqual([30, 30, 30, 30]);
    const start = rangeQuery(src, 'sum_over_time(c[15s] @ start())', 20 * S, 40 * S, 10 * S);
    expect(start.type === 'matrix' && start.value[0].samples.map((p) => p.v)).toEqual([30, 30, 30]);
  });
});

describe('staleness (staleness.test, Prometheus 3 semantics)', () => {
  promqlScript('staleness', `
load 10s
  metric 0 1 stale 2

eval instant at 10s metric
  {__name__="metric"} 1

eval instant at 20s metric

eval instant at 30s metric
  {__name__="metric"} 2

eval instant at 329s metric
  {__name__="metric"} 2

eval instant at 330s metric

eval instant at 30s count_over_time(metric[1m])
  {} 3

eval instant at 10s count_over_time(metric[1s])
  {} 1

eval instant at 20s count_over_time(metric[1s])

eval instant at 20s count_over_time(metric[10s])

eval instant at 20s count_over_time(metric[20s])
  {} 1

clear

load 10s
  metric 0

eval instant at 299s metric
  {__name__="metric"} 0

eval instant at 300s metric
`);
});

describe('prometheusVersion: 2 (closed windows)', () => {
  const closed = { prometheusVersion: 2 } as const;
  const src = new MemorySource().add({ __name__: 'c' }, [0, 1, 2, 3, 4, 5, 6].map((i) => [i * 10 * S, i * 10] as [number, number]));

  it('includes the sample on the window start of a range selector: [t - range, t]', () => {
    const r = instantQuery(src, 'c[20s]', 40 * S, closed);
    expect(r.type === 'matrix' && r.value[0].samples.map((p) => p.t)).toEqual([20 * S, 30 * S, 40 * S]);
    expect(values(instantQuery(src, 'count_over_time(c[20s])', 40 * S, closed))).toEqual([3]);
    expect(values(instantQuery(src, 'count_over_time(c[20s])', 40 * S))).toEqual([2]);
  });

  it('keeps a sample exactly 5m old in the lookback', () => {
    const one = new MemorySource().add({ __name__: 'm' }, [[10 * S, 2]]);
    expect(values(instantQuery(one, 'm', 10 * S + 5 * M, closed))).toEqual([2]);
    expect(values(instantQuery(one, 'm', 10 * S + 5 * M + 1, closed))).toEqual([]);
  });

  it('starts a subquery on the first aligned step at or after start - range', () => {
    // [30s:10s] at 60s: Prometheus 2 evaluates at 30, 40, 50, 60 s; Prometheus 3 at 40, 50, 60 s.
    expect(values(instantQuery(src, 'count_over_time(c[30s:10s])', 60 * S, closed))).toEqual([4]);
    expect(values(instantQuery(src, 'count_over_time(c[30s:10s])', 60 * S))).toEqual([3]);
  });
});

describe('prometheusVersion: 2 (rate extrapolation order)', () => {
  // A counter born inside the window: 8, 18, 28 at 20, 30, 40 s; increase over [0, 40 s].
  const src = new MemorySource().add({ __name__: 'c' }, [[20 * S, 8], [30 * S, 18], [40 * S, 28]]);

  it('3: the 1.1× threshold first (start 20 s out → half an interval, 5 s), then the zero clamp (8 s): 25', () => {
    expect(values(instantQuery(src, 'increase(c[40s])', 40 * S))).toEqual([25]);
  });

  it('2: the zero clamp first (8 s), then the threshold (8 s < 11 s, kept): 28', () => {
    expect(values(instantQuery(src, 'increase(c[40s])', 40 * S, { prometheusVersion: 2 }))).toEqual([28]);
  });
});
