import { decodeLogs, decodeMetricColumns, decodeTraces, type OtlpEncoding, type OtlpSignal } from '../otlp/decode';
import type { DecodedExport } from '@/server/store/rows';

/**
 * The decoder of one signal: body bytes → row groups (throws OtlpDecodeError on a bad body). Metric
 * points come out as MetricColumns (one per metric), the form that is cheap to send from the worker.
 */
export function decodeSignal(signal: OtlpSignal, body: Uint8Array, encoding: OtlpEncoding): DecodedExport<unknown> {
  if (signal === 'traces') return decodeTraces(body, encoding);
  if (signal === 'logs') return decodeLogs(body, encoding);
  return decodeMetricColumns(body, encoding);
}
