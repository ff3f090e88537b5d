import { sqliteTable, integer, text, real, blob, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * A series is one OTLP metric (name, unit, kind, temporality) with one set of point attributes under
 * one resource and scope. `prom_name` and `prom_labels` are its Prometheus identity under the
 * OpenTelemetry-to-Prometheus rules (computed at ingest), so a PromQL engine selects series by them;
 * histograms expand to `_bucket/_sum/_count` at query time from one row per point.
 */
export const metricSeries = sqliteTable(
  'metric_series',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fingerprint: text('fingerprint').notNull().unique(),
    resourceId: integer('resource_id').notNull(),
    scopeId: integer('scope_id').notNull(),
    serviceName: text('service_name').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default(''),
    kind: text('kind').notNull(),
    temporality: integer('temporality').notNull().default(0),
    isMonotonic: integer('is_monotonic', { mode: 'boolean' }).notNull().default(false),
    attributes: text('attributes').notNull(),
    metadata: text('metadata').notNull().default('[]'),
    promName: text('prom_name').notNull(),
    /** Canonical JSON object of Prometheus labels (sorted keys, no __name__). */
    promLabels: text('prom_labels').notNull(),
  },
  (t) => [index('metric_series_prom_name_idx').on(t.promName)],
);

/** Common columns of every point table; the key is (series, time) so a re-sent point replaces itself. */
const pointColumns = () => ({
  seriesId: integer('series_id').notNull(),
  timeUnixNano: integer('time_unix_nano').notNull(),
  startTimeUnixNano: integer('start_time_unix_nano').notNull().default(0),
  flags: integer('flags').notNull().default(0),
});

/**
 * Gauge and sum points. `value` has no type affinity (BLOB): asInt stays INTEGER, asDouble stays REAL.
 * NULL means NaN (SQLite cannot store NaN; a REAL NaN would turn into NULL anyway).
 */
export const metricNumberPoints = sqliteTable(
  'metric_number_points',
  { ...pointColumns(), value: blob('value') },
  (t) => [primaryKey({ columns: [t.seriesId, t.timeUnixNano] })],
);

/** Explicit-bucket histogram points; bucket counts and bounds are JSON arrays of numbers. */
export const metricHistogramPoints = sqliteTable(
  'metric_histogram_points',
  {
    ...pointColumns(),
    count: integer('count').notNull(),
    sum: real('sum'),
    min: real('min'),
    max: real('max'),
    bucketCounts: text('bucket_counts').notNull(),
    explicitBounds: text('explicit_bounds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.timeUnixNano] })],
);

export const metricExpHistogramPoints = sqliteTable(
  'metric_exp_histogram_points',
  {
    ...pointColumns(),
    count: integer('count').notNull(),
    sum: real('sum'),
    min: real('min'),
    max: real('max'),
    scale: integer('scale').notNull(),
    zeroCount: integer('zero_count').notNull(),
    zeroThreshold: real('zero_threshold').notNull().default(0),
    positiveOffset: integer('positive_offset').notNull(),
    positiveBucketCounts: text('positive_bucket_counts').notNull(),
    negativeOffset: integer('negative_offset').notNull(),
    negativeBucketCounts: text('negative_bucket_counts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.timeUnixNano] })],
);

export const metricSummaryPoints = sqliteTable(
  'metric_summary_points',
  {
    ...pointColumns(),
    count: integer('count').notNull(),
    sum: real('sum'),
    /** JSON array of {quantile, value}. */
    quantileValues: text('quantile_values').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.timeUnixNano] })],
);

/** Exemplars of any point; `point_time_unix_nano` ties one to its point. Value: BLOB affinity as above. */
export const exemplars = sqliteTable(
  'exemplars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seriesId: integer('series_id').notNull(),
    pointTimeUnixNano: integer('point_time_unix_nano').notNull(),
    timeUnixNano: integer('time_unix_nano').notNull(),
    value: blob('value'),
    traceId: text('trace_id'),
    spanId: text('span_id'),
    filteredAttributes: text('filtered_attributes').notNull(),
  },
  (t) => [index('exemplars_series_time_idx').on(t.seriesId, t.timeUnixNano)],
);
