/**
 * Exemplars from `/api/v1/query_exemplars` placed on the chart: trace/span ids read from their labels,
 * each attached to the query's result series it belongs to (so it takes that series' color).
 */
import type { ExemplarSeries, Labels } from './prom-api';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** Label names are compared without case, `_` or `-`: trace_id, traceId, traceID, trace-id. */
function labelValue(labels: Labels, wanted: string): string | undefined {
  for (const [k, v] of Object.entries(labels)) if (k.toLowerCase().replace(/[-_]/g, '') === wanted) return v;
  return undefined;
}

/** The exemplar's W3C trace id (lowercase hex); 64-bit ids are left-padded as OTel specifies. Null if none. */
export function traceIdFromLabels(labels: Labels): string | null {
  const raw = labelValue(labels, 'traceid')?.trim().toLowerCase();
  if (!raw) return null;
  if (HEX32.test(raw)) return /^0+$/.test(raw) ? null : raw;
  if (HEX16.test(raw)) return /^0+$/.test(raw) ? null : raw.padStart(32, '0');
  return null;
}

export function spanIdFromLabels(labels: Labels): string | null {
  const raw = labelValue(labels, 'spanid')?.trim().toLowerCase();
  return raw && HEX16.test(raw) && !/^0+$/.test(raw) ? raw : null;
}

export interface SeriesRef {
  id: string;
  labels: Labels;
}

/**
 * The result series an exemplar's raw series feeds: every label of the result series must be on the raw
 * series with the same value; the most specific such series wins (a `{}` result matches everything).
 * Null when none matches (e.g. labels rewritten by label_replace).
 */
export function matchSeries(seriesLabels: Labels, candidates: readonly SeriesRef[]): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    const names = Object.keys(c.labels);
    if (names.every((n) => seriesLabels[n] === c.labels[n]) && names.length > bestScore) {
      best = c.id;
      bestScore = names.length;
    }
  }
  return best;
}

export interface ExemplarPoint {
  /** Unique within a chart. */
  key: string;
  traceId: string;
  spanId: string | null;
  /** Epoch ms. */
  t: number;
  value: number;
  queryIndex: number;
  /** The chart series it belongs to, or null. */
  seriesId: string | null;
  /** Thinning group: the series id, or `q<query>` for exemplars without a series. */
  group: string;
  seriesLabels: Labels;
}

/**
 * Exemplars of one query as chart points: only those with a trace id and a finite value, inside
 * [fromMs, toMs]; duplicates (same trace, span and time) once.
 */
export function collectExemplars(
  queryIndex: number, data: readonly ExemplarSeries[], series: readonly SeriesRef[], fromMs: number, toMs: number,
): ExemplarPoint[] {
  const out: ExemplarPoint[] = [];
  const seen = new Set<string>();
  for (const s of data) {
    const seriesId = matchSeries(s.seriesLabels, series);
    for (const e of s.exemplars) {
      const traceId = traceIdFromLabels(e.labels);
      if (!traceId || !Number.isFinite(e.value) || e.t < fromMs || e.t > toMs) continue;
      const spanId = spanIdFromLabels(e.labels);
      const key = `${queryIndex}:${traceId}:${spanId ?? ''}:${e.t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, traceId, spanId, t: e.t, value: e.value, queryIndex, seriesId, group: seriesId ?? `q${queryIndex}`, seriesLabels: s.seriesLabels });
    }
  }
  return out;
}
