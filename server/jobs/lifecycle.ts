import { getDb } from '@/server/store/connection';
import { flushAndClose } from '@/server/store/ingest-writer';

const KEY = Symbol.for('sightline.lifecycleStarted');
type Holder = { [KEY]?: boolean };

/**
 * Process start: open the database (applying migrations) before the first request, and make every
 * way out commit what is pending. SIGTERM/SIGINT flush then exit 0; the 'exit' hook covers a process
 * ended by someone else's process.exit() (e.g. Next's own signal handler when NEXT_MANUAL_SIG_HANDLE
 * is unset). The flush is synchronous (better-sqlite3), so it completes inside the handler.
 */
export function startServerLifecycle(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  holder[KEY] = true;

  getDb();
  const shutdown = (signal: NodeJS.Signals) => {
    try {
      flushAndClose();
    } finally {
      console.log(`[sightline] ${signal}: pending writes flushed, exiting`);
      process.exit(0);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.once('exit', () => flushAndClose());
}
