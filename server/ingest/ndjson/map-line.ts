/**
 * One parsed JSON log line → a LogRow and its service. The common fields (lib/json-log-fields.ts)
 * map to the data model; every other field becomes a log attribute with its JSON type kept:
 * string → stringValue, integer → intValue (exact, int64), other number → doubleValue, boolean →
 * boolValue, object → kvlistValue, array → arrayValue, null → an unset AnyValue.
 * A recognised field whose value does not fit (an unparseable time, a malformed trace id) is kept
 * as an attribute under its own name instead, so nothing the app wrote is lost.
 */
import {
  LEVEL_FIELDS, MESSAGE_FIELDS, SERVICE_FIELDS, SPAN_ID_FIELDS, TIME_FIELDS, TRACE_ID_FIELDS,
  mapLogLevel, parseLogTimestamp, pickField,
} from '@/lib/json-log-fields';
import type { LogRow } from '@/server/store/rows';
import { anyValueJson, keyValuesJson, MAX_ANY_VALUE_DEPTH } from '../otlp/common/any-value';
import { ItemRejection } from '../otlp/common/errors';

/** OTel SDKs' default when no service.name is set. */
export const UNKNOWN_SERVICE = 'unknown_service';
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const SPAN_ID = /^[0-9a-fA-F]{16}$/;
const ZERO_ID = /^0+$/;

/** A plain JSON value (bigint for integers beyond 2^53) as an OTLP AnyValue object. */
function toAnyValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_ANY_VALUE_DEPTH) throw new ItemRejection(`nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'bigint') return v >= I64_MIN && v <= I64_MAX ? { intValue: v } : { stringValue: v.toString() };
  if (typeof v === 'number') return Number.isSafeInteger(v) ? { intValue: v } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map((x) => toAnyValue(x, depth + 1)) } };
  if (typeof v === 'object') return { kvlistValue: { values: toKeyValues(v as Record<string, unknown>, depth + 1) } };
  return { stringValue: String(v) };
}

function toKeyValues(o: Record<string, unknown>, depth = 0): { key: string; value: unknown }[] {
  return Object.entries(o).map(([key, value]) => ({ key, value: toAnyValue(value, depth) }));
}

/** A 16/32-hex id, lowercased; null for a missing or all-zero id; undefined when malformed. */
function hexId(v: unknown, pattern: RegExp): string | null | undefined {
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || !pattern.test(v)) return undefined;
  return ZERO_ID.test(v) ? null : v.toLowerCase();
}

export interface MappedLine {
  serviceName: string;
  row: LogRow;
}

/**
 * Maps one JSON object. `observedUnixNano` is when the request arrived (the record's time when the
 * line has none); `defaultService` applies when the line names no service.
 */
export function mapJsonLogLine(line: Record<string, unknown>, observedUnixNano: bigint, defaultService = UNKNOWN_SERVICE): MappedLine {
  const used = new Set<string>();
  const take = (fields: readonly string[]) => {
    const hit = pickField(line, fields);
    if (hit) used.add(hit[0]);
    return hit;
  };
  const keep = (hit: [string, unknown] | null) => { if (hit) used.delete(hit[0]); };

  const time = take(TIME_FIELDS);
  const timeUnixNano = time ? parseLogTimestamp(time[1]) : null;
  if (timeUnixNano === null) keep(time);

  const level = take(LEVEL_FIELDS);
  const severity = mapLogLevel(level?.[1]);

  const message = take(MESSAGE_FIELDS);
  const body = message ? message[1] : undefined;
  const bodyJson = anyValueJson(toAnyValue(body));
  const bodyText = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

  const traceField = take(TRACE_ID_FIELDS);
  const traceId = traceField ? hexId(traceField[1], TRACE_ID) : null;
  if (traceId === undefined) keep(traceField);
  const spanField = take(SPAN_ID_FIELDS);
  const spanId = spanField ? hexId(spanField[1], SPAN_ID) : null;
  if (spanId === undefined) keep(spanField);

  const service = take(SERVICE_FIELDS);
  const serviceName = typeof service?.[1] === 'string' && service[1].trim() !== '' ? service[1] : defaultService;
  if (service && typeof service[1] !== 'string') keep(service);

  const attributes = toKeyValues(Object.fromEntries(Object.entries(line).filter(([k]) => !used.has(k))));
  return {
    serviceName,
    row: {
      timeUnixNano: timeUnixNano ?? 0n, observedTimeUnixNano: observedUnixNano,
      severityNumber: severity.number, severityText: severity.text,
      bodyJson, bodyText, attributesJson: keyValuesJson(attributes), droppedAttributesCount: 0, flags: 0,
      traceId: traceId ?? null, spanId: spanId ?? null, eventName: '',
    },
  };
}
