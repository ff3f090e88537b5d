import path from 'node:path';
import { serverEnv } from '@/server/env';
import { dashboardsDirSignature, provisionDashboards } from '@/server/provisioning/dashboards';

/**
 * Dashboard provisioning: loads SIGHTLINE_DASHBOARDS_DIR (./dashboards) at start and again whenever
 * its *.json files change, polled every 2 s like the scrape config. Problems are logged once per change
 * and listed on /dashboards.
 */
const POLL_MS = 2000;
const KEY = Symbol.for('sightline.dashboardsJob');
type Holder = { [KEY]?: { timer: NodeJS.Timeout } };

function loadOnce(dir: string): void {
  try {
    const report = provisionDashboards(dir);
    const changed = report.loaded.filter((l) => l.outcome !== 'unchanged');
    if (changed.length || report.removed) {
      console.log(`[sightline] dashboards ${dir}: ${changed.map((l) => `${l.uid} ${l.outcome}`).join(', ') || 'none changed'}${report.removed ? `, ${report.removed} removed` : ''}`);
    }
    for (const p of report.problems) console.error(`[sightline] dashboard file ${p.path} not loaded: ${p.message}`);
  } catch (err) {
    console.error(`[sightline] dashboards ${dir}: provisioning failed`, err);
  }
}

export function startDashboardsJob(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const dir = path.resolve(serverEnv().SIGHTLINE_DASHBOARDS_DIR);
  let signature = dashboardsDirSignature(dir);
  loadOnce(dir);
  const timer = setInterval(() => {
    let next: string;
    try {
      next = dashboardsDirSignature(dir);
    } catch (err) {
      console.error(`[sightline] dashboards ${dir}: cannot list`, err);
      return;
    }
    if (next === signature) return;
    signature = next;
    loadOnce(dir);
  }, POLL_MS);
  timer.unref();
  holder[KEY] = { timer };
}

export function stopDashboardsJob(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) clearInterval(holder[KEY].timer);
  delete holder[KEY];
}
