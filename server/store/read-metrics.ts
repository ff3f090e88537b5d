import type { ExemplarRow, MetricPoint, MetricRow, MetricSeriesKey, ScopedRows } from './rows';
import { getSqlite } from './connection';
import { groupByResourceScope, RESOURCE_SCOPE_COLUMNS, type ResourceScopeColumns } from './group-by-scope';

export interface MetricFilter {
  serviceName?: string;
  /** OTLP metric name as sent. */
  name?: string;
  fromUnixNano: bigint;
  toUnixNano: bigint;
}

interface SeriesColumns extends ResourceScopeColumns {
  id: bigint; name: string; description: string; unit: string; kind: MetricSeriesKey['kind'];
  temporality: bigint; is_monotonic: bigint; attributes: string; metadata: string;
}

type PointColumns = Record<string, unknown> & { time_unix_nano: bigint; start_time_unix_nano: bigint; flags: bigint };

const POINT_TABLES: Record<MetricSeriesKey['kind'], string> = {
  gauge: 'metric_number_points', sum: 'metric_number_points', histogram: 'metric_histogram_points',
  exponentialHistogram: 'metric_exp_histogram_points', summary: 'metric_summary_points',
};

/** Stored points of the matching series in the range, as MetricRows grouped by resource and scope. */
export function listMetricPoints(filter: MetricFilter): ScopedRows<MetricRow>[] {
  const sqlite = getSqlite();
  const where = ['1 = 1'];
  if (filter.serviceName !== undefined) where.push('ms.service_name = @service');
  if (filter.name !== undefined) where.push('ms.name = @name');
  const series = sqlite.prepare(
    `SELECT ms.*, ${RESOURCE_SCOPE_COLUMNS} FROM metric_series ms
     JOIN resources r ON r.id = ms.resource_id JOIN scopes s ON s.id = ms.scope_id
     WHERE ${where.join(' AND ')} ORDER BY ms.id`,
  ).safeIntegers(true).all({ service: filter.serviceName, name: filter.name }) as SeriesColumns[];

  const flat: (SeriesColumns & { row: MetricRow })[] = [];
  for (const s of series) {
    const points = sqlite.prepare(
      `SELECT * FROM ${POINT_TABLES[s.kind]} WHERE series_id = ? AND time_unix_nano BETWEEN ? AND ? ORDER BY time_unix_nano`,
    ).safeIntegers(true).all(s.id, filter.fromUnixNano, filter.toUnixNano) as PointColumns[];
    const key: MetricSeriesKey = {
      name: s.name, description: s.description, unit: s.unit, kind: s.kind, temporality: Number(s.temporality),
      isMonotonic: s.is_monotonic === 1n, attributesJson: s.attributes, metadataJson: s.metadata,
    };
    for (const p of points) flat.push({ ...s, row: { series: key, point: toPoint(s.kind, p, readExemplars(s.id, p.time_unix_nano)) } });
  }
  return groupByResourceScope(flat, (r) => r.row);
}

function readExemplars(seriesId: bigint, pointTime: bigint): ExemplarRow[] {
  const rows = getSqlite().prepare(
    'SELECT * FROM exemplars WHERE series_id = ? AND point_time_unix_nano = ? ORDER BY id',
  ).safeIntegers(true).all(seriesId, pointTime) as {
    time_unix_nano: bigint; value: number | bigint | null; trace_id: string | null; span_id: string | null; filtered_attributes: string;
  }[];
  return rows.map((e) => ({
    timeUnixNano: e.time_unix_nano, value: e.value ?? NaN, traceId: e.trace_id, spanId: e.span_id,
    filteredAttributesJson: e.filtered_attributes,
  }));
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const counts = (json: unknown): bigint[] => (JSON.parse(String(json)) as number[]).map((n) => BigInt(n));

function toPoint(kind: MetricSeriesKey['kind'], p: PointColumns, exemplars: ExemplarRow[]): MetricPoint {
  const base = { timeUnixNano: p.time_unix_nano, startTimeUnixNano: p.start_time_unix_nano, flags: Number(p.flags), exemplars };
  if (kind === 'gauge' || kind === 'sum') {
    const v = p.value as number | bigint | null;
    return { ...base, kind: 'number', value: v ?? NaN };
  }
  if (kind === 'histogram') {
    return { ...base, kind: 'histogram', count: p.count as bigint, sum: num(p.sum), min: num(p.min), max: num(p.max),
      bucketCounts: counts(p.bucket_counts), explicitBounds: JSON.parse(String(p.explicit_bounds)) as number[] };
  }
  if (kind === 'exponentialHistogram') {
    return { ...base, kind: 'exponentialHistogram', count: p.count as bigint, sum: num(p.sum), min: num(p.min), max: num(p.max),
      scale: Number(p.scale), zeroCount: p.zero_count as bigint, zeroThreshold: Number(p.zero_threshold),
      positiveOffset: Number(p.positive_offset), positiveBucketCounts: counts(p.positive_bucket_counts),
      negativeOffset: Number(p.negative_offset), negativeBucketCounts: counts(p.negative_bucket_counts) };
  }
  return { ...base, kind: 'summary', count: p.count as bigint, sum: num(p.sum) ?? NaN,
    quantileValues: JSON.parse(String(p.quantile_values)) as { quantile: number; value: number }[] };
}
