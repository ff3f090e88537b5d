import type { AttributeFilter } from '@/lib/attribute-filter';
import { LogQueryError, parseLogQuery, toFts5Match, toLikePattern, type LogTextMode } from '@/lib/log-search-query';
import { severityRange, type SeverityLevel } from '@/lib/log-severity';
import type { LogRecordFilter } from '@/server/store/search-logs';

export { LogQueryError };

/** What a log search asks for, besides the time range (validated by the API layer). */
export interface LogFilterInput {
  q?: string;
  mode?: LogTextMode;
  service?: string;
  severities?: SeverityLevel[];
  attributes?: AttributeFilter[];
  traceId?: string;
  spanId?: string;
}

/** The store's filter for `input` (times are added by the caller). Throws LogQueryError for a bad `q`. */
export function toStoreFilter(input: LogFilterInput): LogRecordFilter {
  const q = (input.q ?? '').trim();
  const filter: LogRecordFilter = {
    service: input.service || undefined,
    severityRanges: (input.severities ?? []).map(severityRange),
    attributes: input.attributes ?? [],
    traceId: input.traceId ? input.traceId.toLowerCase() : undefined,
    spanId: input.spanId ? input.spanId.toLowerCase() : undefined,
  };
  if (q !== '') {
    if (input.mode === 'substring') filter.bodyLike = toLikePattern(q);
    else {
      const terms = parseLogQuery(q);
      if (terms.length > 0) filter.ftsMatch = toFts5Match(terms);
    }
  }
  return filter;
}
