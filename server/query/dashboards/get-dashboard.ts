import type { DashboardModel } from '@/lib/dashboards/model';
import { findDashboardRow } from '@/server/store/dashboards';
import { DashboardNotFoundError } from './errors';
import { modelOfRow } from './read-model';

export interface DashboardView {
  model: DashboardModel;
  version: number;
  provisioned: boolean;
  sourcePath: string | null;
  updatedAtMs: number;
}

/** One dashboard with its validated model; DashboardNotFoundError when the uid is unknown. */
export function getDashboard(uid: string): DashboardView {
  const row = findDashboardRow(uid);
  if (!row) throw new DashboardNotFoundError(uid);
  return { model: modelOfRow(row), version: row.version, provisioned: row.provisioned, sourcePath: row.sourcePath, updatedAtMs: row.updatedAtMs };
}

/** The model as pretty JSON text, ready to download and to import elsewhere. */
export function exportDashboard(uid: string): { filename: string; json: string } {
  const { model } = getDashboard(uid);
  return { filename: `${model.uid}.json`, json: `${JSON.stringify(model, null, 2)}\n` };
}
