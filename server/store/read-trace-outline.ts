import type Database from 'better-sqlite3';
import { getSqlite } from './connection';
import { groupByResourceScope, RESOURCE_SCOPE_COLUMNS } from './group-by-scope';
import { toSpanRow, type SpanColumns } from './read-trace';
import type { ResourceRow, ScopeRow, SpanRow } from './rows';

/** The columns the waterfall draws, with times made relative so they fit a JS number exactly. */
export interface SpanOutlineRow {
  span_id: string;
  parent_span_id: string | null;
  name: string;
  service_name: string;
  kind: number;
  status_code: number;
  /** ns since the trace's earliest span start. */
  start_ns: number;
  duration_ns: number;
  /** OTLP/JSON events array ('[]' for most spans). */
  events: string;
}

export interface TraceOutline {
  /** Earliest span start and latest span end, unix ns. */
  startUnixNano: bigint;
  endUnixNano: bigint;
  spans: SpanOutlineRow[];
}

const statements = new WeakMap<Database.Database, { bounds: Database.Statement; spans: Database.Statement; detail: Database.Statement }>();

function prepared(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      bounds: sqlite.prepare('SELECT min(start_time_unix_nano) AS s, max(end_time_unix_nano) AS e FROM spans WHERE trace_id = ?').safeIntegers(true),
      // Plain numbers, not safeIntegers: every value here is below 2^53 once start is made relative.
      spans: sqlite.prepare(
        `SELECT span_id, parent_span_id, name, service_name, kind, status_code, start_time_unix_nano - @start AS start_ns,
           duration_ns, events
         FROM spans WHERE trace_id = @traceId`,
      ),
      detail: sqlite.prepare(
        `SELECT sp.*, ${RESOURCE_SCOPE_COLUMNS}
         FROM spans sp JOIN resources r ON r.id = sp.resource_id JOIN scopes s ON s.id = sp.scope_id
         WHERE sp.trace_id = ? AND sp.span_id = ?`,
      ).safeIntegers(true),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * What the waterfall needs for every span of a trace, and nothing else: attributes, links and
 * resources are fetched per span (getSpanDetail) when one is selected. Null for an unknown trace.
 */
export function getTraceOutline(traceId: string): TraceOutline | null {
  const s = prepared(getSqlite());
  const bounds = s.bounds.get(traceId) as { s: bigint | null; e: bigint | null };
  if (bounds.s === null || bounds.e === null) return null;
  const spans = s.spans.all({ traceId, start: bounds.s }) as SpanOutlineRow[];
  return { startUnixNano: bounds.s, endUnixNano: bounds.e, spans };
}

/** One stored span with its resource and scope; null when not stored. */
export function getSpanDetail(traceId: string, spanId: string): { span: SpanRow; resource: ResourceRow; scope: ScopeRow } | null {
  const row = prepared(getSqlite()).detail.get(traceId, spanId) as SpanColumns | undefined;
  if (!row) return null;
  const [group] = groupByResourceScope([row], toSpanRow);
  return { span: group.rows[0], resource: group.resource, scope: group.scope };
}
