import type Database from 'better-sqlite3';
import type { MetricColumns, MetricIdentity, MetricPoint, MetricRow, NumberPointColumns, ResourceRow, ScopedRows } from './rows';
import { fingerprint, type ResourceScopeIds } from './resource-ids';
import { attributesJsonToTextMap } from '@/lib/otlp-attributes';
import { canonicalLabels, prometheusLabels, prometheusMetricName } from '@/lib/otel-prometheus-naming';
import { promSampleCacheFor } from './prom-sample-cache';
import { numberValueAt, packMetricGroups, pointCount } from './metric-columns';

/**
 * Series ids of one metric (name, unit, kind, temporality, monotonicity) under one resource and scope,
 * by point attributes text, with what every series of it shares. Two levels because points of one
 * metric arrive together: the per-point lookup hashes only the attributes text instead of a long
 * concatenation of every field (measured: the one-level key was 2 µs per point).
 */
interface MetricSeries {
  idByAttributes: Map<string, number>;
  /** The fingerprint text's prefix: resource id, scope id and the metric's identity fields. */
  identity: string;
  promName: string;
  /** What `job` and `instance` come from. */
  resource: { serviceName: string; serviceNamespace?: string; serviceInstanceId?: string };
}

/** Points per multi-row INSERT of number columns (5 variables each, far below SQLite's 32,766 limit). */
const NUMBER_ROWS_PER_INSERT = 64;
const NUMBER_COLUMNS = 5;

/** bigint counts are stored as JSON numbers: exact up to 2^53, far beyond any real bucket count. */
const countsJson = (counts: bigint[]) => JSON.stringify(counts.map(Number));

/**
 * Inserts metric points, creating series on first sight. Points are keyed (series, time): a re-sent
 * point replaces the stored one rather than duplicating it.
 */
export function prepareMetricWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  // Series ids in two levels (see MetricSeries), by the metric's identity text.
  const seriesIds = new Map<string, MetricSeries>();
  const insertSeries = sqlite.prepare(
    `INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description, unit, kind,
       temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
  );
  const selectSeries = sqlite.prepare('SELECT id FROM metric_series WHERE fingerprint = ?').pluck();
  const { insertPoint, insertNumbers } = preparePointInserts(sqlite);

  /** The series of one metric under one resource and scope (created on first sight of the metric). */
  function metricSeries(key: MetricIdentity, resource: ResourceRow, resourceId: number, scopeId: number): MetricSeries {
    const identity = `${resourceId}\u0000${scopeId}\u0000${key.name}\u0000${key.unit}\u0000${key.kind}\u0000${key.temporality}\u0000${key.isMonotonic}`;
    let series = seriesIds.get(identity);
    if (!series) {
      const resourceAttrs = attributesJsonToTextMap(resource.attributesJson);
      series = {
        idByAttributes: new Map(),
        identity,
        promName: prometheusMetricName(key),
        resource: { serviceName: resource.serviceName, serviceNamespace: resourceAttrs['service.namespace'], serviceInstanceId: resourceAttrs['service.instance.id'] },
      };
      seriesIds.set(identity, series);
    }
    return series;
  }

  /**
   * Stores a series first seen in this process (it may exist already: the insert is then a no-op and
   * the id is read back). Everything derived from the metric and resource comes from `metric`,
   * computed once per metric: only the point attributes are converted here (a series is created for
   * roughly every eighth point in bench:ingest, so this is a hot path).
   */
  function createSeries(key: MetricIdentity, attributesJson: string, metric: MetricSeries, resourceId: number, scopeId: number): number {
    // The fingerprint text (and so stored fingerprints) is unchanged from the one-level cache's key.
    const fp = fingerprint(`${metric.identity}\u0000${attributesJson}`);
    const promLabels = prometheusLabels(attributesJsonToTextMap(attributesJson), metric.resource);
    const inserted = insertSeries.run(fp, resourceId, scopeId, metric.resource.serviceName, key.name, key.description, key.unit, key.kind,
      key.temporality, key.isMonotonic ? 1 : 0, attributesJson, key.metadataJson, metric.promName, canonicalLabels(promLabels));
    return inserted.changes === 1 ? Number(inserted.lastInsertRowid) : Number(selectSeries.get(fp));
  }

  const writeColumns = (groups: ScopedRows<MetricColumns>[]): void => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      for (const columns of group.rows) {
        const metric = metricSeries(columns.metric, group.resource, resourceId, scopeId);
        const seriesId = (i: number): number => {
          const attributesJson = columns.attributesJson[i];
          let id = metric.idByAttributes.get(attributesJson);
          if (id === undefined) {
            id = createSeries(columns.metric, attributesJson, metric, resourceId, scopeId);
            metric.idByAttributes.set(attributesJson, id);
          }
          return id;
        };
        const points = columns.points;
        const n = pointCount(columns);
        if (Array.isArray(points)) {
          for (let i = 0; i < n; i++) insertPoint(seriesId(i), points[i]);
        } else {
          const pointSeries = new Array<number>(n);
          for (let i = 0; i < n; i++) pointSeries[i] = seriesId(i);
          insertNumbers(pointSeries, points as NumberPointColumns);
        }
      }
    }
  };

  /** MetricRows (span metrics, tests) are packed into MetricColumns first: one code path for both forms. */
  const write = (groups: ScopedRows<MetricRow>[]): void => writeColumns(packMetricGroups(groups));

  return { write, writeColumns, clearCache: () => seriesIds.clear() };
}

function preparePointInserts(sqlite: Database.Database) {
  // Number points may land inside a range the PromQL sample cache holds (late or backfilled data).
  const sampleCache = promSampleCacheFor(sqlite);
  const cols = 'series_id, time_unix_nano, start_time_unix_nano, flags';
  const number = sqlite.prepare(`INSERT OR REPLACE INTO metric_number_points (${cols}, value) VALUES (?, ?, ?, ?, ?)`);
  const histogram = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_histogram_points (${cols}, count, sum, min, max, bucket_counts, explicit_bounds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const expHistogram = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_exp_histogram_points (${cols}, count, sum, min, max, scale, zero_count,
       zero_threshold, positive_offset, positive_bucket_counts, negative_offset, negative_bucket_counts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summary = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_summary_points (${cols}, count, sum, quantile_values) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const exemplar = sqlite.prepare(
    `INSERT INTO exemplars (series_id, point_time_unix_nano, time_unix_nano, value, trace_id, span_id, filtered_attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  // Number columns go in by multi-row INSERTs: the per-statement cost (binding call, step, reset,
  // result object) is then paid once per NUMBER_ROWS_PER_INSERT points. Rows of one statement are
  // inserted in order, so a repeated (series, time) still ends as its last point, as with single rows.
  const numberValues = `(${Array(NUMBER_COLUMNS).fill('?').join(', ')})`;
  const numberMany = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_number_points (${cols}, value) VALUES ${Array(NUMBER_ROWS_PER_INSERT).fill(numberValues).join(', ')}`,
  );
  const manyParams = new Array<unknown>(NUMBER_ROWS_PER_INSERT * NUMBER_COLUMNS);

  /** The points of number columns, point i in series `seriesIds[i]` (columns never hold exemplars). */
  const insertNumbers = (seriesIds: readonly number[], c: NumberPointColumns): void => {
    const n = seriesIds.length;
    let i = 0;
    for (; i + NUMBER_ROWS_PER_INSERT <= n; i += NUMBER_ROWS_PER_INSERT) {
      for (let j = 0, o = 0; j < NUMBER_ROWS_PER_INSERT; j++, o += NUMBER_COLUMNS) {
        const k = i + j;
        manyParams[o] = seriesIds[k];
        manyParams[o + 1] = c.timeUnixNano[k];
        manyParams[o + 2] = c.startTimeUnixNano[k];
        manyParams[o + 3] = c.flags[k];
        manyParams[o + 4] = numberValueAt(c, k);
      }
      numberMany.run(manyParams);
    }
    for (; i < n; i++) number.run(seriesIds[i], c.timeUnixNano[i], c.startTimeUnixNano[i], c.flags[i], numberValueAt(c, i));
    for (let k = 0; k < n; k++) sampleCache.noteWrite(seriesIds[k], c.timeUnixNano[k]);
  };

  const insertPoint = (seriesId: number, p: MetricPoint): void => {
    const head = [seriesId, p.timeUnixNano, p.startTimeUnixNano, p.flags] as const;
    switch (p.kind) {
      case 'number':
        number.run(seriesId, p.timeUnixNano, p.startTimeUnixNano, p.flags, p.value);
        sampleCache.noteWrite(seriesId, p.timeUnixNano);
        break;
      case 'histogram':
        histogram.run(...head, p.count, p.sum, p.min, p.max, countsJson(p.bucketCounts), JSON.stringify(p.explicitBounds));
        break;
      case 'exponentialHistogram':
        expHistogram.run(...head, p.count, p.sum, p.min, p.max, p.scale, p.zeroCount, p.zeroThreshold,
          p.positiveOffset, countsJson(p.positiveBucketCounts), p.negativeOffset, countsJson(p.negativeBucketCounts));
        break;
      case 'summary':
        summary.run(...head, p.count, p.sum, JSON.stringify(p.quantileValues));
        break;
    }
    for (const e of p.exemplars) {
      exemplar.run(seriesId, p.timeUnixNano, e.timeUnixNano, e.value, e.traceId, e.spanId, e.filteredAttributesJson);
    }
  };
  return { insertPoint, insertNumbers };
}
