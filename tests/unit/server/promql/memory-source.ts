/**
 * An in-memory SeriesSource for tests, honouring the contract of the SQLite one: every series
 * matching all matchers with a sample or staleness marker in [start, end], restricted to it.
 * It also counts select() calls so tests can assert one fetch per selector.
 */
import type { Labels, LabelMatcher, RawSeries, SeriesSource } from '@/server/query/promql/types';
import { compileMatchers } from '@/server/query/promql/matchers';
import { labelsKey } from '@/server/query/promql/labels';

export class MemorySource implements SeriesSource {
  private readonly series = new Map<string, RawSeries>();
  selectCalls = 0;

  /** Adds samples ([t, v] in ms) and staleness markers to the series with these labels. */
  add(labels: Labels, samples: [number, number][], staleMarkers: number[] = []): this {
    const key = labelsKey(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, ts: [], vs: [], staleMarkers: [] };
      this.series.set(key, s);
    }
    const byTime = new Map(s.ts.map((t, i) => [t, s!.vs[i]]));
    for (const [t, v] of samples) byTime.set(t, v);
    const sorted = [...byTime].sort((a, b) => a[0] - b[0]);
    s.ts = sorted.map(([t]) => t);
    s.vs = sorted.map(([, v]) => v);
    s.staleMarkers = [...new Set([...s.staleMarkers, ...staleMarkers])].sort((a, b) => a - b);
    return this;
  }

  clear(): void {
    this.series.clear();
  }

  select(matchers: LabelMatcher[], startMs: number, endMs: number): RawSeries[] {
    this.selectCalls++;
    const match = compileMatchers(matchers);
    const out: RawSeries[] = [];
    for (const s of this.series.values()) {
      if (!match(s.labels)) continue;
      const keep = s.ts.map((t, i) => i).filter((i) => s.ts[i] >= startMs && s.ts[i] <= endMs);
      const staleMarkers = s.staleMarkers.filter((t) => t >= startMs && t <= endMs);
      if (keep.length || staleMarkers.length) {
        out.push({ labels: s.labels, ts: keep.map((i) => s.ts[i]), vs: keep.map((i) => s.vs[i]), staleMarkers });
      }
    }
    return out;
  }
}
