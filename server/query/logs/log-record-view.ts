import { anyValueToPlain, anyValueToText, type OtlpAnyValue, type OtlpKeyValue } from '@/lib/otlp-attributes';
import type { StoredLogRecord } from '@/server/store/search-logs';

export type AttributeType = 'string' | 'int' | 'double' | 'bool' | 'bytes' | 'array' | 'map' | 'empty';

export interface AttributeView {
  key: string;
  /** The value as text (what `key=value` filters compare against; composites as JSON). */
  value: string;
  type: AttributeType;
}

/** A log record as the console shows it. Times are unix ns (bigint, exact). */
export interface LogRecordView {
  id: number;
  /** The sort time: the record's time, or its observed time when the producer sent none. */
  timestampUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  serviceName: string;
  /** `text`: a string body as is; `json`: a structured body, pretty-printed JSON. */
  body: { kind: 'text' | 'json'; text: string };
  attributes: AttributeView[];
  resourceAttributes: AttributeView[];
  traceId: string | null;
  spanId: string | null;
  scope: string;
  eventName: string;
}

function typeOf(v: OtlpAnyValue | undefined): AttributeType {
  if (!v) return 'empty';
  if (v.stringValue !== undefined) return 'string';
  if (v.intValue !== undefined) return 'int';
  if (v.doubleValue !== undefined) return 'double';
  if (v.boolValue !== undefined) return 'bool';
  if (v.bytesValue !== undefined) return 'bytes';
  if (v.arrayValue) return 'array';
  if (v.kvlistValue) return 'map';
  return 'empty';
}

function attributeViews(json: string): AttributeView[] {
  return (JSON.parse(json) as OtlpKeyValue[]).map((kv) => ({ key: kv.key, value: anyValueToText(kv.value), type: typeOf(kv.value) }));
}

function bodyView(json: string): LogRecordView['body'] {
  const value = JSON.parse(json) as OtlpAnyValue;
  if (value.arrayValue || value.kvlistValue) return { kind: 'json', text: JSON.stringify(anyValueToPlain(value), null, 2) };
  return { kind: 'text', text: anyValueToText(value) };
}

export function toLogRecordView(r: StoredLogRecord): LogRecordView {
  return {
    id: r.id, timestampUnixNano: r.timestampUnixNano, observedTimeUnixNano: r.observedTimeUnixNano,
    severityNumber: r.severityNumber, severityText: r.severityText, serviceName: r.serviceName, body: bodyView(r.bodyJson),
    attributes: attributeViews(r.attributesJson), resourceAttributes: attributeViews(r.resourceAttributesJson),
    traceId: r.traceId, spanId: r.spanId, scope: r.scopeVersion ? `${r.scopeName}@${r.scopeVersion}` : r.scopeName, eventName: r.eventName,
  };
}
