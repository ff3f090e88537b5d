import { createSqliteSeriesSource, type PromSeriesStore } from '@/server/store/read-prom-series';

let source: PromSeriesStore | undefined;

/** The process's series source over SQLite (its catalogue cache is per process and database). */
export function promSource(): PromSeriesStore {
  return (source ??= createSqliteSeriesSource());
}
