/**
 * Entry points for the OTLP/HTTP receiver: request body (protobuf or JSON) → rows. One converter
 * per signal walks both the protobuf message and the JSON object. Throws only `OtlpDecodeError`
 * (→ HTTP 400); invalid individual items are counted in `rejected` (→ partial success).
 */
import type { DecodedExport, LogRow, MetricColumns, MetricRow, SpanRow } from '@/server/store/rows';
import { unpackMetricColumns } from '@/server/store/metric-columns';
import { OtlpDecodeError } from './common/errors';
import { parseOtlpJson } from './common/parse-json';
import { codecs, type MessageCodec, type OtlpObject } from './common/schema';
import { convertLogs } from './logs/convert';
import { convertMetrics } from './metrics/convert';
import { convertTraces } from './traces/convert';

export type OtlpSignal = 'traces' | 'logs' | 'metrics';
export type OtlpEncoding = 'protobuf' | 'json';

export { OtlpDecodeError };

/**
 * Decodes protobuf bytes. The body is viewed as a Buffer (no copy) so protobufjs uses its
 * BufferReader: native utf8 decoding for strings and Buffer slices for bytes fields.
 */
function decodeProtobuf(codec: MessageCodec, body: Uint8Array): OtlpObject {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    return codec.decode(buffer);
  } catch (error) {
    // protobufjs throws plain Errors ("index out of range", "invalid wire type"), or a RangeError
    // for absurd nesting: all mean the body is not a valid message.
    const message = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(`invalid protobuf: ${message.slice(0, 200)}`);
  }
}

function decodeBody(codec: MessageCodec, body: Uint8Array, encoding: OtlpEncoding): OtlpObject {
  return encoding === 'json' ? parseOtlpJson(body) : decodeProtobuf(codec, body);
}

export function decodeTraces(body: Uint8Array, encoding: OtlpEncoding): DecodedExport<SpanRow> {
  return convertTraces(decodeBody(codecs.traceRequest, body, encoding));
}

export function decodeLogs(body: Uint8Array, encoding: OtlpEncoding): DecodedExport<LogRow> {
  return convertLogs(decodeBody(codecs.logsRequest, body, encoding));
}

/** Metric points as the writer takes them: one MetricColumns per metric (what the receiver stores). */
export function decodeMetricColumns(body: Uint8Array, encoding: OtlpEncoding): DecodedExport<MetricColumns> {
  return convertMetrics(decodeBody(codecs.metricsRequest, body, encoding));
}

/** Metric points one row each (for reading and comparing them: tests, the raw-insert benchmark). */
export function decodeMetrics(body: Uint8Array, encoding: OtlpEncoding): DecodedExport<MetricRow> {
  const decoded = decodeMetricColumns(body, encoding);
  return { ...decoded, groups: decoded.groups.map((g) => ({ resource: g.resource, scope: g.scope, rows: unpackMetricColumns(g.rows) })) };
}
