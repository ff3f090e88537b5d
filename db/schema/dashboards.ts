import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Dashboards: the model is the versioned JSON of lib/dashboards/model.ts, stored as text and validated on
 * every read and write (the table does not mirror its fields). `version` starts at 1 and grows by one per
 * save, for optimistic concurrency. Provisioned rows come from a file (`source_path`) and are overwritten
 * when that file changes. Times are unix milliseconds.
 */
export const dashboards = sqliteTable('dashboards', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  title: text('title').notNull(),
  model: text('model').notNull(),
  version: integer('version').notNull(),
  provisioned: integer('provisioned').notNull().default(0),
  sourcePath: text('source_path'),
  createdAtMs: integer('created_at_ms').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/**
 * Annotations (deploy markers and the like): a point in time or an interval (unix ms), text, tags as a
 * JSON array, and the service they concern ('' for none). `source` is 'api' or 'auto' (new service.version).
 */
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    timeMs: integer('time_ms').notNull(),
    timeEndMs: integer('time_end_ms'),
    text: text('text').notNull(),
    tags: text('tags').notNull(),
    serviceName: text('service_name').notNull().default(''),
    source: text('source').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
  },
  (t) => [index('annotations_time_idx').on(t.timeMs)],
);
