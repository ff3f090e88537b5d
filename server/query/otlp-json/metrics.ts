/**
 * Stored metric points → spec OTLP/JSON `{resourceMetrics: […]}`. Points that share a metric identity
 * (name, description, unit, kind, temporality, monotonicity, metadata) within one scope go under one
 * Metric, each point carrying its own attributes, as an SDK would export them.
 */
import type { MetricRow, MetricSeriesKey, ScopedRows } from '@/server/store/rows';
import {
  groupByResourceAndScope,
  parseKeyValues,
  resourceToJson,
  scopeToJson,
  type OtlpJsonResource,
  type OtlpJsonScope,
  type OtlpKeyValue,
} from './common';
import { dataPointToOtlpJson, type OtlpJsonDataPoint } from './metric-points';

export type * from './metric-points';

interface DataPoints {
  dataPoints: OtlpJsonDataPoint[];
}
interface AggregatedDataPoints extends DataPoints {
  aggregationTemporality: number;
}

export interface OtlpJsonMetric {
  name: string;
  description: string;
  unit: string;
  metadata: OtlpKeyValue[];
  gauge?: DataPoints;
  sum?: AggregatedDataPoints & { isMonotonic: boolean };
  histogram?: AggregatedDataPoints;
  exponentialHistogram?: AggregatedDataPoints;
  summary?: DataPoints;
}

export interface OtlpJsonResourceMetrics {
  resource: OtlpJsonResource;
  scopeMetrics: { scope: OtlpJsonScope; metrics: OtlpJsonMetric[]; schemaUrl: string }[];
  schemaUrl: string;
}

function metricKey(s: MetricSeriesKey): string {
  return [s.name, s.description, s.unit, s.kind, s.temporality, s.isMonotonic, s.metadataJson].join('\u0000');
}

/** An empty Metric of the series' kind; `points` is the array its data points go into. */
function newMetric(s: MetricSeriesKey): { metric: OtlpJsonMetric; points: OtlpJsonDataPoint[] } {
  const points: OtlpJsonDataPoint[] = [];
  const metric: OtlpJsonMetric = { name: s.name, description: s.description, unit: s.unit, metadata: parseKeyValues(s.metadataJson) };
  const aggregationTemporality = s.temporality;
  switch (s.kind) {
    case 'gauge':
      metric.gauge = { dataPoints: points };
      break;
    case 'sum':
      metric.sum = { aggregationTemporality, isMonotonic: s.isMonotonic, dataPoints: points };
      break;
    case 'histogram':
      metric.histogram = { aggregationTemporality, dataPoints: points };
      break;
    case 'exponentialHistogram':
      metric.exponentialHistogram = { aggregationTemporality, dataPoints: points };
      break;
    case 'summary':
      metric.summary = { dataPoints: points };
      break;
  }
  return { metric, points };
}

function metricsOf(rows: readonly MetricRow[]): OtlpJsonMetric[] {
  const byKey = new Map<string, { metric: OtlpJsonMetric; points: OtlpJsonDataPoint[] }>();
  for (const row of rows) {
    const key = metricKey(row.series);
    let entry = byKey.get(key);
    if (!entry) {
      entry = newMetric(row.series);
      byKey.set(key, entry);
    }
    entry.points.push(dataPointToOtlpJson(row));
  }
  return [...byKey.values()].map((e) => e.metric);
}

export function metricGroupsToOtlpJson(groups: readonly ScopedRows<MetricRow>[]): { resourceMetrics: OtlpJsonResourceMetrics[] } {
  return {
    resourceMetrics: groupByResourceAndScope(groups).map((bucket) => ({
      resource: resourceToJson(bucket.resource),
      scopeMetrics: bucket.scopes.map(({ scope, rows }) => ({
        scope: scopeToJson(scope),
        metrics: metricsOf(rows),
        schemaUrl: scope.schemaUrl,
      })),
      schemaUrl: bucket.resource.schemaUrl,
    })),
  };
}
