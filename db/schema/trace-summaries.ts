import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * One row per trace, maintained at ingest by server/store/write-spans.ts so trace search never has to
 * group millions of spans: start = min span start, end = max span end (unix ns), counts of the spans
 * actually stored (a re-sent span is not counted twice). The root fields stay NULL until the span
 * without a parent arrives. `services` is a JSON array of service names in order of arrival.
 */
export const traceSummaries = sqliteTable(
  'trace_summaries',
  {
    traceId: text('trace_id').primaryKey(),
    startTimeUnixNano: integer('start_time_unix_nano').notNull(),
    endTimeUnixNano: integer('end_time_unix_nano').notNull(),
    durationNs: integer('duration_ns').notNull(),
    spanCount: integer('span_count').notNull(),
    errorCount: integer('error_count').notNull(),
    rootServiceName: text('root_service_name'),
    rootSpanName: text('root_span_name'),
    services: text('services').notNull(),
  },
  (t) => [
    index('trace_summaries_start_idx').on(t.startTimeUnixNano),
    index('trace_summaries_duration_idx').on(t.durationNs),
  ],
);
