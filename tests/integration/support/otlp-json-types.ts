import type { OtlpKeyValue } from '@/lib/otlp-attributes';

/** The subset of OTLP/JSON the integration tests read back from Sightline's APIs. */
export interface JsonResource { attributes: OtlpKeyValue[]; droppedAttributesCount?: number }
export interface JsonScope { name: string; version?: string; attributes?: OtlpKeyValue[] }

export interface JsonSpan {
  traceId: string; spanId: string; parentSpanId?: string; traceState?: string; name: string; kind: number;
  startTimeUnixNano: string; endTimeUnixNano: string; attributes: OtlpKeyValue[];
  events: { timeUnixNano: string; name: string; attributes: OtlpKeyValue[] }[];
  links: { traceId: string; spanId: string; attributes: OtlpKeyValue[] }[];
  status: { code?: number; message?: string };
  droppedAttributesCount?: number; droppedEventsCount?: number; droppedLinksCount?: number;
}
export interface TraceJson {
  resourceSpans: { resource: JsonResource; scopeSpans: { scope: JsonScope; spans: JsonSpan[] }[] }[];
}

export interface JsonLogRecord {
  timeUnixNano: string; observedTimeUnixNano: string; severityNumber?: number; severityText?: string;
  body?: Record<string, unknown>; attributes: OtlpKeyValue[]; traceId?: string; spanId?: string; eventName?: string;
}
export interface LogsJson {
  resourceLogs: { resource: JsonResource; scopeLogs: { scope: JsonScope; logRecords: JsonLogRecord[] }[] }[];
}

export interface JsonNumberPoint { timeUnixNano: string; startTimeUnixNano: string; asInt?: string; asDouble?: number; attributes: OtlpKeyValue[] }
export interface JsonHistogramPoint {
  timeUnixNano: string; startTimeUnixNano: string; count: string; sum?: number; min?: number; max?: number;
  bucketCounts: string[]; explicitBounds: number[]; attributes: OtlpKeyValue[];
}
export interface JsonMetric {
  name: string; description?: string; unit?: string;
  gauge?: { dataPoints: JsonNumberPoint[] };
  sum?: { dataPoints: JsonNumberPoint[]; aggregationTemporality: number; isMonotonic?: boolean };
  histogram?: { dataPoints: JsonHistogramPoint[]; aggregationTemporality: number };
}
export interface MetricsJson {
  resourceMetrics: { resource: JsonResource; scopeMetrics: { scope: JsonScope; metrics: JsonMetric[] }[] }[];
}
