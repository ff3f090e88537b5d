import { getDb } from '@/server/store/connection';
import { flushAndClose } from '@/server/store/ingest-writer';
import { startSpanMetricsJob, stopSpanMetricsJob } from './span-metrics-job';
import { startScrapeJob, stopScrapeJob } from './scrape-job';
import { startDashboardsJob, stopDashboardsJob } from './dashboards-job';

const KEY = Symbol.for('sightline.lifecycleStarted');
type Holder = { [KEY]?: boolean };

/**
 * Process start: open the database (applying migrations) before the first request, start background
 * jobs, and make every way out commit what is pending. SIGTERM/SIGINT flush then exit 0; the 'exit'
 * hook covers a process ended by someone else's process.exit() (e.g. Next's own signal handler when
 * NEXT_MANUAL_SIG_HANDLE is unset). The flush is synchronous (better-sqlite3), so it completes inside
 * the handler. The span metrics job enqueues its last snapshot first, so that flush commits it too;
 * the scrape job (sightline.yaml's scrape_configs) just stops its loops.
 */
export function startServerLifecycle(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  holder[KEY] = true;

  getDb();
  startSpanMetricsJob();
  startScrapeJob();
  startDashboardsJob();
  const closeAll = () => {
    stopDashboardsJob();
    stopScrapeJob();
    stopSpanMetricsJob();
    flushAndClose();
  };
  const shutdown = (signal: NodeJS.Signals) => {
    try {
      closeAll();
    } finally {
      console.log(`[sightline] ${signal}: pending writes flushed, exiting`);
      process.exit(0);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.once('exit', closeAll);
}
