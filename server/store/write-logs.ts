import type Database from 'better-sqlite3';
import type { LogRow, ScopedRows } from './rows';
import type { ResourceScopeIds } from './resource-ids';
import { AttributeBlockIndexer } from './log-attribute-blocks/block-indexer';

/** Nanoseconds per minute: the log_volume rollup's resolution. */
export const MINUTE_NS = 60_000_000_000n;

/**
 * Inserts log records and their bodies into the full-text index (log_records_fts), in the same
 * transaction. Not by an AFTER INSERT trigger (migration 0007 dropped it): FTS5 fed from a trigger cost
 * ~42 µs per record against ~6 µs inserted directly (measured on bench:ingest's records; a write to a
 * virtual table inside a trigger runs under a statement savepoint, where FTS flushes its pending
 * terms). Deletes still reach the index through the AFTER DELETE trigger. The per-minute volume
 * rollup (log_volume, read by the histogram) is counted here, one upsert per (minute, service,
 * severity) per call rather than one per record, and each record's attributes go into its id block's
 * Bloom filter (log_attribute_blooms), which lets a rare attribute search skip most blocks.
 * Invariant: every insert into log_records goes through here, or full-text search and the block
 * filters would miss it.
 */
export function prepareLogWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  const insert = sqlite.prepare(
    `INSERT INTO log_records (timestamp_unix_nano, time_unix_nano, observed_time_unix_nano, severity_number,
       severity_text, body, body_text, attributes, dropped_attributes_count, flags, trace_id, span_id,
       event_name, service_name, resource_id, scope_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indexBody = sqlite.prepare('INSERT INTO log_records_fts (rowid, body_text) VALUES (?, ?)');
  const countVolume = sqlite.prepare(
    `INSERT INTO log_volume (minute, service_name, severity_number, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (minute, service_name, severity_number) DO UPDATE SET count = count + excluded.count`,
  );
  const blocks = new AttributeBlockIndexer(sqlite);
  return (groups: ScopedRows<LogRow>[]): void => {
    const volume = new Map<string, { minute: bigint; service: string; severity: number; count: number }>();
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      const service = group.resource.serviceName;
      for (const l of group.rows) {
        // A record with no time sorts by when the collector saw it (the OTLP spec's advice).
        const ts = l.timeUnixNano !== 0n ? l.timeUnixNano : l.observedTimeUnixNano;
        const { lastInsertRowid } = insert.run(
          ts, l.timeUnixNano, l.observedTimeUnixNano, l.severityNumber, l.severityText, l.bodyJson,
          l.bodyText, l.attributesJson, l.droppedAttributesCount, l.flags, l.traceId, l.spanId,
          l.eventName, service, resourceId, scopeId,
        );
        indexBody.run(lastInsertRowid, l.bodyText);
        blocks.add(Number(lastInsertRowid), ts, l.attributesJson);
        const minute = ts / MINUTE_NS;
        const key = `${minute}\u0000${service}\u0000${l.severityNumber}`;
        const entry = volume.get(key);
        if (entry) entry.count++;
        else volume.set(key, { minute, service, severity: l.severityNumber, count: 1 });
      }
    }
    for (const v of volume.values()) countVolume.run(v.minute, v.service, v.severity, v.count);
  };
}
