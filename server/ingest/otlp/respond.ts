/**
 * OTLP/HTTP response bodies, in the request's encoding:
 * - success: Export*ServiceResponse, with partial_success only when something was rejected
 *   (or a warning message is given), as the spec asks;
 * - failure: google.rpc.Status { code, message, details: [] }.
 * JSON follows proto3 JSON mapping: lowerCamelCase names, int64 counts as decimal strings.
 */
import type { OtlpEncoding, OtlpSignal } from './decode';
import { codecs, protobufReflection, type MessageCodec, type ReflectionType } from './common/schema';

export interface PartialSuccess {
  rejected: number;
  errorMessage: string;
}

const RESPONSES: Readonly<Record<OtlpSignal, { codec: MessageCodec; rejectedField: string }>> = {
  traces: { codec: codecs.traceResponse, rejectedField: 'rejectedSpans' },
  logs: { codec: codecs.logsResponse, rejectedField: 'rejectedLogRecords' },
  metrics: { codec: codecs.metricsResponse, rejectedField: 'rejectedDataPoints' },
};

const utf8 = new TextEncoder();

export function encodeExportResponse(signal: OtlpSignal, encoding: OtlpEncoding, partial?: PartialSuccess): Uint8Array {
  const { codec, rejectedField } = RESPONSES[signal];
  const hasPartial = partial !== undefined && (partial.rejected > 0 || partial.errorMessage !== '');
  if (encoding === 'json') {
    const body = hasPartial
      ? { partialSuccess: { [rejectedField]: String(partial.rejected), errorMessage: partial.errorMessage } }
      : {};
    return utf8.encode(JSON.stringify(body));
  }
  const message = hasPartial
    ? { partialSuccess: { [rejectedField]: partial.rejected, errorMessage: partial.errorMessage } }
    : {};
  return codec.encode(codec.fromObject(message)).finish();
}

/** google.rpc.Status built with protobufjs reflection (the OTLP schema package does not ship it). */
function buildStatusType(): ReflectionType {
  const { Root, Type, Field } = protobufReflection;
  const root = new Root();
  const any = new Type('Any').add(new Field('typeUrl', 1, 'string')).add(new Field('value', 2, 'bytes'));
  root.define('google.protobuf').add(any);
  const status = new Type('Status')
    .add(new Field('code', 1, 'int32'))
    .add(new Field('message', 2, 'string'))
    .add(new Field('details', 3, 'google.protobuf.Any', 'repeated'));
  root.define('google.rpc').add(status);
  return status;
}

let statusType: ReflectionType | undefined;

export function encodeStatus(encoding: OtlpEncoding, code: number, message: string): Uint8Array {
  if (encoding === 'json') return utf8.encode(JSON.stringify({ code, message, details: [] }));
  statusType ??= buildStatusType();
  return statusType.encode({ code, message, details: [] }).finish();
}
