import type Database from 'better-sqlite3';
import { isNewServiceVersion, serviceVersionOf, versionAnnotationText } from '@/lib/annotations/service-version';
import { insertAnnotationRow } from './annotations';

/** How many earlier resources of the service are consulted for the versions already seen. */
const HISTORY = 200;

/**
 * Called once per *newly inserted* resource row (rare: a process start, a deploy), inside the ingest
 * transaction: when it carries a `service.version` its service never reported before, while it did
 * report another one, records an automatic annotation at `nowMs`. Costs nothing on the hot path.
 */
export function prepareVersionChangeDetector(sqlite: Database.Database) {
  const previous = sqlite.prepare(
    'SELECT attributes FROM resources WHERE service_name = ? AND id <> ? ORDER BY id DESC LIMIT ?',
  ).pluck();
  return (resourceId: number, serviceName: string, attributesJson: string, nowMs: number): void => {
    const next = serviceVersionOf(attributesJson);
    if (next === null || serviceName === '') return;
    const seen = new Set<string>();
    for (const attrs of previous.all(serviceName, resourceId, HISTORY) as string[]) {
      const v = serviceVersionOf(attrs);
      if (v !== null) seen.add(v);
    }
    if (!isNewServiceVersion([...seen], next)) return;
    const last = [...seen][0];
    insertAnnotationRow({
      timeMs: nowMs, timeEndMs: null, text: versionAnnotationText(serviceName, last, next), tags: ['deploy', 'service.version'],
      serviceName, source: 'auto', createdAtMs: nowMs,
    }, sqlite);
  };
}
