import type { AttributeFilter } from '@/lib/attribute-filter';
import { attributeMatch } from './attribute-sql';
import { getSqlite } from './connection';

export type TraceSort = 'newest' | 'oldest' | 'slowest' | 'errors';

/** Span-level criteria: a trace matches when ONE of its spans satisfies all of them (Jaeger semantics). */
export interface SpanCriteria {
  service?: string;
  operation?: string;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  errorsOnly?: boolean;
  attributes: AttributeFilter[];
}

export interface TraceSearchQuery extends SpanCriteria {
  /** Traces whose first span starts in [from, to], unix ns. */
  fromUnixNano: bigint;
  toUnixNano: bigint;
  sort: TraceSort;
  limit: number;
  offset: number;
}

export interface TraceSummary {
  traceId: string;
  startTimeUnixNano: bigint;
  durationNs: bigint;
  spanCount: number;
  errorCount: number;
  rootServiceName: string | null;
  rootSpanName: string | null;
  services: string[];
}

const ORDER: Record<TraceSort, string> = {
  newest: 't.start_time_unix_nano DESC',
  oldest: 't.start_time_unix_nano ASC',
  slowest: 't.duration_ns DESC',
  errors: 't.error_count DESC, t.start_time_unix_nano DESC',
};

function spanConditions(c: SpanCriteria, params: unknown[]): string[] {
  const where: string[] = [];
  if (c.service) { where.push('sp.service_name = ?'); params.push(c.service); }
  if (c.operation) { where.push('sp.name = ?'); params.push(c.operation); }
  if (c.minDurationNs !== undefined) { where.push('sp.duration_ns >= ?'); params.push(c.minDurationNs); }
  if (c.maxDurationNs !== undefined) { where.push('sp.duration_ns <= ?'); params.push(c.maxDurationNs); }
  if (c.errorsOnly) where.push('sp.status_code = 2');
  for (const f of c.attributes) {
    const spanParams: unknown[] = [];
    const onSpan = attributeMatch('sp.attributes', f, spanParams);
    const onResource = attributeMatch('(SELECT r.attributes FROM resources r WHERE r.id = sp.resource_id)', f, spanParams);
    const either = `(${onSpan} OR ${onResource})`;
    where.push(f.op === '!=' ? `NOT ${either}` : either);
    params.push(...spanParams);
  }
  return where;
}

function hasSpanCriteria(c: SpanCriteria): boolean {
  return Boolean(c.service || c.operation || c.minDurationNs !== undefined || c.maxDurationNs !== undefined
    || c.errorsOnly || c.attributes.length > 0);
}

interface SummaryColumns {
  trace_id: string; start_time_unix_nano: bigint; duration_ns: bigint; span_count: bigint; error_count: bigint;
  root_service_name: string | null; root_span_name: string | null; services: string;
}

/**
 * Trace search over trace_summaries (one row per trace, kept at ingest). Span-level criteria become
 * a correlated EXISTS over the trace's spans. Returns one page plus whether more exist.
 */
export function searchTraceSummaries(q: TraceSearchQuery): { traces: TraceSummary[]; hasMore: boolean } {
  const params: unknown[] = [q.fromUnixNano, q.toUnixNano];
  let where = 't.start_time_unix_nano BETWEEN ? AND ?';
  if (hasSpanCriteria(q)) {
    // Cheap necessary conditions on the summary row first: a matching error span means the trace has
    // errors; a span at least this long means the trace is at least this long.
    if (q.errorsOnly) where += ' AND t.error_count > 0';
    if (q.minDurationNs !== undefined) { where += ' AND t.duration_ns >= ?'; params.push(q.minDurationNs); }
    // Then a correlated probe of the trace's own spans (spans_trace_span_uq): SQLite walks traces in
    // the requested order and stops after limit + offset + 1 matches, instead of collecting every
    // matching span in the window first.
    const inner: unknown[] = [];
    const conds = spanConditions(q, inner);
    where += ` AND EXISTS (SELECT 1 FROM spans sp INDEXED BY spans_trace_span_uq WHERE sp.trace_id = t.trace_id AND ${conds.join(' AND ')})`;
    params.push(...inner);
  }
  params.push(q.limit + 1, q.offset);
  const rows = getSqlite().prepare(
    `SELECT t.trace_id, t.start_time_unix_nano, t.duration_ns, t.span_count, t.error_count, t.root_service_name,
       t.root_span_name, t.services
     FROM trace_summaries t WHERE ${where} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`,
  ).safeIntegers(true).all(...params) as SummaryColumns[];
  const traces = rows.slice(0, q.limit).map((r) => ({
    traceId: r.trace_id, startTimeUnixNano: r.start_time_unix_nano, durationNs: r.duration_ns,
    spanCount: Number(r.span_count), errorCount: Number(r.error_count), rootServiceName: r.root_service_name,
    rootSpanName: r.root_span_name, services: JSON.parse(r.services) as string[],
  }));
  return { traces, hasMore: rows.length > q.limit };
}

/** Points for the duration-over-time scatter: the newest `limit` traces in the window matching the criteria. */
export function traceScatter(q: Omit<TraceSearchQuery, 'sort' | 'offset'>): TraceSummary[] {
  return searchTraceSummaries({ ...q, sort: 'newest', offset: 0 }).traces;
}

/** Span names (operations) seen for a service in the window, most frequent first. */
export function listOperations(service: string, fromUnixNano: bigint, toUnixNano: bigint, limit = 200): string[] {
  const rows = getSqlite().prepare(
    `SELECT name FROM spans WHERE service_name = ? AND start_time_unix_nano BETWEEN ? AND ?
     GROUP BY name ORDER BY count(*) DESC LIMIT ?`,
  ).pluck().all(service, fromUnixNano, toUnixNano, limit) as string[];
  return rows;
}
