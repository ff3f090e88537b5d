/**
 * The Prometheus HTTP API as Explore uses it (https://prometheus.io/docs/prometheus/latest/querying/api/):
 * request parameters for `/api/v1/query`, `/api/v1/query_range` and `/api/v1/query_exemplars`, and parsers
 * for their JSON envelopes. Pure: no fetch here; times in and out of this module are epoch milliseconds.
 */
export type Labels = Record<string, string>;

export interface SeriesPoint {
  /** Epoch ms. */
  t: number;
  /** NaN and ±Inf are kept as such; charts turn them into gaps. */
  v: number;
}

export interface RangeSeries {
  labels: Labels;
  points: SeriesPoint[];
}

export type InstantResult =
  | { kind: 'vector'; series: { labels: Labels; t: number; v: number; raw: string }[] }
  | { kind: 'matrix'; series: (RangeSeries & { raw: string[] })[] }
  | { kind: 'scalar' | 'string'; t: number; value: string };

export interface Exemplar {
  labels: Labels;
  value: number;
  /** Epoch ms. */
  t: number;
}

export interface ExemplarSeries {
  seriesLabels: Labels;
  exemplars: Exemplar[];
}

export interface PromResponse<T> {
  data: T;
  warnings: string[];
  infos: string[];
  /** Series left out because they carry native histograms, which these views do not draw. */
  skippedHistograms: number;
}

/** An error answer (`{"status":"error","errorType":…,"error":…}`) or a transport failure. */
export class PromQueryError extends Error {
  override readonly name = 'PromQueryError';
  constructor(readonly errorType: string, message: string, readonly httpStatus?: number) {
    super(message);
  }
}

export const PROM_API = {
  query: '/api/v1/query',
  queryRange: '/api/v1/query_range',
  queryExemplars: '/api/v1/query_exemplars',
} as const;

/** Epoch ms → the API's unix seconds (up to ms precision, no trailing zeros). */
export function toPromTime(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function rangeQueryParams(query: string, startMs: number, endMs: number, stepSeconds: number): URLSearchParams {
  return new URLSearchParams({ query, start: toPromTime(startMs), end: toPromTime(endMs), step: String(stepSeconds) });
}

export function instantQueryParams(query: string, timeMs: number): URLSearchParams {
  return new URLSearchParams({ query, time: toPromTime(timeMs) });
}

export function exemplarQueryParams(query: string, startMs: number, endMs: number): URLSearchParams {
  return new URLSearchParams({ query, start: toPromTime(startMs), end: toPromTime(endMs) });
}

/** A sample value as the API writes it: a decimal string, or "NaN", "+Inf", "-Inf". */
export function parseSampleValue(text: unknown): number {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return Number.NaN;
  const s = text.trim();
  if (s === '+Inf' || s === 'Inf' || s === '+inf' || s === 'inf') return Number.POSITIVE_INFINITY;
  if (s === '-Inf' || s === '-inf') return Number.NEGATIVE_INFINITY;
  if (s === '') return Number.NaN;
  return Number(s);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function labelsOf(v: unknown): Labels {
  const out: Labels = {};
  if (isObject(v)) for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Sample pair `[unixSeconds, "value"]` → ms and number (null if malformed). */
function samplePair(v: unknown): { t: number; v: number; raw: string } | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const t = Number(v[0]);
  if (!Number.isFinite(t)) return null;
  return { t: Math.round(t * 1000), v: parseSampleValue(v[1]), raw: String(v[1]) };
}

/**
 * The envelope of any answer. `httpStatus` and the body's text come from fetch; Prometheus answers errors
 * with 400/422/503 and a JSON body, anything else without JSON is a transport error.
 */
export function parseEnvelope(httpStatus: number, bodyText: string): { data: unknown; warnings: string[]; infos: string[] } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    const snippet = bodyText.trim().slice(0, 200);
    throw new PromQueryError('http', `HTTP ${httpStatus}${snippet ? `: ${snippet}` : ''}`, httpStatus);
  }
  if (!isObject(body)) throw new PromQueryError('bad_response', 'The answer is not a JSON object.', httpStatus);
  if (body.status === 'error') {
    const errorType = typeof body.errorType === 'string' && body.errorType ? body.errorType : 'error';
    const message = typeof body.error === 'string' && body.error ? body.error : `HTTP ${httpStatus}`;
    throw new PromQueryError(errorType, message, httpStatus);
  }
  if (httpStatus >= 400 || body.status !== 'success') {
    throw new PromQueryError('http', `HTTP ${httpStatus}: unexpected answer`, httpStatus);
  }
  return { data: body.data, warnings: strings(body.warnings), infos: strings(body.infos) };
}

function matrixOf(result: unknown): { series: (RangeSeries & { raw: string[] })[]; skipped: number } {
  const series: (RangeSeries & { raw: string[] })[] = [];
  let skipped = 0;
  for (const item of Array.isArray(result) ? result : []) {
    if (!isObject(item)) continue;
    if (!Array.isArray(item.values)) {
      if (Array.isArray(item.histograms)) skipped++;
      continue;
    }
    const points: SeriesPoint[] = [];
    const raw: string[] = [];
    for (const pair of item.values) {
      const p = samplePair(pair);
      if (p) { points.push({ t: p.t, v: p.v }); raw.push(p.raw); }
    }
    if (Array.isArray(item.histograms)) skipped++;
    series.push({ labels: labelsOf(item.metric), points, raw });
  }
  return { series, skipped };
}

/** `/api/v1/query_range` → one series per label set. */
export function parseRangeResponse(httpStatus: number, bodyText: string): PromResponse<RangeSeries[]> {
  const { data, warnings, infos } = parseEnvelope(httpStatus, bodyText);
  if (!isObject(data) || data.resultType !== 'matrix') {
    throw new PromQueryError('bad_response', `Expected a matrix from query_range, got ${isObject(data) ? String(data.resultType) : 'nothing'}.`, httpStatus);
  }
  const { series, skipped } = matrixOf(data.result);
  return { data: series.map(({ labels, points }) => ({ labels, points })), warnings, infos, skippedHistograms: skipped };
}

/** `/api/v1/query` → vector, matrix (range selectors), scalar or string. */
export function parseInstantResponse(httpStatus: number, bodyText: string): PromResponse<InstantResult> {
  const { data, warnings, infos } = parseEnvelope(httpStatus, bodyText);
  if (!isObject(data)) throw new PromQueryError('bad_response', 'The answer has no data.', httpStatus);
  const base = { warnings, infos };
  switch (data.resultType) {
    case 'vector': {
      const series: { labels: Labels; t: number; v: number; raw: string }[] = [];
      let skipped = 0;
      for (const item of Array.isArray(data.result) ? data.result : []) {
        if (!isObject(item)) continue;
        const p = samplePair(item.value);
        if (!p) { if (item.histogram !== undefined) skipped++; continue; }
        series.push({ labels: labelsOf(item.metric), ...p });
      }
      return { ...base, data: { kind: 'vector', series }, skippedHistograms: skipped };
    }
    case 'matrix': {
      const { series, skipped } = matrixOf(data.result);
      return { ...base, data: { kind: 'matrix', series }, skippedHistograms: skipped };
    }
    case 'scalar':
    case 'string': {
      const p = samplePair(data.result);
      if (!p) throw new PromQueryError('bad_response', `Malformed ${data.resultType} result.`, httpStatus);
      return { ...base, data: { kind: data.resultType, t: p.t, value: p.raw }, skippedHistograms: 0 };
    }
    default:
      throw new PromQueryError('bad_response', `Unknown result type ${String(data.resultType)}.`, httpStatus);
  }
}

/** `/api/v1/query_exemplars` → exemplars grouped by the raw series they were recorded on. */
export function parseExemplarsResponse(httpStatus: number, bodyText: string): PromResponse<ExemplarSeries[]> {
  const { data, warnings, infos } = parseEnvelope(httpStatus, bodyText);
  const out: ExemplarSeries[] = [];
  for (const item of Array.isArray(data) ? data : []) {
    if (!isObject(item)) continue;
    const exemplars: Exemplar[] = [];
    for (const e of Array.isArray(item.exemplars) ? item.exemplars : []) {
      if (!isObject(e)) continue;
      const seconds = Number(e.timestamp);
      if (!Number.isFinite(seconds)) continue;
      exemplars.push({ labels: labelsOf(e.labels), value: parseSampleValue(e.value), t: Math.round(seconds * 1000) });
    }
    out.push({ seriesLabels: labelsOf(item.seriesLabels), exemplars });
  }
  return { data: out, warnings, infos, skippedHistograms: 0 };
}
