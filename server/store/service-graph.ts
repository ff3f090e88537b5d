import { getSqlite } from './connection';

/** OTLP span kinds that receive a request: SERVER (2) and CONSUMER (5). */
const ENTRY_KINDS = '2, 5';

export interface ServiceGraphQuery {
  /** Spans that start in [from, to], unix ns. */
  fromUnixNano: bigint;
  toUnixNano: bigint;
  /** Most spans to read. When the range holds more, only the newest are read (see ServiceGraphRows.sampled). */
  maxSpans: number;
}

/** One span whose parent span belongs to another service: one call caller → callee. */
export interface ServiceCallRow {
  caller: string;
  callee: string;
  /** Duration of the child (callee) span, ns. */
  durationNs: number;
  error: boolean;
}

/** One span that receives work for its service: SERVER or CONSUMER kind, or a trace root. */
export interface ServiceEntryRow {
  service: string;
  durationNs: number;
  error: boolean;
}

export interface ServiceGraphRows {
  /**
   * The window actually read, unix ns, both ends inclusive: the query's, or — when `sampled` — a later
   * start that leaves at most maxSpans spans in it.
   */
  scannedFromUnixNano: bigint;
  scannedToUnixNano: bigint;
  sampled: boolean;
  calls: ServiceCallRow[];
  entries: ServiceEntryRow[];
}

type RawRow = [service: string, parentService: string | null, durationNs: number, error: number, entry: number];

/**
 * The raw material of the service map, in one pass over the spans that start in the window.
 *
 * Cost: first an index-only walk of spans_start_idx to find where the newest `maxSpans` spans begin (only
 * when the range holds more; at most maxSpans + 1 index entries). Then one range scan of spans_start_idx
 * over the (possibly narrowed) window, and for each span one probe of the unique (trace_id, span_id) index
 * for its parent. Rows come back only for entry spans and cross-service calls, so the work is bounded by
 * maxSpans whatever the range.
 *
 * Durations are read as JS numbers: exact up to 2^53 ns (104 days), far beyond any real span.
 */
export function readServiceGraph(q: ServiceGraphQuery): ServiceGraphRows {
  const sqlite = getSqlite();
  // The start of the (maxSpans + 1)-th newest span: the window then begins just after it.
  const cutoff = sqlite.prepare(
    `SELECT start_time_unix_nano FROM spans WHERE start_time_unix_nano BETWEEN ? AND ?
     ORDER BY start_time_unix_nano DESC LIMIT 1 OFFSET ?`,
  ).pluck().safeIntegers(true).get(q.fromUnixNano, q.toUnixNano, q.maxSpans) as bigint | undefined;
  const sampled = cutoff !== undefined;
  const from = sampled ? cutoff + 1n : q.fromUnixNano;

  const rows = sqlite.prepare(
    `SELECT c.service_name, p.service_name, c.duration_ns, c.status_code = 2,
       (c.kind IN (${ENTRY_KINDS}) OR c.parent_span_id IS NULL)
     FROM spans c
     LEFT JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
     WHERE c.start_time_unix_nano BETWEEN ? AND ?
       AND (c.kind IN (${ENTRY_KINDS}) OR c.parent_span_id IS NULL OR p.service_name <> c.service_name)`,
  ).raw(true).all(from, q.toUnixNano) as RawRow[];

  const calls: ServiceCallRow[] = [];
  const entries: ServiceEntryRow[] = [];
  for (const [service, parentService, durationNs, error, entry] of rows) {
    if (parentService !== null && parentService !== service) {
      calls.push({ caller: parentService, callee: service, durationNs, error: error === 1 });
    }
    if (entry === 1) entries.push({ service, durationNs, error: error === 1 });
  }
  return { scannedFromUnixNano: from, scannedToUnixNano: q.toUnixNano, sampled, calls, entries };
}
