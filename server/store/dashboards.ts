import { getSqlite } from './connection';

/** A stored dashboard. `modelJson` is the text of lib/dashboards/model.ts's model (validated above the store). */
export interface DashboardRow {
  uid: string;
  title: string;
  modelJson: string;
  version: number;
  provisioned: boolean;
  sourcePath: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

export type DashboardSummaryRow = Omit<DashboardRow, 'modelJson'>;

interface RawRow {
  uid: string; title: string; model: string; version: number; provisioned: number;
  source_path: string | null; created_at_ms: number; updated_at_ms: number;
}

const COLUMNS = 'uid, title, model, version, provisioned, source_path, created_at_ms, updated_at_ms';

function toRow(r: RawRow): DashboardRow {
  return {
    uid: r.uid, title: r.title, modelJson: r.model, version: r.version, provisioned: r.provisioned === 1,
    sourcePath: r.source_path, createdAtMs: r.created_at_ms, updatedAtMs: r.updated_at_ms,
  };
}

/** Every dashboard, by title (case-insensitive). */
export function listDashboardRows(): DashboardRow[] {
  const rows = getSqlite().prepare(`SELECT ${COLUMNS} FROM dashboards ORDER BY title COLLATE NOCASE, uid`).all() as RawRow[];
  return rows.map(toRow);
}

export function findDashboardRow(uid: string): DashboardRow | null {
  const row = getSqlite().prepare(`SELECT ${COLUMNS} FROM dashboards WHERE uid = ?`).get(uid) as RawRow | undefined;
  return row ? toRow(row) : null;
}

export interface NewDashboardRow {
  uid: string;
  title: string;
  modelJson: string;
  provisioned?: boolean;
  sourcePath?: string | null;
  nowMs: number;
}

/** Inserts at version 1; false when the uid is taken. */
export function insertDashboardRow(d: NewDashboardRow): boolean {
  const info = getSqlite().prepare(
    `INSERT INTO dashboards (uid, title, model, version, provisioned, source_path, created_at_ms, updated_at_ms)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING`,
  ).run(d.uid, d.title, d.modelJson, d.provisioned ? 1 : 0, d.sourcePath ?? null, d.nowMs, d.nowMs);
  return info.changes === 1;
}

export type UpdateOutcome = { kind: 'updated'; version: number } | { kind: 'not-found' } | { kind: 'conflict'; currentVersion: number };

/**
 * Optimistic save: writes only when the stored version is still `expectedVersion`, and bumps it by one.
 * The check and the write are one UPDATE, so two concurrent saves cannot both succeed.
 */
export function updateDashboardRow(uid: string, expectedVersion: number, title: string, modelJson: string, nowMs: number): UpdateOutcome {
  const sqlite = getSqlite();
  const info = sqlite.prepare(
    'UPDATE dashboards SET title = ?, model = ?, version = version + 1, updated_at_ms = ? WHERE uid = ? AND version = ?',
  ).run(title, modelJson, nowMs, uid, expectedVersion);
  if (info.changes === 1) return { kind: 'updated', version: expectedVersion + 1 };
  const current = sqlite.prepare('SELECT version FROM dashboards WHERE uid = ?').pluck().get(uid) as number | undefined;
  return current === undefined ? { kind: 'not-found' } : { kind: 'conflict', currentVersion: current };
}

export function deleteDashboardRow(uid: string): boolean {
  return getSqlite().prepare('DELETE FROM dashboards WHERE uid = ?').run(uid).changes === 1;
}

export type ProvisionOutcome = 'created' | 'updated' | 'unchanged' | 'uid-taken';

/**
 * Writes a provisioned dashboard from its file: inserts it, or overwrites the stored model (version + 1)
 * when it differs. A uid already used by a dashboard made in the UI is left alone ('uid-taken').
 */
export function upsertProvisionedDashboardRow(uid: string, title: string, modelJson: string, sourcePath: string, nowMs: number): ProvisionOutcome {
  const sqlite = getSqlite();
  return sqlite.transaction((): ProvisionOutcome => {
    const existing = findDashboardRow(uid);
    if (!existing) {
      insertDashboardRow({ uid, title, modelJson, provisioned: true, sourcePath, nowMs });
      return 'created';
    }
    if (!existing.provisioned) return 'uid-taken';
    if (existing.modelJson === modelJson && existing.title === title && existing.sourcePath === sourcePath) return 'unchanged';
    sqlite.prepare(
      'UPDATE dashboards SET title = ?, model = ?, source_path = ?, version = version + 1, updated_at_ms = ? WHERE uid = ?',
    ).run(title, modelJson, sourcePath, nowMs, uid);
    return 'updated';
  })();
}

/** Removes provisioned dashboards whose file is gone (their source path is not in `keptPaths`). */
export function deleteProvisionedDashboardsExcept(keptPaths: readonly string[]): number {
  const sqlite = getSqlite();
  const rows = sqlite.prepare('SELECT uid, source_path AS path FROM dashboards WHERE provisioned = 1').all() as { uid: string; path: string | null }[];
  const kept = new Set(keptPaths);
  let removed = 0;
  for (const r of rows) if (!r.path || !kept.has(r.path)) removed += deleteDashboardRow(r.uid) ? 1 : 0;
  return removed;
}
