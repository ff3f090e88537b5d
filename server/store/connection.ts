import type Database from 'better-sqlite3';
import { openDatabase, type SightlineDb } from '@/db/client';
import { serverEnv } from '@/server/env';

/**
 * One connection per process. Kept on globalThis because Next bundles route handlers, tRPC and
 * instrumentation separately: each bundle has its own module instances, but they share the process.
 */
const KEY = Symbol.for('sightline.db');
type Holder = { [KEY]?: SightlineDb };

export function getDb(): SightlineDb {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase(serverEnv().SIGHTLINE_DB);
  return holder[KEY];
}

export function getSqlite(): Database.Database {
  return getDb().$client;
}

/** Closes the connection if one is open (shutdown). */
export function closeDb(): void {
  const holder = globalThis as Holder;
  holder[KEY]?.$client.close();
  delete holder[KEY];
}
