/** Stored log records → spec OTLP/JSON `{resourceLogs: […]}` (the inverse of the ingest decoder). */
import type { LogRow, ScopedRows } from '@/server/store/rows';
import {
  groupByResourceAndScope,
  parseKeyValues,
  resourceToJson,
  scopeToJson,
  type OtlpAnyValue,
  type OtlpJsonResource,
  type OtlpJsonScope,
  type OtlpKeyValue,
} from './common';

export interface OtlpJsonLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  /** `{}` when the record has no body. */
  body: OtlpAnyValue;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  flags: number;
  /** "" when the record is not correlated with a trace. */
  traceId: string;
  spanId: string;
  eventName: string;
}

export interface OtlpJsonResourceLogs {
  resource: OtlpJsonResource;
  scopeLogs: { scope: OtlpJsonScope; logRecords: OtlpJsonLogRecord[]; schemaUrl: string }[];
  schemaUrl: string;
}

export function logToOtlpJson(row: LogRow): OtlpJsonLogRecord {
  return {
    timeUnixNano: row.timeUnixNano.toString(),
    observedTimeUnixNano: row.observedTimeUnixNano.toString(),
    severityNumber: row.severityNumber,
    severityText: row.severityText,
    body: JSON.parse(row.bodyJson) as OtlpAnyValue,
    attributes: parseKeyValues(row.attributesJson),
    droppedAttributesCount: row.droppedAttributesCount,
    flags: row.flags,
    traceId: row.traceId ?? '',
    spanId: row.spanId ?? '',
    eventName: row.eventName,
  };
}

export function logGroupsToOtlpJson(groups: readonly ScopedRows<LogRow>[]): { resourceLogs: OtlpJsonResourceLogs[] } {
  return {
    resourceLogs: groupByResourceAndScope(groups).map((bucket) => ({
      resource: resourceToJson(bucket.resource),
      scopeLogs: bucket.scopes.map(({ scope, rows }) => ({
        scope: scopeToJson(scope),
        logRecords: rows.map(logToOtlpJson),
        schemaUrl: scope.schemaUrl,
      })),
      schemaUrl: bucket.resource.schemaUrl,
    })),
  };
}
