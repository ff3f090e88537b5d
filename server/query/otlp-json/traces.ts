/** Stored spans → spec OTLP/JSON `{resourceSpans: […]}` (the inverse of the ingest decoder). */
import type { ScopedRows, SpanRow } from '@/server/store/rows';
import {
  groupByResourceAndScope,
  parseKeyValues,
  resourceToJson,
  scopeToJson,
  type OtlpJsonResource,
  type OtlpJsonScope,
  type OtlpKeyValue,
} from './common';

export interface OtlpJsonEvent {
  timeUnixNano: string;
  name: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
}

export interface OtlpJsonLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  flags: number;
}

export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  traceState: string;
  /** "" for a root span. */
  parentSpanId: string;
  flags: number;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  events: OtlpJsonEvent[];
  droppedEventsCount: number;
  links: OtlpJsonLink[];
  droppedLinksCount: number;
  status: { code: number; message: string };
}

export interface OtlpJsonResourceSpans {
  resource: OtlpJsonResource;
  scopeSpans: { scope: OtlpJsonScope; spans: OtlpJsonSpan[]; schemaUrl: string }[];
  schemaUrl: string;
}

export function spanToOtlpJson(row: SpanRow): OtlpJsonSpan {
  return {
    traceId: row.traceId,
    spanId: row.spanId,
    traceState: row.traceState,
    parentSpanId: row.parentSpanId ?? '',
    flags: row.flags,
    name: row.name,
    kind: row.kind,
    startTimeUnixNano: row.startTimeUnixNano.toString(),
    endTimeUnixNano: row.endTimeUnixNano.toString(),
    attributes: parseKeyValues(row.attributesJson),
    droppedAttributesCount: row.droppedAttributesCount,
    events: JSON.parse(row.eventsJson) as OtlpJsonEvent[],
    droppedEventsCount: row.droppedEventsCount,
    links: JSON.parse(row.linksJson) as OtlpJsonLink[],
    droppedLinksCount: row.droppedLinksCount,
    status: { code: row.statusCode, message: row.statusMessage },
  };
}

export function spanGroupsToOtlpJson(groups: readonly ScopedRows<SpanRow>[]): { resourceSpans: OtlpJsonResourceSpans[] } {
  return {
    resourceSpans: groupByResourceAndScope(groups).map((bucket) => ({
      resource: resourceToJson(bucket.resource),
      scopeSpans: bucket.scopes.map(({ scope, rows }) => ({
        scope: scopeToJson(scope),
        spans: rows.map(spanToOtlpJson),
        schemaUrl: scope.schemaUrl,
      })),
      schemaUrl: bucket.resource.schemaUrl,
    })),
  };
}
