import { logsArrivedBetween, maxLogId } from '@/server/store/search-logs';
import { toStoreFilter, type LogFilterInput } from './log-filter';
import { toLogRecordView, type LogRecordView } from './log-record-view';

/**
 * Live tail by polling: each tick reads the records that arrived since the last tick (record ids grow
 * with arrival, so a late record with an old timestamp is still seen) and matching the filter.
 * Polling the store once a second is simple and robust (no ingest hook to leak, works across the
 * separate bundles Next makes); the cost is one indexed range read per open tail per second.
 */
export interface TailTick {
  /** Newest first, at most the cap. */
  records: LogRecordView[];
  /** Matching records in this tick beyond the cap, not sent. */
  skipped: number;
  /** The id to continue after. */
  lastId: number;
}

/** Where a new tail starts: after everything stored now. */
export function tailStart(): number {
  return maxLogId();
}

/** Throws LogQueryError for a bad `q` (check once with `toStoreFilter` before streaming). */
export function tailTick(input: LogFilterInput, afterId: number, cap: number): TailTick {
  const upTo = maxLogId();
  if (upTo <= afterId) return { records: [], skipped: 0, lastId: afterId };
  const { records, matched } = logsArrivedBetween(toStoreFilter(input), afterId, upTo, cap);
  return { records: records.map(toLogRecordView), skipped: matched - records.length, lastId: upTo };
}
