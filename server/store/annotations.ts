import type Database from 'better-sqlite3';
import { getSqlite } from './connection';

/** An annotation. Times are unix milliseconds; `serviceName` '' means "not about one service". */
export interface AnnotationRow {
  id: number;
  timeMs: number;
  timeEndMs: number | null;
  text: string;
  tags: string[];
  serviceName: string;
  source: 'api' | 'auto';
  createdAtMs: number;
}

export type NewAnnotationRow = Omit<AnnotationRow, 'id'>;

/** Inserts on `sqlite` (pass the ingest transaction's handle from the writer); returns the id. */
export function insertAnnotationRow(a: NewAnnotationRow, sqlite: Database.Database = getSqlite()): number {
  const info = sqlite.prepare(
    `INSERT INTO annotations (time_ms, time_end_ms, text, tags, service_name, source, created_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.timeMs, a.timeEndMs, a.text, JSON.stringify(a.tags), a.serviceName, a.source, a.createdAtMs);
  return Number(info.lastInsertRowid);
}

/**
 * Annotations overlapping [fromMs, toMs], oldest first, at most `limit`. With a service, that service's
 * plus those about no service (a global deploy marker concerns everyone).
 */
export function listAnnotationRows(fromMs: number, toMs: number, serviceName: string | undefined, limit: number): AnnotationRow[] {
  const rows = getSqlite().prepare(
    `SELECT id, time_ms, time_end_ms, text, tags, service_name, source, created_at_ms FROM annotations
     WHERE time_ms <= @to AND COALESCE(time_end_ms, time_ms) >= @from
       AND (@service IS NULL OR service_name IN (@service, ''))
     ORDER BY time_ms LIMIT @limit`,
  ).all({ from: fromMs, to: toMs, service: serviceName ?? null, limit }) as {
    id: number; time_ms: number; time_end_ms: number | null; text: string; tags: string; service_name: string; source: 'api' | 'auto'; created_at_ms: number;
  }[];
  return rows.map((r) => ({
    id: r.id, timeMs: r.time_ms, timeEndMs: r.time_end_ms, text: r.text, tags: JSON.parse(r.tags) as string[],
    serviceName: r.service_name, source: r.source, createdAtMs: r.created_at_ms,
  }));
}
