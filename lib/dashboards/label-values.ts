/**
 * `label_values(metric, label)` / `label_values(label)` (Grafana's query variable syntax) → the
 * Prometheus API request that answers it: /api/v1/label/<label>/values?match[]=<metric>.
 */
export interface LabelValuesQuery {
  label: string;
  /** A series selector (`metric` or `metric{a="b"}`), or null for every series. */
  match: string | null;
}

const LABEL = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseLabelValuesQuery(text: string): LabelValuesQuery | null {
  const m = /^\s*label_values\s*\(([\s\S]*)\)\s*$/.exec(text);
  if (!m) return null;
  const inner = m[1].trim();
  const comma = inner.lastIndexOf(',');
  const label = (comma < 0 ? inner : inner.slice(comma + 1)).trim();
  const match = comma < 0 ? null : inner.slice(0, comma).trim();
  if (!LABEL.test(label) || match === '') return null;
  return { label, match };
}

/** Path and query of the label-values request (the time range bounds the series considered). */
export function labelValuesUrl(q: LabelValuesQuery, startMs: number, endMs: number): string {
  const params = new URLSearchParams();
  if (q.match) params.append('match[]', q.match);
  params.set('start', String(startMs / 1000));
  params.set('end', String(endMs / 1000));
  return `/api/v1/label/${encodeURIComponent(q.label)}/values?${params.toString()}`;
}
