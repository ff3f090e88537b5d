/**
 * ExportLogsServiceRequest (protobuf message or OTLP/JSON object) → LogRow groups.
 * Log correlation ids are optional: empty or all-zero ids become null, malformed ones reject the record.
 */
import { anyValueToText, type OtlpAnyValue } from '@/lib/otlp-attributes';
import type { DecodedExport, LogRow } from '@/server/store/rows';
import { anyValueJson, keyValuesJson } from '../common/any-value';
import { ItemRejection } from '../common/errors';
import { optionalId } from '../common/ids';
import { u64 } from '../common/int64';
import { enumValue, isObject, str, u32 } from '../common/scalars';
import { enums, type OtlpObject } from '../common/schema';
import { singleRowConverter, walkExport } from '../common/walk';

const SHAPE = { resources: 'resourceLogs', scopes: 'scopeLogs', items: 'logRecords' };

/** Search text: a string body as is (the common case, no re-parse), anything else rendered as text. */
function bodyText(body: unknown, bodyJson: string): string {
  if (isObject(body) && typeof body.stringValue === 'string') return body.stringValue;
  if (bodyJson === '{}') return '';
  return anyValueToText(JSON.parse(bodyJson) as OtlpAnyValue);
}

export function convertLogRecord(v: unknown): LogRow {
  if (!isObject(v)) throw new ItemRejection('log record must be an object');
  const bodyJson = anyValueJson(v.body);
  return {
    timeUnixNano: u64(v.timeUnixNano, 'timeUnixNano'),
    observedTimeUnixNano: u64(v.observedTimeUnixNano, 'observedTimeUnixNano'),
    severityNumber: enumValue(v.severityNumber, enums.severityNumber, 'SEVERITY_NUMBER_', 'severityNumber'),
    severityText: str(v.severityText, 'severityText'),
    bodyJson,
    bodyText: bodyText(v.body, bodyJson),
    attributesJson: keyValuesJson(v.attributes),
    droppedAttributesCount: u32(v.droppedAttributesCount, 'droppedAttributesCount'),
    flags: u32(v.flags, 'flags'),
    traceId: optionalId(v.traceId, 16, 'traceId'),
    spanId: optionalId(v.spanId, 8, 'spanId'),
    eventName: str(v.eventName, 'eventName'),
  };
}

const converter = singleRowConverter(convertLogRecord, 'log record');

/** Converts a decoded ExportLogsServiceRequest; throws OtlpDecodeError for structural problems. */
export function convertLogs(request: OtlpObject): DecodedExport<LogRow> {
  return walkExport(request, SHAPE, converter);
}
