/**
 * The public API: result shapes, range-query rules, errors and their types, limits, and the
 * one-fetch-per-selector contract with the SeriesSource.
 */
import { describe, expect, it } from 'vitest';
import { instantQuery, parsePromQL, rangeQuery } from '@/server/query/promql/engine';
import { PromQLError, type LabelMatcher, type RawSeries, type SeriesSource } from '@/server/query/promql/types';
import { MemorySource } from './memory-source';

const S = 1000;
const M = 60 * S;

function counterSource(): MemorySource {
  const src = new MemorySource();
  for (const job of ['a', 'b']) {
    const samples: [number, number][] = [];
    for (let t = 0; t <= 60 * M; t += 15 * S) samples.push([t, (t / 1000) * (job === 'a' ? 1 : 2)]);
    src.add({ __name__: 'req_total', job }, samples);
  }
  return src;
}

function catchError(fn: () => unknown): PromQLError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PromQLError);
    return err as PromQLError;
  }
  throw new Error('expected an error');
}

describe('result shapes', () => {
  const src = counterSource();

  it('instant scalar, string and vector', () => {
    expect(instantQuery(src, '1 + 2', 5 * S)).toEqual({ type: 'scalar', value: { t: 5 * S, v: 3 } });
    expect(instantQuery(src, '"hi"', 5 * S)).toEqual({ type: 'string', value: { t: 5 * S, v: 'hi' } });
    const v = instantQuery(src, 'sum by (job) (rate(req_total[5m]))', 30 * M);
    expect(v.type).toBe('vector');
    if (v.type !== 'vector') return;
    const byJob = Object.fromEntries(v.value.map((s) => [s.labels.job, s.sample]));
    expect(byJob.a.t).toBe(30 * M);
    expect(byJob.a.v).toBeCloseTo(1, 12);
    expect(byJob.b.v).toBeCloseTo(2, 12);
  });

  it('instant matrix for a bare range selector or subquery, sorted by labels, with sample timestamps', () => {
    const m = instantQuery(src, 'req_total[30s]', 30 * M);
    expect(m.type).toBe('matrix');
    expect(m.type === 'matrix' && m.value.map((s) => s.labels.job)).toEqual(['a', 'b']);
    expect(m.type === 'matrix' && m.value[0].samples).toEqual([{ t: 30 * M - 15 * S, v: 1785 }, { t: 30 * M, v: 1800 }]);
    const sq = instantQuery(src, 'req_total{job="a"}[2m:1m]', 30 * M + 5 * S);
    expect(sq.type === 'matrix' && sq.value[0].samples).toEqual([{ t: 29 * M, v: 1740 }, { t: 30 * M, v: 1800 }]);
  });

  it('range query: one series per output, samples at each step, sorted by labels', () => {
    const r = rangeQuery(src, 'rate(req_total[1m])', 10 * M, 12 * M, M);
    expect(r.type).toBe('matrix');
    if (r.type !== 'matrix') return;
    expect(r.value.map((s) => s.labels)).toEqual([{ job: 'a' }, { job: 'b' }]);
    expect(r.value[1].samples.map((p) => p.t)).toEqual([10 * M, 11 * M, 12 * M]);
    for (const p of r.value[1].samples) expect(p.v).toBeCloseTo(2, 12);
  });

  it('range query of a scalar: one label-less series', () => {
    expect(rangeQuery(src, 'time() * 2', 0, 2 * S, S)).toEqual({
      type: 'matrix',
      value: [{ labels: {}, samples: [{ t: 0, v: 0 }, { t: S, v: 2 }, { t: 2 * S, v: 4 }] }],
    });
  });

  it('range query steps stop at the last step ≤ end', () => {
    const r = rangeQuery(src, 'vector(1)', 0, 25 * S, 10 * S);
    expect(r.type === 'matrix' && r.value[0].samples.map((p) => p.t)).toEqual([0, 10 * S, 20 * S]);
  });

  it('series that never have a value are left out of range results', () => {
    const r = rangeQuery(src, 'req_total{job="a"} > 3000', 0, 60 * M, 30 * M);
    expect(r.type === 'matrix' && r.value.map((s) => s.samples.map((p) => p.t))).toEqual([[60 * M]]);
  });
});

describe('errors', () => {
  const src = counterSource();

  it('parse errors are bad_data with a position', () => {
    const e = catchError(() => instantQuery(src, 'sum(rate(x[5m])', 0));
    expect(e.errorType).toBe('bad_data');
    expect(e.message).toMatch(/^parse error at char \d+: unclosed left parenthesis$/);
  });

  it('range queries need a scalar or instant vector, a positive step and end ≥ start', () => {
    expect(catchError(() => rangeQuery(src, 'req_total[5m]', 0, 10, 1)).message)
      .toBe('invalid expression type "range vector" for range query, must be Scalar or instant Vector');
    expect(catchError(() => rangeQuery(src, 'req_total', 0, 10, 0)).errorType).toBe('bad_data');
    expect(catchError(() => rangeQuery(src, 'req_total', 10, 0, 1)).errorType).toBe('bad_data');
    expect(catchError(() => rangeQuery(src, 'req_total', 0, 20_000, 1)).message).toMatch(/11,000 points/);
  });

  it('evaluation errors are execution errors with Prometheus wording', () => {
    const dup = new MemorySource().add({ __name__: 'a', x: '1' }, [[0, 1]]).add({ __name__: 'b', x: '1' }, [[0, 2]]);
    const e = catchError(() => instantQuery(dup, '{__name__=~"a|b"} * 2', 0));
    expect(e.errorType).toBe('execution');
    expect(e.message).toBe('vector cannot contain metrics with the same labelset');
  });

  it('the sample limit fails with execution "too many samples"', () => {
    const e = catchError(() => rangeQuery(src, 'req_total', 0, 60 * M, 15 * S, { maxSamples: 100 }));
    expect(e.errorType).toBe('execution');
    expect(e.message).toBe('query processing would load too many samples into memory in query execution');
    expect(() => rangeQuery(src, 'req_total', 0, 60 * M, 15 * S, { maxSamples: 10_000 })).not.toThrow();
  });

  it('a deadline in the past times out', () => {
    const e = catchError(() => rangeQuery(src, 'rate(req_total[5m])', 0, 60 * M, S, { timeoutMs: -1 }));
    expect(e.errorType).toBe('timeout');
  });
});

describe('the SeriesSource contract', () => {
  it('calls select() once per selector, over the whole window (lookback, range and offset included)', () => {
    const calls: { matchers: LabelMatcher[]; start: number; end: number }[] = [];
    const inner = counterSource();
    const spy: SeriesSource = {
      select(matchers, start, end): RawSeries[] {
        calls.push({ matchers, start, end });
        return inner.select(matchers, start, end);
      },
    };
    rangeQuery(spy, 'rate(req_total[5m] offset 1m) / req_total', 10 * M, 20 * M, 15 * S);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ start: 10 * M - 5 * M - M + 1, end: 20 * M - M });
    expect(calls[1]).toMatchObject({ start: 10 * M - 5 * M + 1, end: 20 * M });
  });

  it('a subquery widens the window by its range and offset', () => {
    const calls: [number, number][] = [];
    const inner = counterSource();
    const spy: SeriesSource = { select: (m, s, e) => (calls.push([s, e]), inner.select(m, s, e)) };
    instantQuery(spy, 'max_over_time(rate(req_total[1m])[10m:1m] offset 5m)', 60 * M);
    expect(calls).toEqual([[60 * M - 5 * M - 10 * M - M + 1, 60 * M - 5 * M]]);
  });
});

describe('subquery default step', () => {
  const src = counterSource();

  it('is 1 minute by default, as Prometheus with its default evaluation interval', () => {
    const r = instantQuery(src, 'req_total{job="a"}[5m:]', 30 * M);
    expect(r.type === 'matrix' && r.value[0].samples.map((p) => p.t)).toEqual([26, 27, 28, 29, 30].map((m) => m * M));
  });

  it('can be set with opts.defaultSubqueryStepMs', () => {
    const r = instantQuery(src, 'count_over_time(req_total{job="a"}[5m:])', 30 * M, { defaultSubqueryStepMs: 30 * S });
    expect(r.type === 'vector' && r.value[0].sample.v).toBe(10);
  });
});

describe('parsePromQL', () => {
  it('is exported and returns the typed AST', () => {
    expect(parsePromQL('up')).toMatchObject({ type: 'VectorSelector', name: 'up' });
  });
});
