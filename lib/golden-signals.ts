/**
 * Golden signals per service from span metrics: the PromQL Home runs (one range query per signal for
 * every service at once) and the pure shaping of their answers into per-service value lists.
 */
export const GOLDEN_SIGNAL_QUERIES = {
  /** Requests per second. */
  rate: 'sum by (service) (rate(traces_spanmetrics_calls_total[1m]))',
  /** Fraction (0..1) of calls with error status; absent when a service had no calls. */
  errors: 'sum by (service) (rate(traces_spanmetrics_calls_total{status_code="STATUS_CODE_ERROR"}[1m])) / sum by (service) (rate(traces_spanmetrics_calls_total[1m]))',
  /** p95 latency in seconds. */
  p95: 'histogram_quantile(0.95, sum by (service, le) (rate(traces_spanmetrics_latency_bucket[1m])))',
} as const;

export type GoldenSignal = keyof typeof GOLDEN_SIGNAL_QUERIES;

interface RangeSeriesLike { labels: Record<string, string>; points: readonly { t: number; v: number }[] }

/** Values of one series, oldest first, NaN/Inf as null. */
export interface SignalSeries { values: (number | null)[]; last: number | null }

/**
 * A range answer → per-service values, keyed by the `service` label. Errors: a service with calls but
 * no error series gets no entry here; callers show 0 % when its rate is known.
 */
export function bySignalService(series: readonly RangeSeriesLike[]): Map<string, SignalSeries> {
  const out = new Map<string, SignalSeries>();
  for (const s of series) {
    const service = s.labels.service;
    if (service === undefined) continue;
    const values = s.points.map((p) => (Number.isFinite(p.v) ? p.v : null));
    let last: number | null = null;
    for (let i = values.length - 1; i >= 0 && last === null; i--) last = values[i];
    out.set(service, { values, last });
  }
  return out;
}

/** `/dashboards/service-overview?var-service=<name>&from=&to=`: a service's overview over the current range. */
export function serviceOverviewHref(service: string, range: { from: string; to: string }): string {
  const params = new URLSearchParams({ 'var-service': service, from: range.from, to: range.to });
  return `/dashboards/service-overview?${params.toString()}`;
}
