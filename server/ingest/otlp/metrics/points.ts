/**
 * One OTLP data point → MetricPoint, per data kind. Units are as sent: times in ns since the epoch
 * (bigint), counts as bigint (uint64), values/bounds as doubles. A point with no value (neither
 * asDouble nor asInt, e.g. flags = NO_RECORDED_VALUE) gets value 0.
 */
import type {
  ExemplarRow,
  ExponentialHistogramPoint,
  HistogramPoint,
  MetricKind,
  MetricPoint,
  NumberPoint,
  SummaryPoint,
} from '@/server/store/rows';
import { keyValuesJson } from '../common/any-value';
import { ItemRejection } from '../common/errors';
import { optionalId } from '../common/ids';
import { i64, u64, u64List } from '../common/int64';
import { dbl, dblList, dblOrNull, i32, isObject, itemList, u32 } from '../common/scalars';
import type { OtlpObject } from '../common/schema';

/** NumberDataPoint / Exemplar value oneof: asDouble → number, asInt → exact bigint. */
function numberValue(v: OtlpObject): number | bigint {
  if (v.asDouble != null) return dbl(v.asDouble, 'asDouble');
  if (v.asInt != null) return i64(v.asInt, 'asInt');
  return 0;
}

function exemplars(v: unknown): ExemplarRow[] {
  const list = itemList(v, 'exemplars');
  const out: ExemplarRow[] = [];
  for (const e of list) {
    if (!isObject(e)) throw new ItemRejection('exemplar must be an object');
    out.push({
      timeUnixNano: u64(e.timeUnixNano, 'exemplar timeUnixNano'),
      value: numberValue(e),
      traceId: optionalId(e.traceId, 16, 'exemplar traceId'),
      spanId: optionalId(e.spanId, 8, 'exemplar spanId'),
      filteredAttributesJson: keyValuesJson(e.filteredAttributes),
    });
  }
  return out;
}

function numberPoint(p: OtlpObject): NumberPoint {
  return {
    kind: 'number',
    startTimeUnixNano: u64(p.startTimeUnixNano, 'startTimeUnixNano'),
    timeUnixNano: u64(p.timeUnixNano, 'timeUnixNano'),
    flags: u32(p.flags, 'flags'),
    exemplars: exemplars(p.exemplars),
    value: numberValue(p),
  };
}

function histogramPoint(p: OtlpObject): HistogramPoint {
  return {
    kind: 'histogram',
    startTimeUnixNano: u64(p.startTimeUnixNano, 'startTimeUnixNano'),
    timeUnixNano: u64(p.timeUnixNano, 'timeUnixNano'),
    flags: u32(p.flags, 'flags'),
    exemplars: exemplars(p.exemplars),
    count: u64(p.count, 'count'),
    sum: dblOrNull(p.sum, 'sum'),
    min: dblOrNull(p.min, 'min'),
    max: dblOrNull(p.max, 'max'),
    bucketCounts: u64List(itemList(p.bucketCounts, 'bucketCounts'), 'bucketCounts'),
    explicitBounds: dblList(p.explicitBounds, 'explicitBounds'),
  };
}

/** ExponentialHistogramDataPoint.Buckets; absent → offset 0, no buckets. */
function buckets(v: unknown, field: string): { offset: number; counts: bigint[] } {
  if (v == null) return { offset: 0, counts: [] };
  if (!isObject(v)) throw new ItemRejection(`${field} must be an object`);
  return {
    offset: i32(v.offset, `${field} offset`),
    counts: u64List(itemList(v.bucketCounts, `${field} bucketCounts`), `${field} bucketCounts`),
  };
}

function exponentialHistogramPoint(p: OtlpObject): ExponentialHistogramPoint {
  const positive = buckets(p.positive, 'positive');
  const negative = buckets(p.negative, 'negative');
  return {
    kind: 'exponentialHistogram',
    startTimeUnixNano: u64(p.startTimeUnixNano, 'startTimeUnixNano'),
    timeUnixNano: u64(p.timeUnixNano, 'timeUnixNano'),
    flags: u32(p.flags, 'flags'),
    exemplars: exemplars(p.exemplars),
    count: u64(p.count, 'count'),
    sum: dblOrNull(p.sum, 'sum'),
    min: dblOrNull(p.min, 'min'),
    max: dblOrNull(p.max, 'max'),
    scale: i32(p.scale, 'scale'),
    zeroCount: u64(p.zeroCount, 'zeroCount'),
    zeroThreshold: dbl(p.zeroThreshold, 'zeroThreshold'),
    positiveOffset: positive.offset,
    positiveBucketCounts: positive.counts,
    negativeOffset: negative.offset,
    negativeBucketCounts: negative.counts,
  };
}

function quantileValues(v: unknown): { quantile: number; value: number }[] {
  const list = itemList(v, 'quantileValues');
  const out: { quantile: number; value: number }[] = [];
  for (const q of list) {
    if (!isObject(q)) throw new ItemRejection('quantile value must be an object');
    out.push({ quantile: dbl(q.quantile, 'quantile'), value: dbl(q.value, 'quantile value') });
  }
  return out;
}

function summaryPoint(p: OtlpObject): SummaryPoint {
  return {
    kind: 'summary',
    startTimeUnixNano: u64(p.startTimeUnixNano, 'startTimeUnixNano'),
    timeUnixNano: u64(p.timeUnixNano, 'timeUnixNano'),
    flags: u32(p.flags, 'flags'),
    exemplars: [], // SummaryDataPoint has no exemplars field in the proto
    count: u64(p.count, 'count'),
    sum: dbl(p.sum, 'sum'),
    quantileValues: quantileValues(p.quantileValues),
  };
}

/** Point converter per metric data kind (gauge and sum share NumberDataPoint). */
export const pointConverters: Readonly<Record<MetricKind, (p: OtlpObject) => MetricPoint>> = {
  gauge: numberPoint,
  sum: numberPoint,
  histogram: histogramPoint,
  exponentialHistogram: exponentialHistogramPoint,
  summary: summaryPoint,
};
