/**
 * Span-metrics identity: the OTel metric names chosen so that lib/otel-prometheus-naming.ts yields
 * Tempo's Prometheus names, and the four label values of a series in Tempo's spelling.
 *
 * - `traces.spanmetrics.calls`, unit "", monotonic cumulative sum → `traces_spanmetrics_calls_total`
 * - `traces.spanmetrics.latency`, unit "" (NOT "s": that would append `_seconds`), cumulative
 *   histogram in seconds → `traces_spanmetrics_latency_bucket` / `_sum` / `_count`
 * Point attributes `service`, `span_name`, `span_kind`, `status_code` become the labels of the same
 * names; the resource carries only `service.name` = the span's service, so `job` = the service too.
 */
export const CALLS_METRIC = {
  name: 'traces.spanmetrics.calls',
  description: 'Spans received, per service, span name, span kind and status code (derived by Sightline from ingested spans).',
  unit: '',
} as const;

export const LATENCY_METRIC = {
  name: 'traces.spanmetrics.latency',
  description: 'Span duration in seconds, per service, span name, span kind and status code (derived by Sightline from ingested spans).',
  unit: '',
} as const;

/** Instrumentation scope of the derived metrics. */
export const SPAN_METRICS_SCOPE_NAME = 'sightline.spanmetrics';

/** OTLP SpanKind enum → Tempo's label value; unknown values (proto3 keeps them) count as unspecified. */
const SPAN_KINDS = [
  'SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER',
] as const;

/** OTLP Status.StatusCode enum → Tempo's label value; unknown values count as unset. */
const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;

export function spanKindLabel(kind: number): string {
  return SPAN_KINDS[kind] ?? SPAN_KINDS[0];
}

export function statusCodeLabel(code: number): string {
  return STATUS_CODES[code] ?? STATUS_CODES[0];
}

/**
 * Longest label value kept (UTF-16 code units). Longer service or span names are cut, so a hostile
 * client cannot make each of the bounded number of series hold megabytes of name.
 */
export const MAX_LABEL_VALUE_LENGTH = 1024;

export function boundLabelValue(value: string): string {
  if (value.length <= MAX_LABEL_VALUE_LENGTH) return value;
  let end = MAX_LABEL_VALUE_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  return value.slice(0, end);
}

export interface SpanMetricsLabels {
  service: string;
  spanName: string;
  spanKind: string;
  statusCode: string;
}

/** Map key of a label set (NUL cannot be confused with content: it separates fixed fields). */
export function labelsKey(l: SpanMetricsLabels): string {
  return `${l.service}\u0000${l.spanName}\u0000${l.spanKind}\u0000${l.statusCode}`;
}

const stringAttr = (key: string, value: string) => `{"key":${JSON.stringify(key)},"value":{"stringValue":${JSON.stringify(value)}}}`;

/**
 * Point attributes as canonical OTLP/JSON (the form ingest stores), always in this order so a label
 * set maps to one stored series.
 */
export function labelsAttributesJson(l: SpanMetricsLabels): string {
  return `[${stringAttr('service', l.service)},${stringAttr('span_name', l.spanName)},${stringAttr('span_kind', l.spanKind)},${stringAttr('status_code', l.statusCode)}]`;
}

/** Resource of a service's derived metrics: only `service.name`, so the Prometheus `job` is the service. */
export function serviceResourceAttributesJson(service: string): string {
  return `[${stringAttr('service.name', service)}]`;
}
