import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type SightlineDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Folder of drizzle-kit's generated migrations, resolved from the project root (the server's cwd). */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas ingest relies on, and applies pending
 * migrations. Idempotent and cheap when the schema is current, so every process may call it.
 * WAL lets readers (queries, tests) run beside the single writer; synchronous=NORMAL keeps commits
 * durable against process crashes (not power loss) at a fraction of FULL's fsync cost.
 */
export function openDatabase(file: string): SightlineDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536'); // KiB: 64 MiB page cache
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}
