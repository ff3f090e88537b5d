import { parseDashboardJson } from '@/lib/dashboards/model';
import { listDashboardRows } from '@/server/store/dashboards';
import { listProvisioningProblems, type ProvisioningProblem } from '@/server/provisioning/dashboards';

export interface DashboardListItem {
  uid: string;
  title: string;
  tags: string[];
  panelCount: number;
  version: number;
  provisioned: boolean;
  sourcePath: string | null;
  updatedAtMs: number;
}

export interface DashboardList {
  dashboards: DashboardListItem[];
  /** Provisioning files that could not be loaded (shown on /dashboards). */
  problems: ProvisioningProblem[];
}

/** Dashboards by title, filtered by `search` (case-insensitive, on title and tags) when given. */
export function listDashboards(search?: string): DashboardList {
  const needle = search?.trim().toLowerCase() ?? '';
  const dashboards: DashboardListItem[] = [];
  for (const row of listDashboardRows()) {
    const parsed = parseDashboardJson(row.modelJson);
    const tags = parsed.ok ? parsed.model.tags : [];
    if (needle && !row.title.toLowerCase().includes(needle) && !tags.some((t) => t.toLowerCase().includes(needle))) continue;
    dashboards.push({
      uid: row.uid, title: row.title, tags, panelCount: parsed.ok ? parsed.model.panels.length : 0, version: row.version,
      provisioned: row.provisioned, sourcePath: row.sourcePath, updatedAtMs: row.updatedAtMs,
    });
  }
  return { dashboards, problems: listProvisioningProblems() };
}
