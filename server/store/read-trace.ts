import type Database from 'better-sqlite3';
import type { ScopedRows, SpanRow } from './rows';
import { getSqlite } from './connection';
import { groupByResourceScope, RESOURCE_SCOPE_COLUMNS, type ResourceScopeColumns } from './group-by-scope';

export interface SpanColumns extends ResourceScopeColumns {
  trace_id: string; span_id: string; parent_span_id: string | null; trace_state: string; flags: bigint;
  name: string; kind: bigint; start_time_unix_nano: bigint; end_time_unix_nano: bigint; status_code: bigint;
  status_message: string; attributes: string; dropped_attributes_count: bigint; events: string;
  dropped_events_count: bigint; links: string; dropped_links_count: bigint;
}

let statement: { db: Database.Database; stmt: Database.Statement } | undefined;

/** All stored spans of a trace, grouped by resource and scope, ordered by start time; [] if unknown. */
export function getTraceSpans(traceId: string): ScopedRows<SpanRow>[] {
  const sqlite = getSqlite();
  if (statement?.db !== sqlite) {
    const stmt = sqlite.prepare(
      `SELECT sp.*, ${RESOURCE_SCOPE_COLUMNS}
       FROM spans sp JOIN resources r ON r.id = sp.resource_id JOIN scopes s ON s.id = sp.scope_id
       WHERE sp.trace_id = ? ORDER BY sp.start_time_unix_nano, sp.span_id`,
    ).safeIntegers(true);
    statement = { db: sqlite, stmt };
  }
  const rows = statement.stmt.all(traceId) as SpanColumns[];
  return groupByResourceScope(rows, toSpanRow);
}

export function toSpanRow(r: SpanColumns): SpanRow {
  return {
    traceId: r.trace_id, spanId: r.span_id, parentSpanId: r.parent_span_id, traceState: r.trace_state,
    flags: Number(r.flags), name: r.name, kind: Number(r.kind),
    startTimeUnixNano: r.start_time_unix_nano, endTimeUnixNano: r.end_time_unix_nano,
    statusCode: Number(r.status_code), statusMessage: r.status_message,
    attributesJson: r.attributes, droppedAttributesCount: Number(r.dropped_attributes_count),
    eventsJson: r.events, droppedEventsCount: Number(r.dropped_events_count),
    linksJson: r.links, droppedLinksCount: Number(r.dropped_links_count),
  };
}
