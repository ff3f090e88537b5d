import fs from 'node:fs';
import path from 'node:path';
import { parseDashboardJson } from '@/lib/dashboards/model';
import { deleteProvisionedDashboardsExcept, upsertProvisionedDashboardRow } from '@/server/store/dashboards';

/**
 * Dashboards provisioned from `<dir>/*.json`. Each file is loaded on its own: an invalid file is
 * reported and keeps its previously stored version (like a bad scrape config), without touching the
 * others. A file that disappears takes its dashboard with it. The file wins over edits made in the UI
 * whenever it is (re)loaded.
 */

export interface ProvisioningProblem {
  path: string;
  message: string;
}

export interface ProvisioningReport {
  loaded: { uid: string; path: string; outcome: string }[];
  problems: ProvisioningProblem[];
  removed: number;
}

// On globalThis: the job (instrumentation bundle) writes, the tRPC bundle reads.
const KEY = Symbol.for('sightline.dashboardProvisioningProblems');
type Holder = { [KEY]?: ProvisioningProblem[] };

export function listProvisioningProblems(): ProvisioningProblem[] {
  return [...((globalThis as Holder)[KEY] ?? [])];
}

function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []; // no directory: nothing provisioned
    throw err;
  }
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => path.join(dir, n));
}

/** A cheap fingerprint of the directory (names, sizes, mtimes): the poller reloads only when it changes. */
export function dashboardsDirSignature(dir: string): string {
  return jsonFiles(dir).map((file) => {
    try {
      const st = fs.statSync(file);
      return `${file}:${st.size}:${st.mtimeMs}`;
    } catch {
      return `${file}:gone`;
    }
  }).join('\n');
}

/** Loads every file of `dir` into the store and records the problems for /dashboards. */
export function provisionDashboards(dir: string, nowMs: number = Date.now()): ProvisioningReport {
  const report: ProvisioningReport = { loaded: [], problems: [], removed: 0 };
  const kept: string[] = [];
  const uidsSeen = new Map<string, string>();
  for (const file of jsonFiles(dir)) {
    kept.push(file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      report.problems.push({ path: file, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const parsed = parseDashboardJson(text);
    if (!parsed.ok) {
      report.problems.push({ path: file, message: parsed.message });
      continue;
    }
    const { model } = parsed;
    const other = uidsSeen.get(model.uid);
    if (other) {
      report.problems.push({ path: file, message: `uid "${model.uid}" is already provisioned by ${other}` });
      continue;
    }
    uidsSeen.set(model.uid, file);
    const outcome = upsertProvisionedDashboardRow(model.uid, model.title, JSON.stringify(model), file, nowMs);
    if (outcome === 'uid-taken') {
      report.problems.push({ path: file, message: `uid "${model.uid}" belongs to a dashboard created in the console; not overwritten` });
      continue;
    }
    report.loaded.push({ uid: model.uid, path: file, outcome });
  }
  report.removed = deleteProvisionedDashboardsExcept(kept);
  (globalThis as Holder)[KEY] = report.problems;
  return report;
}
