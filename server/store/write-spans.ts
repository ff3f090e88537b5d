import type Database from 'better-sqlite3';
import type { ScopedRows, SpanRow } from './rows';
import type { ResourceScopeIds } from './resource-ids';
import { createTraceSummaryWriter } from './write-trace-summaries';

/**
 * Inserts spans; a span already stored (same trace and span id: a client retry) is left as it was.
 * Spans actually inserted are folded into trace_summaries in the same transaction.
 */
export function prepareSpanWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO spans (trace_id, span_id, parent_span_id, trace_state, flags, name, kind,
       start_time_unix_nano, end_time_unix_nano, duration_ns, status_code, status_message, service_name,
       resource_id, scope_id, attributes, dropped_attributes_count, events, dropped_events_count, links,
       dropped_links_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summaries = createTraceSummaryWriter(sqlite);
  return (groups: ScopedRows<SpanRow>[]): void => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      const service = group.resource.serviceName;
      for (const s of group.rows) {
        const { changes } = insert.run(
          s.traceId, s.spanId, s.parentSpanId, s.traceState, s.flags, s.name, s.kind,
          s.startTimeUnixNano, s.endTimeUnixNano, s.endTimeUnixNano - s.startTimeUnixNano,
          s.statusCode, s.statusMessage, service, resourceId, scopeId, s.attributesJson,
          s.droppedAttributesCount, s.eventsJson, s.droppedEventsCount, s.linksJson, s.droppedLinksCount,
        );
        if (changes === 1) summaries.add(s, service);
      }
      summaries.flush();
    }
  };
}
