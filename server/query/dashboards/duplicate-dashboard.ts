import { uidFromTitle } from '@/lib/dashboards/model';
import { findDashboardRow } from '@/server/store/dashboards';
import { DashboardNotFoundError } from './errors';
import { modelOfRow } from './read-model';
import { createDashboard } from './save-dashboard';

/** A copy under a new uid, titled "<title> (copy)" unless a title is given; never provisioned. */
export function duplicateDashboard(uid: string, title?: string, nowMs: number = Date.now()): { uid: string; version: number } {
  const row = findDashboardRow(uid);
  if (!row) throw new DashboardNotFoundError(uid);
  const model = modelOfRow(row);
  const newTitle = title?.trim() || `${model.title} (copy)`;
  return createDashboard({ ...model, uid: uidFromTitle(newTitle), title: newTitle }, nowMs);
}

