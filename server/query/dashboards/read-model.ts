import { parseDashboardJson, type DashboardModel } from '@/lib/dashboards/model';
import type { DashboardRow } from '@/server/store/dashboards';
import { DashboardInvalidError } from './errors';

/**
 * The stored model, validated again on the way out (a row written by an older schema or by hand must
 * not reach the UI unchecked). The row's uid and title win over the JSON's: they are the row's identity.
 */
export function modelOfRow(row: DashboardRow): DashboardModel {
  const parsed = parseDashboardJson(row.modelJson);
  if (!parsed.ok) throw new DashboardInvalidError(`stored dashboard "${row.uid}" is invalid: ${parsed.message}`);
  return { ...parsed.model, uid: row.uid, title: row.title };
}
