import type Database from 'better-sqlite3';
import type { MetricPoint, MetricRow, MetricSeriesKey, ResourceRow, ScopedRows } from './rows';
import { fingerprint, type ResourceScopeIds } from './resource-ids';
import { attributesJsonToTextMap } from '@/lib/otlp-attributes';
import { canonicalLabels, prometheusLabels, prometheusMetricName } from '@/lib/otel-prometheus-naming';
import { promSampleCacheFor } from './prom-sample-cache';

/** bigint counts are stored as JSON numbers: exact up to 2^53, far beyond any real bucket count. */
const countsJson = (counts: bigint[]) => JSON.stringify(counts.map(Number));

/**
 * Inserts metric points, creating series on first sight. Points are keyed (series, time): a re-sent
 * point replaces the stored one rather than duplicating it.
 */
export function prepareMetricWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  // Series ids in two levels: (resource, scope, metric identity) → point attributes → id. The outer key
  // is built once per run of points of one metric (they arrive together), so the per-point lookup
  // hashes only the attributes text instead of a long concatenation of every field (measured: the
  // one-level key was 2 µs per point, a third of a cached point's write cost).
  const seriesIds = new Map<string, Map<string, number>>();
  const insertSeries = sqlite.prepare(
    `INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description, unit, kind,
       temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
  );
  const selectSeries = sqlite.prepare('SELECT id FROM metric_series WHERE fingerprint = ?').pluck();
  const insertPoint = preparePointInserts(sqlite);

  /** Ids of the series of one metric under one resource and scope, by point attributes text. */
  function metricSeriesIds(key: MetricSeriesKey, resourceId: number, scopeId: number): Map<string, number> {
    const metricKey = `${resourceId}\u0000${scopeId}\u0000${key.name}\u0000${key.unit}\u0000${key.kind}\u0000${key.temporality}\u0000${key.isMonotonic}`;
    let byAttributes = seriesIds.get(metricKey);
    if (!byAttributes) seriesIds.set(metricKey, (byAttributes = new Map()));
    return byAttributes;
  }

  function createSeries(key: MetricSeriesKey, resource: ResourceRow, resourceId: number, scopeId: number): number {
    // The fingerprint text (and so stored fingerprints) is unchanged from the one-level cache's key.
    const fp = fingerprint(`${resourceId}\u0000${scopeId}\u0000${key.name}\u0000${key.unit}\u0000${key.kind}\u0000${key.temporality}\u0000${key.isMonotonic}\u0000${key.attributesJson}`);
    const resourceAttrs = attributesJsonToTextMap(resource.attributesJson);
    const promName = prometheusMetricName(key);
    const promLabels = prometheusLabels(attributesJsonToTextMap(key.attributesJson), {
      serviceName: resource.serviceName,
      serviceNamespace: resourceAttrs['service.namespace'],
      serviceInstanceId: resourceAttrs['service.instance.id'],
    });
    insertSeries.run(fp, resourceId, scopeId, resource.serviceName, key.name, key.description, key.unit, key.kind,
      key.temporality, key.isMonotonic ? 1 : 0, key.attributesJson, key.metadataJson, promName, canonicalLabels(promLabels));
    return Number(selectSeries.get(fp));
  }

  /** True when two series keys belong to the same metric (same outer cache key). */
  const sameMetric = (a: MetricSeriesKey, b: MetricSeriesKey) =>
    a.name === b.name && a.unit === b.unit && a.kind === b.kind && a.temporality === b.temporality && a.isMonotonic === b.isMonotonic;

  const write = (groups: ScopedRows<MetricRow>[]): void => {
    for (const group of groups) {
      const resourceId = ids.resourceId(group.resource);
      const scopeId = ids.scopeId(group.scope);
      let metric: MetricSeriesKey | null = null;
      let byAttributes = new Map<string, number>();
      for (const row of group.rows) {
        const key = row.series;
        if (metric === null || !sameMetric(metric, key)) {
          metric = key;
          byAttributes = metricSeriesIds(key, resourceId, scopeId);
        }
        let id = byAttributes.get(key.attributesJson);
        if (id === undefined) {
          id = createSeries(key, group.resource, resourceId, scopeId);
          byAttributes.set(key.attributesJson, id);
        }
        insertPoint(id, row.point);
      }
    }
  };
  return Object.assign(write, { clearCache: () => seriesIds.clear() });
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

  return (seriesId: number, p: MetricPoint): void => {
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
}
