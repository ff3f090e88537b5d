/**
 * ExportMetricsServiceRequest (protobuf message or OTLP/JSON object) → one MetricColumns per metric
 * (its points, each with its attributes; see MetricColumns in server/store/rows.ts).
 * Rejections are counted per data point (OTLP's rejected_data_points); a metric whose own fields are
 * invalid rejects all of its points.
 */
import type { DecodedExport, MetricColumns, MetricIdentity, MetricKind, MetricPoint } from '@/server/store/rows';
import { metricColumnsOf } from '@/server/store/metric-columns';
import { keyValuesJson } from '../common/any-value';
import { ItemRejection, type Rejections } from '../common/errors';
import { bool, enumValue, isObject, itemList, str } from '../common/scalars';
import { enums, type OtlpObject } from '../common/schema';
import { walkExport, type ItemConverter } from '../common/walk';
import { pointConverters } from './points';

const SHAPE = { resources: 'resourceMetrics', scopes: 'scopeMetrics', items: 'metrics' };

/** The `data` oneof members, in proto declaration order. */
const KINDS: readonly MetricKind[] = ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'];

interface MetricData {
  base: MetricIdentity;
  points: readonly unknown[];
}

function dataKind(v: OtlpObject): MetricKind | null {
  for (const kind of KINDS) if (v[kind] != null) return kind;
  return null;
}

/** Metric identity and its data points; null for a metric without data (nothing to store). */
function metricData(v: unknown): MetricData | null {
  if (!isObject(v)) throw new ItemRejection('metric must be an object');
  const kind = dataKind(v);
  if (kind === null) return null;
  const data = v[kind];
  if (!isObject(data)) throw new ItemRejection(`${kind} must be an object`);
  const hasTemporality = kind === 'sum' || kind === 'histogram' || kind === 'exponentialHistogram';
  const base: MetricIdentity = {
    name: str(v.name, 'name'),
    description: str(v.description, 'description'),
    unit: str(v.unit, 'unit'),
    kind,
    temporality: hasTemporality
      ? enumValue(data.aggregationTemporality, enums.aggregationTemporality, 'AGGREGATION_TEMPORALITY_', 'aggregationTemporality')
      : 0,
    isMonotonic: kind === 'sum' ? bool(data.isMonotonic, 'isMonotonic') : false,
    metadataJson: keyValuesJson(v.metadata),
  };
  return { base, points: itemList(data.dataPoints, 'dataPoints') };
}

/** Data points in a metric, for rejecting them all; a non-object metric counts as one. */
function countPoints(v: unknown): number {
  if (!isObject(v)) return 1;
  const kind = dataKind(v);
  const data = kind === null ? null : v[kind];
  return isObject(data) && Array.isArray(data.dataPoints) ? data.dataPoints.length : 0;
}

function convertMetric(v: unknown, out: MetricColumns[], rejections: Rejections): void {
  let metric: MetricData | null;
  try {
    metric = metricData(v);
  } catch (error) {
    rejections.addError(countPoints(v), error, 'metric');
    return;
  }
  if (metric === null) return;
  const { base, points } = metric;
  const convertPoint = pointConverters[base.kind];
  const attributesJson: string[] = [];
  const converted: MetricPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    try {
      if (!isObject(p)) throw new ItemRejection('data point must be an object');
      const point = convertPoint(p);
      attributesJson.push(keyValuesJson(p.attributes));
      converted.push(point);
    } catch (error) {
      rejections.addError(1, error, `data point of ${JSON.stringify(base.name.slice(0, 60))}`);
    }
  }
  if (converted.length > 0) out.push(metricColumnsOf(base, attributesJson, converted));
}

const converter: ItemConverter<MetricColumns> = { convert: convertMetric, count: countPoints };

/** Converts a decoded ExportMetricsServiceRequest; throws OtlpDecodeError for structural problems. */
export function convertMetrics(request: OtlpObject): DecodedExport<MetricColumns> {
  return walkExport(request, SHAPE, converter);
}
