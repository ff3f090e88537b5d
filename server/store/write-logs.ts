import type Database from 'better-sqlite3';
import type { LogRow, ScopedRows } from './rows';
import type { ResourceScopeIds } from './resource-ids';

/** Inserts log records; the FTS index follows through the migration's trigger. */
export function prepareLogWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  const insert = sqlite.prepare(
    `INSERT INTO log_records (timestamp_unix_nano, time_unix_nano, observed_time_unix_nano, severity_number,
       severity_text, body, body_text, attributes, dropped_attributes_count, flags, trace_id, span_id,
       event_name, service_name, resource_id, scope_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (groups: ScopedRows<LogRow>[]): void => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      const service = group.resource.serviceName;
      for (const l of group.rows) {
        // A record with no time sorts by when the collector saw it (the OTLP spec's advice).
        const ts = l.timeUnixNano !== 0n ? l.timeUnixNano : l.observedTimeUnixNano;
        insert.run(
          ts, l.timeUnixNano, l.observedTimeUnixNano, l.severityNumber, l.severityText, l.bodyJson,
          l.bodyText, l.attributesJson, l.droppedAttributesCount, l.flags, l.traceId, l.spanId,
          l.eventName, service, resourceId, scopeId,
        );
      }
    }
  };
}
