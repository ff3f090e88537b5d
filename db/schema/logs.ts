import { sqliteTable, integer, text, index, primaryKey, blob } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/**
 * One row per log record. `timestamp_unix_nano` is the record's time, or its observed time when the
 * producer left time unset (0), so every record sorts on one column. Full-text search is an FTS5
 * external-content table over `body_text` (see the custom migration), kept in step by a trigger.
 */
export const logRecords = sqliteTable(
  'log_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    timestampUnixNano: integer('timestamp_unix_nano').notNull(),
    timeUnixNano: integer('time_unix_nano').notNull(),
    observedTimeUnixNano: integer('observed_time_unix_nano').notNull(),
    severityNumber: integer('severity_number').notNull(),
    severityText: text('severity_text').notNull().default(''),
    body: text('body').notNull(),
    bodyText: text('body_text').notNull(),
    attributes: text('attributes').notNull(),
    droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
    flags: integer('flags').notNull().default(0),
    traceId: text('trace_id'),
    spanId: text('span_id'),
    eventName: text('event_name').notNull().default(''),
    serviceName: text('service_name').notNull(),
    resourceId: integer('resource_id').notNull(),
    scopeId: integer('scope_id').notNull(),
  },
  (t) => [
    index('log_records_trace_idx').on(t.traceId).where(sql`trace_id IS NOT NULL`),
    index('log_records_service_ts_idx').on(t.serviceName, t.timestampUnixNano),
    index('log_records_ts_idx').on(t.timestampUnixNano),
  ],
);

/**
 * Log volume per minute, service and severity number, kept at ingest (server/store/write-logs.ts) so
 * the histogram over a day reads ~40k rows instead of counting a million records. Exact: every
 * inserted record adds one; a trigger in the custom migration subtracts deleted ones.
 * WITHOUT ROWID (custom migration): the key is the table.
 */
export const logVolume = sqliteTable(
  'log_volume',
  {
    /** floor(timestamp_unix_nano / 60e9): minutes since the epoch. */
    minute: integer('minute').notNull(),
    serviceName: text('service_name').notNull(),
    severityNumber: integer('severity_number').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.serviceName, t.severityNumber] })],
);

/**
 * One Bloom filter of attribute terms per complete block of 512 log record ids (block = floor(id / 512)),
 * written by the log writer when it moves past the block (server/store/log-attribute-blocks). A
 * search for a rare `key=value` reads only the blocks whose filter may hold it, in the blocks' time
 * bounds. A block without a row (the one being filled, or data from before this table) is always read.
 */
export const logAttributeBlooms = sqliteTable('log_attribute_blooms', {
  block: integer('block').primaryKey(),
  /** Bounds of timestamp_unix_nano over the block's records (ns). */
  minTimestampUnixNano: integer('min_timestamp_unix_nano').notNull(),
  maxTimestampUnixNano: integer('max_timestamp_unix_nano').notNull(),
  /** Distinct terms added: how full the filter is. */
  termCount: integer('term_count').notNull(),
  bloom: blob('bloom', { mode: 'buffer' }).notNull(),
});
