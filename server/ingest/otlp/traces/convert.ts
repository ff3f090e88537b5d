/**
 * ExportTraceServiceRequest (protobuf message or OTLP/JSON object) → SpanRow groups.
 * A span is rejected when its ids are missing, malformed or all zeros, or a field has a wrong type;
 * end < start is kept as sent (clock skew is the client's business, not a reason to drop data).
 */
import type { DecodedExport, SpanRow } from '@/server/store/rows';
import { keyValuesJson } from '../common/any-value';
import { ItemRejection } from '../common/errors';
import { idHex, optionalId, requiredId } from '../common/ids';
import { u64 } from '../common/int64';
import { enumValue, isObject, itemList, str, u32 } from '../common/scalars';
import { enums, type OtlpObject } from '../common/schema';
import { singleRowConverter, walkExport } from '../common/walk';

const SHAPE = { resources: 'resourceSpans', scopes: 'scopeSpans', items: 'spans' };

/** Span.events → OTLP/JSON array text. */
function eventsJson(v: unknown): string {
  const events = itemList(v, 'events');
  if (events.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!isObject(e)) throw new ItemRejection('event must be an object');
    if (i > 0) out += ',';
    out +=
      '{"timeUnixNano":"' + u64(e.timeUnixNano, 'event timeUnixNano').toString() +
      '","name":' + JSON.stringify(str(e.name, 'event name')) +
      ',"attributes":' + keyValuesJson(e.attributes) +
      ',"droppedAttributesCount":' + u32(e.droppedAttributesCount, 'event droppedAttributesCount') + '}';
  }
  return out + ']';
}

/** Span.links → OTLP/JSON array text; absent link ids are kept as "" (the JSON form of empty bytes). */
function linksJson(v: unknown): string {
  const links = itemList(v, 'links');
  if (links.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    if (!isObject(l)) throw new ItemRejection('link must be an object');
    if (i > 0) out += ',';
    out +=
      '{"traceId":"' + idHex(l.traceId, 16, 'link traceId') +
      '","spanId":"' + idHex(l.spanId, 8, 'link spanId') +
      '","traceState":' + JSON.stringify(str(l.traceState, 'link traceState')) +
      ',"attributes":' + keyValuesJson(l.attributes) +
      ',"droppedAttributesCount":' + u32(l.droppedAttributesCount, 'link droppedAttributesCount') +
      ',"flags":' + u32(l.flags, 'link flags') + '}';
  }
  return out + ']';
}

function statusOf(v: unknown): OtlpObject | null {
  if (v == null) return null;
  if (!isObject(v)) throw new ItemRejection('status must be an object');
  return v;
}

export function convertSpan(v: unknown): SpanRow {
  if (!isObject(v)) throw new ItemRejection('span must be an object');
  const status = statusOf(v.status);
  return {
    traceId: requiredId(v.traceId, 16, 'traceId'),
    spanId: requiredId(v.spanId, 8, 'spanId'),
    parentSpanId: optionalId(v.parentSpanId, 8, 'parentSpanId'),
    traceState: str(v.traceState, 'traceState'),
    flags: u32(v.flags, 'flags'),
    name: str(v.name, 'name'),
    kind: enumValue(v.kind, enums.spanKind, 'SPAN_KIND_', 'kind'),
    startTimeUnixNano: u64(v.startTimeUnixNano, 'startTimeUnixNano'),
    endTimeUnixNano: u64(v.endTimeUnixNano, 'endTimeUnixNano'),
    statusCode: status ? enumValue(status.code, enums.statusCode, 'STATUS_CODE_', 'status code') : 0,
    statusMessage: status ? str(status.message, 'status message') : '',
    attributesJson: keyValuesJson(v.attributes),
    droppedAttributesCount: u32(v.droppedAttributesCount, 'droppedAttributesCount'),
    eventsJson: eventsJson(v.events),
    droppedEventsCount: u32(v.droppedEventsCount, 'droppedEventsCount'),
    linksJson: linksJson(v.links),
    droppedLinksCount: u32(v.droppedLinksCount, 'droppedLinksCount'),
  };
}

const converter = singleRowConverter(convertSpan, 'span');

/** Converts a decoded ExportTraceServiceRequest; throws OtlpDecodeError for structural problems. */
export function convertTraces(request: OtlpObject): DecodedExport<SpanRow> {
  return walkExport(request, SHAPE, converter);
}
