import { getSqlite } from './connection';

export interface ServiceSummary {
  serviceName: string;
  spanCount: number;
  logCount: number;
  metricPointCount: number;
  lastSeenUnixNano: bigint | null;
}

export interface TimeRangeNs {
  fromUnixNano: bigint;
  toUnixNano: bigint;
}

/**
 * Services seen in the range with their span, log and metric-point counts. Each count is one indexed
 * range scan per signal ((service, time) indexes); metric points are counted via their series' service.
 */
export function listServiceSummaries(range: TimeRangeNs): ServiceSummary[] {
  const sqlite = getSqlite();
  const args = { from: range.fromUnixNano, to: range.toUnixNano };
  const spans = sqlite.prepare(
    `SELECT service_name AS name, COUNT(*) AS n, MAX(start_time_unix_nano) AS last FROM spans
     WHERE start_time_unix_nano BETWEEN @from AND @to GROUP BY service_name`,
  ).safeIntegers(true).all(args) as { name: string; n: bigint; last: bigint }[];
  const logs = sqlite.prepare(
    `SELECT service_name AS name, COUNT(*) AS n, MAX(timestamp_unix_nano) AS last FROM log_records
     WHERE timestamp_unix_nano BETWEEN @from AND @to GROUP BY service_name`,
  ).safeIntegers(true).all(args) as { name: string; n: bigint; last: bigint }[];
  const metrics = sqlite.prepare(
    `SELECT ms.service_name AS name, SUM(c.n) AS n, MAX(c.last) AS last FROM metric_series ms
     JOIN (SELECT series_id, COUNT(*) AS n, MAX(time_unix_nano) AS last FROM (
             SELECT series_id, time_unix_nano FROM metric_number_points WHERE time_unix_nano BETWEEN @from AND @to
             UNION ALL SELECT series_id, time_unix_nano FROM metric_histogram_points WHERE time_unix_nano BETWEEN @from AND @to
             UNION ALL SELECT series_id, time_unix_nano FROM metric_exp_histogram_points WHERE time_unix_nano BETWEEN @from AND @to
             UNION ALL SELECT series_id, time_unix_nano FROM metric_summary_points WHERE time_unix_nano BETWEEN @from AND @to)
           GROUP BY series_id) c ON c.series_id = ms.id
     GROUP BY ms.service_name`,
  ).safeIntegers(true).all(args) as { name: string; n: bigint; last: bigint }[];

  const byName = new Map<string, ServiceSummary>();
  const entry = (name: string) => {
    let s = byName.get(name);
    if (!s) byName.set(name, (s = { serviceName: name, spanCount: 0, logCount: 0, metricPointCount: 0, lastSeenUnixNano: null }));
    return s;
  };
  const seen = (s: ServiceSummary, last: bigint) => {
    if (s.lastSeenUnixNano === null || last > s.lastSeenUnixNano) s.lastSeenUnixNano = last;
  };
  for (const r of spans) { const s = entry(r.name); s.spanCount = Number(r.n); seen(s, r.last); }
  for (const r of logs) { const s = entry(r.name); s.logCount = Number(r.n); seen(s, r.last); }
  for (const r of metrics) { const s = entry(r.name); s.metricPointCount = Number(r.n); seen(s, r.last); }
  return [...byName.values()].sort((a, b) => a.serviceName.localeCompare(b.serviceName));
}
