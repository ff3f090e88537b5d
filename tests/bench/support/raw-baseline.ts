import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import type { LogRow, MetricRow, ScopedRows, SpanRow } from '@/server/store/rows';

/**
 * The baseline: the same rows inserted straight into a fresh database with the same schema and
 * indexes (same migrations), with plain prepared statements and ~5,000 rows per transaction.
 * Returns rows per second.
 */
export function rawInsertRate(kind: 'spans' | 'logs' | 'metrics', groups: ScopedRows<SpanRow | LogRow | MetricRow>[]): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-raw-'));
  const sqlite = openDatabase(path.join(dir, 'raw.db')).$client;
  sqlite.prepare(`INSERT INTO resources (fingerprint, service_name, attributes, first_seen_unix_nano) VALUES ('r', 'svc', '[]', 0)`).run();
  sqlite.prepare(`INSERT INTO scopes (fingerprint, name, version, attributes) VALUES ('s', 'scope', '', '[]')`).run();
  const rows = groups.flatMap((g) => g.rows);
  let insertOne: (row: SpanRow | LogRow | MetricRow) => void;
  if (kind === 'spans') {
    const st = sqlite.prepare(`INSERT OR IGNORE INTO spans (trace_id, span_id, parent_span_id, trace_state, flags, name, kind,
      start_time_unix_nano, end_time_unix_nano, duration_ns, status_code, status_message, service_name, resource_id, scope_id,
      attributes, dropped_attributes_count, events, dropped_events_count, links, dropped_links_count)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?)`);
    insertOne = (r) => {
      const s = r as SpanRow;
      st.run(s.traceId, s.spanId, s.parentSpanId, s.traceState, s.flags, s.name, s.kind, s.startTimeUnixNano, s.endTimeUnixNano,
        s.endTimeUnixNano - s.startTimeUnixNano, s.statusCode, s.statusMessage, 'svc', s.attributesJson, 0, s.eventsJson, 0, s.linksJson, 0);
    };
  } else if (kind === 'logs') {
    const st = sqlite.prepare(`INSERT INTO log_records (timestamp_unix_nano, time_unix_nano, observed_time_unix_nano, severity_number,
      severity_text, body, body_text, attributes, dropped_attributes_count, flags, trace_id, span_id, event_name, service_name, resource_id, scope_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, '', 'svc', 1, 1)`);
    // The full-text index is fed by a second insert, as the log writer does (server/store/write-logs.ts).
    const fts = sqlite.prepare('INSERT INTO log_records_fts (rowid, body_text) VALUES (?, ?)');
    insertOne = (r) => {
      const l = r as LogRow;
      const { lastInsertRowid } = st.run(l.timeUnixNano, l.timeUnixNano, l.observedTimeUnixNano, l.severityNumber, l.severityText, l.bodyJson, l.bodyText, l.attributesJson, l.traceId, l.spanId);
      fts.run(lastInsertRowid, l.bodyText);
    };
  } else {
    // The same rows as the receiver writes: a metric_series row on a series' first sighting (kept in
    // an in-memory map afterwards, as the receiver does), then one row per sample. The Prometheus name
    // and labels are stored verbatim: converting them is part of the end-to-end cost being measured.
    const seriesIds = new Map<string, number>();
    const series = sqlite.prepare(`INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description,
      unit, kind, temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
      VALUES (?, 1, 1, 'svc', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const st = sqlite.prepare('INSERT OR REPLACE INTO metric_number_points (series_id, time_unix_nano, start_time_unix_nano, flags, value) VALUES (?, ?, ?, 0, ?)');
    insertOne = (r) => {
      const m = r as MetricRow;
      if (m.point.kind !== 'number') return;
      const k = m.series;
      const key = `${k.name}\u0000${k.attributesJson}`;
      let id = seriesIds.get(key);
      if (id === undefined) {
        id = Number(series.run(key, k.name, k.description, k.unit, k.kind, k.temporality, k.isMonotonic ? 1 : 0,
          k.attributesJson, k.metadataJson, k.name, k.attributesJson).lastInsertRowid);
        seriesIds.set(key, id);
      }
      st.run(id, m.point.timeUnixNano, m.point.startTimeUnixNano, m.point.value);
    };
  }
  const insertChunk = sqlite.transaction((chunk: (SpanRow | LogRow | MetricRow)[]) => { for (const r of chunk) insertOne(r); });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 5000) insertChunk(rows.slice(i, i + 5000));
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows.length / seconds;
}
