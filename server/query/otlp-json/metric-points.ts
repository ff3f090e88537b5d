/**
 * MetricPoint rows → OTLP/JSON data points. uint64/int64 values become decimal strings, doubles
 * numbers (non-finite as "NaN"/"Infinity" strings), optional sum/min/max are omitted when null.
 */
import type { ExemplarRow, MetricRow } from '@/server/store/rows';
import { doubleToJson, parseKeyValues, type OtlpKeyValue } from './common';

type JsonDouble = number | string;

export interface OtlpJsonExemplar {
  filteredAttributes: OtlpKeyValue[];
  timeUnixNano: string;
  asDouble?: JsonDouble;
  asInt?: string;
  spanId: string;
  traceId: string;
}

interface PointCommon {
  attributes: OtlpKeyValue[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  exemplars: OtlpJsonExemplar[];
  flags: number;
}

export interface OtlpJsonNumberDataPoint extends PointCommon {
  asDouble?: JsonDouble;
  asInt?: string;
}

export interface OtlpJsonHistogramDataPoint extends PointCommon {
  count: string;
  sum?: JsonDouble;
  bucketCounts: string[];
  explicitBounds: JsonDouble[];
  min?: JsonDouble;
  max?: JsonDouble;
}

export interface OtlpJsonBuckets {
  offset: number;
  bucketCounts: string[];
}

export interface OtlpJsonExponentialHistogramDataPoint extends PointCommon {
  count: string;
  sum?: JsonDouble;
  scale: number;
  zeroCount: string;
  positive: OtlpJsonBuckets;
  negative: OtlpJsonBuckets;
  min?: JsonDouble;
  max?: JsonDouble;
  zeroThreshold: JsonDouble;
}

export interface OtlpJsonSummaryDataPoint extends Omit<PointCommon, 'exemplars'> {
  count: string;
  sum: JsonDouble;
  quantileValues: { quantile: JsonDouble; value: JsonDouble }[];
}

export type OtlpJsonDataPoint =
  | OtlpJsonNumberDataPoint
  | OtlpJsonHistogramDataPoint
  | OtlpJsonExponentialHistogramDataPoint
  | OtlpJsonSummaryDataPoint;

/** asDouble for numbers, asInt (decimal string) for bigint values. */
function valueFields(value: number | bigint): { asDouble?: JsonDouble; asInt?: string } {
  return typeof value === 'bigint' ? { asInt: value.toString() } : { asDouble: doubleToJson(value) };
}

function exemplarToJson(e: ExemplarRow): OtlpJsonExemplar {
  return {
    filteredAttributes: parseKeyValues(e.filteredAttributesJson),
    timeUnixNano: e.timeUnixNano.toString(),
    ...valueFields(e.value),
    spanId: e.spanId ?? '',
    traceId: e.traceId ?? '',
  };
}

/** Optional double fields: omitted when null (proto3 `optional`). */
function optionalDoubles(p: { sum: number | null; min: number | null; max: number | null }) {
  const out: { sum?: JsonDouble; min?: JsonDouble; max?: JsonDouble } = {};
  if (p.sum !== null) out.sum = doubleToJson(p.sum);
  if (p.min !== null) out.min = doubleToJson(p.min);
  if (p.max !== null) out.max = doubleToJson(p.max);
  return out;
}

function decimalList(values: readonly bigint[]): string[] {
  return values.map((v) => v.toString());
}

/** Fields every data point kind has; exemplars are added per kind (summaries have none). */
function commonFields(row: MetricRow) {
  return {
    attributes: parseKeyValues(row.series.attributesJson),
    startTimeUnixNano: row.point.startTimeUnixNano.toString(),
    timeUnixNano: row.point.timeUnixNano.toString(),
  };
}

export function dataPointToOtlpJson(row: MetricRow): OtlpJsonDataPoint {
  const p = row.point;
  const common = commonFields(row);
  const exemplars = p.exemplars.map(exemplarToJson);
  switch (p.kind) {
    case 'number':
      return { ...common, ...valueFields(p.value), exemplars, flags: p.flags };
    case 'histogram':
      return {
        ...common,
        count: p.count.toString(),
        ...optionalDoubles(p),
        bucketCounts: decimalList(p.bucketCounts),
        explicitBounds: p.explicitBounds.map(doubleToJson),
        exemplars,
        flags: p.flags,
      };
    case 'exponentialHistogram':
      return {
        ...common,
        count: p.count.toString(),
        ...optionalDoubles(p),
        scale: p.scale,
        zeroCount: p.zeroCount.toString(),
        positive: { offset: p.positiveOffset, bucketCounts: decimalList(p.positiveBucketCounts) },
        negative: { offset: p.negativeOffset, bucketCounts: decimalList(p.negativeBucketCounts) },
        zeroThreshold: doubleToJson(p.zeroThreshold),
        exemplars,
        flags: p.flags,
      };
    case 'summary': // SummaryDataPoint has no exemplars field in the proto
      return {
        ...common,
        count: p.count.toString(),
        sum: doubleToJson(p.sum),
        quantileValues: p.quantileValues.map((q) => ({ quantile: doubleToJson(q.quantile), value: doubleToJson(q.value) })),
        flags: p.flags,
      };
  }
}
