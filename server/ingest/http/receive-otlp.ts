import type { DecodedExport, WriteBatch } from '@/server/store/rows';
import { storeBatch, WriteQueueFullError } from '@/server/store/ingest-writer';
import type { OtlpEncoding, OtlpSignal } from '../otlp/decode';
import { decodeOffThread } from '../decode-worker/decode-off-thread';
import { OtlpDecodeError } from '../otlp/common/errors';
import { encodeExportResponse, encodeStatus } from '../otlp/respond';
import { BodyError, readBody, type IncomingBody } from './read-body';
import { CONTENT_TYPES, otlpEncodingOf } from './content-type';
import { admit } from './admission';

/** google.rpc.Code values used in Status bodies. */
const RPC = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14 } as const;

/** The write batch of decoded row groups (metrics arrive as MetricColumns: see decodeSignal). */
function batchOf(signal: OtlpSignal, decoded: DecodedExport<unknown>): WriteBatch {
  if (signal === 'traces') return { spans: decoded.groups as WriteBatch['spans'] };
  if (signal === 'logs') return { logs: decoded.groups as WriteBatch['logs'] };
  return { metricColumns: decoded.groups as WriteBatch['metricColumns'] };
}

/** A receiver's answer, independent of the HTTP server that sends it. */
export interface OtlpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

function statusAnswer(enc: OtlpEncoding, status: number, rpcCode: number, message: string, headers: Record<string, string> = {}): OtlpAnswer {
  return { status, headers: { 'content-type': CONTENT_TYPES[enc], ...headers }, body: encodeStatus(enc, rpcCode, message) };
}

/**
 * The OTLP/HTTP receiver (spec: opentelemetry-proto docs/specification.md, OTLP/HTTP):
 * 200 with Export*ServiceResponse (partial_success when items were rejected), 400/413/415 for bad
 * bodies with a google.rpc.Status, 503 + Retry-After when the write queue is full. The response is
 * sent only after the rows are committed.
 */
export async function receiveOtlp(signal: OtlpSignal, request: IncomingBody): Promise<OtlpAnswer> {
  const enc = otlpEncodingOf(request.contentType);
  if (!enc) {
    const got = request.contentType ?? 'none';
    return statusAnswer('json', 415, RPC.INVALID_ARGUMENT,
      `unsupported Content-Type "${got}": send application/x-protobuf or application/json`);
  }
  const ticket = admit(request.contentLength);
  if (!ticket) return statusAnswer(enc, 503, RPC.UNAVAILABLE, 'server busy: too many bytes in flight; retry later', { 'retry-after': '1' });
  try {
    const body = await readBody(request);
    const decoded = await decodeOffThread(signal, body, enc);
    await storeBatch(batchOf(signal, decoded));
    const partial = decoded.rejected > 0
      ? { rejected: decoded.rejected, errorMessage: decoded.rejectionReasons.join('; ') }
      : undefined;
    return { status: 200, headers: { 'content-type': CONTENT_TYPES[enc] }, body: encodeExportResponse(signal, enc, partial) };
  } catch (err) {
    if (err instanceof BodyError) return statusAnswer(enc, err.status, RPC.INVALID_ARGUMENT, err.message);
    if (err instanceof OtlpDecodeError) return statusAnswer(enc, 400, RPC.INVALID_ARGUMENT, err.message);
    if (err instanceof WriteQueueFullError) {
      return statusAnswer(enc, 503, RPC.UNAVAILABLE, err.message, { 'retry-after': String(err.retryAfterSeconds) });
    }
    console.error(`[sightline] ${signal} ingest failed`, err);
    return statusAnswer(enc, 500, RPC.INTERNAL, 'internal error while storing the data');
  } finally {
    ticket.release();
  }
}
