/**
 * Several queries over the same metric (p50, p95, p99 of one histogram) all return the same exemplars.
 * Drawn once per query they stack on top of each other; keep one per (trace, span, time), on the series
 * whose value at that time is closest to the exemplar's value (a slow exemplar sits with p99).
 */
import type { ExemplarPoint } from './exemplars';
import { nearestRow, type ChartRow } from './series';

export function dedupeExemplars(exemplars: readonly ExemplarPoint[], rows: readonly ChartRow[]): ExemplarPoint[] {
  const best = new Map<string, { e: ExemplarPoint; distance: number }>();
  for (const e of exemplars) {
    const id = `${e.traceId}:${e.spanId ?? ''}:${e.t}`;
    const v = e.seriesId ? nearestRow(rows, e.t)?.[e.seriesId] : null;
    const distance = typeof v === 'number' ? Math.abs(v - e.value) : Number.POSITIVE_INFINITY;
    const seen = best.get(id);
    if (!seen || distance < seen.distance) best.set(id, { e, distance });
  }
  return [...best.values()].map((b) => b.e);
}
