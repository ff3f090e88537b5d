import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One row per span. Times are unix nanoseconds (INTEGER, exact: read them with safeIntegers).
 * Events and links are OTLP/JSON arrays on the span row: they are always read with their span, and one
 * row per span keeps ingest at one insert per span.
 * `service_name` is copied from the resource so the common filters need no join.
 */
export const spans = sqliteTable(
  'spans',
  {
    traceId: text('trace_id').notNull(),
    spanId: text('span_id').notNull(),
    parentSpanId: text('parent_span_id'),
    traceState: text('trace_state').notNull().default(''),
    flags: integer('flags').notNull().default(0),
    name: text('name').notNull(),
    kind: integer('kind').notNull(),
    startTimeUnixNano: integer('start_time_unix_nano').notNull(),
    endTimeUnixNano: integer('end_time_unix_nano').notNull(),
    durationNs: integer('duration_ns').notNull(),
    statusCode: integer('status_code').notNull(),
    statusMessage: text('status_message').notNull().default(''),
    serviceName: text('service_name').notNull(),
    resourceId: integer('resource_id').notNull(),
    scopeId: integer('scope_id').notNull(),
    attributes: text('attributes').notNull(),
    droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
    events: text('events').notNull(),
    droppedEventsCount: integer('dropped_events_count').notNull().default(0),
    links: text('links').notNull(),
    droppedLinksCount: integer('dropped_links_count').notNull().default(0),
  },
  (t) => [
    // Also the trace-by-id lookup; unique so a re-sent batch (client retry) is not stored twice.
    uniqueIndex('spans_trace_span_uq').on(t.traceId, t.spanId),
    index('spans_service_start_idx').on(t.serviceName, t.startTimeUnixNano),
    index('spans_start_idx').on(t.startTimeUnixNano),
  ],
);
