import { deleteDashboardRow } from '@/server/store/dashboards';
import { DashboardNotFoundError } from './errors';

/** Deletes; DashboardNotFoundError when there was nothing to delete. A provisioned one returns when its file next loads. */
export function deleteDashboard(uid: string): void {
  if (!deleteDashboardRow(uid)) throw new DashboardNotFoundError(uid);
}
