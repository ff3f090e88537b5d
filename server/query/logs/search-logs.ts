import { histogramBucketMs, type HistogramCount } from '@/lib/log-histogram';
import { SEVERITY_LEVELS } from '@/lib/log-severity';
import { msToUnixNano, resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { countLogsByBucket, getLogRecord, logNeighbours, searchLogRecords, type LogCursor } from '@/server/store/search-logs';
import { toStoreFilter, type LogFilterInput } from './log-filter';
import { toLogRecordView, type LogRecordView } from './log-record-view';

export interface LogSearchInput extends TimeRangeInput, LogFilterInput {
  limit?: number;
  /** Continue after this record (the previous page's `nextCursor`). */
  cursor?: LogCursor;
}

export interface LogSearchPage {
  records: LogRecordView[];
  /** Where the next (older) page starts; null when this was the last. */
  nextCursor: LogCursor | null;
}

/** One page of matching records in the range, newest first (keyset pagination on (time, id)). */
export function searchLogs(input: LogSearchInput, nowMs: number = Date.now()): LogSearchPage {
  const { fromMs, toMs } = resolveTimeRange(input, nowMs);
  const filter = { ...toStoreFilter(input), fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs) };
  const { records, hasMore } = searchLogRecords(filter, input.limit ?? 100, input.cursor);
  const last = records.at(-1);
  return {
    records: records.map(toLogRecordView),
    nextCursor: hasMore && last ? { timestampUnixNano: last.timestampUnixNano, id: last.id } : null,
  };
}

export interface LogHistogram {
  /** The resolved range, epoch ms. */
  fromMs: number;
  toMs: number;
  bucketMs: number;
  counts: HistogramCount[];
}

/** Matching records per time bucket and severity level over the range (bucket width from lib/log-histogram). */
export function logVolumeHistogram(input: TimeRangeInput & LogFilterInput, nowMs: number = Date.now()): LogHistogram {
  const { fromMs, toMs } = resolveTimeRange(input, nowMs);
  const bucketMs = histogramBucketMs(toMs - fromMs);
  const originMs = Math.floor(fromMs / bucketMs) * bucketMs;
  const filter = { ...toStoreFilter(input), fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs) };
  const rows = countLogsByBucket(filter, msToUnixNano(originMs), msToUnixNano(bucketMs));
  return {
    fromMs, toMs, bucketMs,
    counts: rows.map((r) => ({ bucketStartMs: originMs + r.bucket * bucketMs, level: SEVERITY_LEVELS[r.level], count: r.count })),
  };
}

export interface LogContext {
  record: LogRecordView;
  /** Records of the same service just before, oldest first. */
  before: LogRecordView[];
  /** Records of the same service just after, oldest first. */
  after: LogRecordView[];
}

/** "Show context": the `count` records of the same service around record `id`; null when it is not stored. */
export function logContext(id: number, count: number): LogContext | null {
  const anchor = getLogRecord(id);
  if (!anchor) return null;
  const { before, after } = logNeighbours(anchor.serviceName, { timestampUnixNano: anchor.timestampUnixNano, id: anchor.id }, count);
  return { record: toLogRecordView(anchor), before: before.reverse().map(toLogRecordView), after: after.map(toLogRecordView) };
}
