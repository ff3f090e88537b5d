import { getSqlite } from './connection';

/** Log records per span id of a trace (records without a span id under ''), via log_records_trace_idx. */
export function countLogsBySpan(traceId: string): Map<string, number> {
  const rows = getSqlite().prepare(
    `SELECT coalesce(span_id, '') AS span_id, count(*) AS n FROM log_records WHERE trace_id = ? GROUP BY span_id`,
  ).all(traceId) as { span_id: string; n: number }[];
  return new Map(rows.map((r) => [r.span_id, r.n]));
}
