import type { AttributeFilter } from '@/lib/attribute-filter';
import { msToUnixNano, resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { listOperations, searchTraceSummaries, type TraceSort, type TraceSummary } from '@/server/store/search-traces';

export type { TraceSort, TraceSummary };

export interface TraceSearchInput extends TimeRangeInput {
  service?: string;
  operation?: string;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  errorsOnly?: boolean;
  attributes?: AttributeFilter[];
  sort?: TraceSort;
  limit?: number;
  offset?: number;
}

export interface TraceSearchResult {
  traces: TraceSummary[];
  hasMore: boolean;
}

/**
 * Traces that started in the range and contain a span matching every span-level filter (service,
 * operation, duration, error status, attributes), one page in the requested order.
 */
export function searchTraces(input: TraceSearchInput, nowMs: number = Date.now()): TraceSearchResult {
  const { fromMs, toMs } = resolveTimeRange(input, nowMs);
  return searchTraceSummaries({
    fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs),
    service: input.service, operation: input.operation, minDurationNs: input.minDurationNs,
    maxDurationNs: input.maxDurationNs, errorsOnly: input.errorsOnly, attributes: input.attributes ?? [],
    sort: input.sort ?? 'newest', limit: input.limit ?? 50, offset: input.offset ?? 0,
  });
}

/** Span names of a service in the range, most frequent first (the operation picker). */
export function listTraceOperations(input: TimeRangeInput & { service: string }, nowMs: number = Date.now()): string[] {
  const { fromMs, toMs } = resolveTimeRange(input, nowMs);
  return listOperations(input.service, msToUnixNano(fromMs), msToUnixNano(toMs));
}
