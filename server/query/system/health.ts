import { getSqlite } from '@/server/store/connection';
import { version } from '@/package.json';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: { ok: boolean; error?: string };
}

/** Liveness plus a real round trip to SQLite. */
export function checkHealth(): Health {
  try {
    getSqlite().prepare('SELECT 1').get();
    return { status: 'ok', version, database: { ok: true } };
  } catch (err) {
    return { status: 'degraded', version, database: { ok: false, error: (err as Error).message } };
  }
}
