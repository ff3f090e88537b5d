/**
 * Scale: 10,000 series × 240 steps must evaluate quickly, which needs one fetch per selector and
 * pointer-walking over sorted samples rather than per-step searches. Budgets are generous
 * (shared CI machines) but far below what a per-step select() or O(n²) matching would take.
 */
import { describe, expect, it } from 'vitest';
import { rangeQuery } from '@/server/query/promql/engine';
import type { LabelMatcher, RawSeries, SeriesSource } from '@/server/query/promql/types';
import { compileMatchers } from '@/server/query/promql/matchers';

const SERIES = 10_000;
const STEP = 15_000;
const STEPS = 240;
const START = 1_700_000_000_000;
const END = START + (STEPS - 1) * STEP;
/** ~1–2 s on a laptop; an O(series × steps × series) or per-step-fetch regression takes minutes. */
const BUDGET_MS = 15_000;

/** Pre-built series (scrape every 15s over the window plus 10m of history), filtered by matchers only. */
class BigSource implements SeriesSource {
  calls = 0;
  private readonly series: RawSeries[] = [];

  constructor(names: string[]) {
    for (const name of names) {
      for (let i = 0; i < SERIES; i++) {
        const ts: number[] = [];
        const vs: number[] = [];
        for (let t = START - 10 * 60_000; t <= END; t += STEP) {
          ts.push(t);
          vs.push(((t - START) / 1000) * (1 + (i % 7)) + 1e6);
        }
        // Every series is also a bucket of one of 1,000 histograms (10 buckets each).
        const le = i % 10 === 9 ? '+Inf' : String((i % 10) + 1);
        this.series.push({ labels: { __name__: name, instance: `i${Math.floor(i / 10)}`, le, job: `j${Math.floor(i / 10) % 7}` }, ts, vs, staleMarkers: [] });
      }
    }
  }

  select(matchers: LabelMatcher[]): RawSeries[] {
    this.calls++;
    const m = compileMatchers(matchers);
    return this.series.filter((s) => m(s.labels));
  }
}

describe('performance', () => {
  const source = new BigSource(['req_total', 'err_total']);

  it('sum by (job) (rate(x[5m])) over 10k series × 240 steps', () => {
    const t0 = performance.now();
    const r = rangeQuery(source, 'sum by (job) (rate(req_total[5m]))', START, END, STEP);
    const ms = performance.now() - t0;
    expect(r.type === 'matrix' && r.value.length).toBe(7);
    expect(r.type === 'matrix' && r.value[0].samples).toHaveLength(STEPS);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('one-to-one division of two 10k-series vectors × 240 steps', () => {
    const before = source.calls;
    const t0 = performance.now();
    const r = rangeQuery(source, 'rate(err_total[1m]) / rate(req_total[1m])', START, END, STEP);
    const ms = performance.now() - t0;
    expect(r.type === 'matrix' && r.value.length).toBe(SERIES);
    expect(source.calls - before).toBe(2);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('histogram_quantile over 1,000 classic histograms of 10 buckets', () => {
    const t0 = performance.now();
    const r = rangeQuery(source, 'histogram_quantile(0.9, rate(req_total[5m]))', START, END, STEP);
    expect(r.type === 'matrix' && r.value.length).toBe(1000);
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
  });

  it('topk and a set operation over 10k series', () => {
    const t0 = performance.now();
    const r = rangeQuery(source, 'topk(5, req_total) and on() vector(1) > 0', START, END, STEP);
    expect(r.type).toBe('matrix');
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
  });
});
