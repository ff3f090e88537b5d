import { msToUnixNano, resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { listServiceSummaries, type ServiceSummary } from '@/server/store/services';

export type { ServiceSummary };

/**
 * Services that sent any spans, logs or metric points in the range, with per-signal counts.
 * Relative ends (`now-1h`) resolve at `nowMs`; throws TimeRangeError for an invalid or empty range.
 */
export function listServices(range: TimeRangeInput, nowMs: number = Date.now()): ServiceSummary[] {
  const { fromMs, toMs } = resolveTimeRange(range, nowMs);
  return listServiceSummaries({ fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs) });
}
