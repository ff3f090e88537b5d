import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Resources and instrumentation scopes are deduplicated by a fingerprint of their canonical OTLP/JSON
 * form, so each span, log record or series points at one row instead of repeating its attributes.
 */
export const resources = sqliteTable('resources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fingerprint: text('fingerprint').notNull().unique(),
  serviceName: text('service_name').notNull(),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url').notNull().default(''),
  firstSeenUnixNano: integer('first_seen_unix_nano').notNull(),
});

export const scopes = sqliteTable('scopes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fingerprint: text('fingerprint').notNull().unique(),
  name: text('name').notNull(),
  version: text('version').notNull(),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url').notNull().default(''),
});
