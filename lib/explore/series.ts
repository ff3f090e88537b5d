/**
 * Query results → the chart's model: one line per series, rows aligned on time, stable colors.
 */
import type { Labels, RangeSeries } from './prom-api';

/** Line colors that stay apart on the dark background; red is left out (it reads as "error"). */
export const SERIES_PALETTE: readonly string[] = [
  '#5794f2', '#73bf69', '#fade2a', '#ff9830', '#b877d9', '#3cc9d6', '#f47fbe', '#b5d334',
  '#c8a36b', '#8ab8ff', '#96d98d', '#ffcb7d', '#ca95e5', '#8ee1e8', '#ffa6b0', '#e0b400',
];

/** Canonical text of a label set: `{a="1", b="2"}` sorted by name (`__name__` included). */
export function seriesKey(labels: Labels): string {
  const parts = Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `{${parts.join(', ')}}`;
}

/** Prometheus-style display name: `metric{a="1", b="2"}`, labels sorted, `{}` for none. */
export function formatSeriesName(labels: Labels): string {
  const name = labels.__name__ ?? '';
  const rest = Object.keys(labels).filter((k) => k !== '__name__').sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  if (rest.length === 0) return name || '{}';
  return `${name}{${rest.join(', ')}}`;
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The same label set gets the same color in every chart and session. */
export function seriesColor(colorKey: string): string {
  return SERIES_PALETTE[fnv1a32(colorKey) % SERIES_PALETTE.length];
}

export interface ChartSeries {
  /** Data key in the chart rows: `q<query>s<series>`. */
  id: string;
  queryIndex: number;
  labels: Labels;
  /** Display name (label set, or the query text for a series without labels). */
  name: string;
  color: string;
}

/** One row per timestamp: `t` in epoch ms, then each series' value (null = gap). */
export type ChartRow = { t: number } & Record<string, number | null>;

export interface QueryRangeResult {
  queryIndex: number;
  expr: string;
  series: readonly RangeSeries[];
}

export interface ChartModel {
  series: ChartSeries[];
  rows: ChartRow[];
  /** Series beyond maxSeries, left out of the chart. */
  omitted: number;
}

/**
 * Merges every query's series on their timestamps (range queries share start and step, so they align).
 * NaN and ±Inf become gaps. Keeps at most `maxSeries` series, in query then result order.
 */
export function buildChartModel(results: readonly QueryRangeResult[], maxSeries = 100): ChartModel {
  const series: ChartSeries[] = [];
  const byTime = new Map<number, ChartRow>();
  let omitted = 0;
  for (const result of results) {
    result.series.forEach((s, index) => {
      if (series.length >= maxSeries) { omitted++; return; }
      const id = `q${result.queryIndex}s${index}`;
      const empty = Object.keys(s.labels).length === 0;
      series.push({
        id, queryIndex: result.queryIndex, labels: s.labels,
        name: empty ? result.expr : formatSeriesName(s.labels),
        color: seriesColor(empty ? result.expr : seriesKey(s.labels)),
      });
      for (const p of s.points) {
        let row = byTime.get(p.t);
        if (!row) { row = { t: p.t } as ChartRow; byTime.set(p.t, row); }
        row[id] = Number.isFinite(p.v) ? p.v : null;
      }
    });
  }
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  for (const row of rows) for (const s of series) if (!(s.id in row)) row[s.id] = null;
  return { series, rows, omitted };
}

/** The row nearest to `t` (rows sorted by t), or null when there are none. */
export function nearestRow(rows: readonly ChartRow[], t: number): ChartRow | null {
  if (rows.length === 0) return null;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].t < t) lo = mid + 1; else hi = mid;
  }
  if (lo > 0 && Math.abs(rows[lo - 1].t - t) <= Math.abs(rows[lo].t - t)) return rows[lo - 1];
  return rows[lo];
}

/**
 * Legend clicks, Grafana-style. A plain click isolates the series (or shows everything again when it is
 * already the only one shown); a modifier click toggles just that series. Returns the new hidden set.
 */
export function legendClick(hidden: ReadonlySet<string>, id: string, allIds: readonly string[], toggle: boolean): Set<string> {
  if (toggle) {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  }
  const onlyThis = !hidden.has(id) && allIds.every((other) => other === id || hidden.has(other));
  return onlyThis ? new Set() : new Set(allIds.filter((other) => other !== id));
}
