import { getTraceSpans } from '@/server/store/read-trace';
import { spanGroupsToOtlpJson } from '@/server/query/otlp-json/traces';

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

export type TraceLookup =
  | { kind: 'found'; otlp: ReturnType<typeof spanGroupsToOtlpJson> }
  | { kind: 'not-found' }
  | { kind: 'bad-id'; message: string };

/** A stored trace as OTLP/JSON (`{resourceSpans: […]}`); ids and nanosecond times exactly as sent. */
export function getTraceOtlp(traceId: string): TraceLookup {
  if (!TRACE_ID.test(traceId) || /^0+$/.test(traceId)) {
    return { kind: 'bad-id', message: `trace id must be 32 hex characters, not all zero; got "${traceId.slice(0, 64)}"` };
  }
  const groups = getTraceSpans(traceId.toLowerCase());
  if (groups.length === 0) return { kind: 'not-found' };
  return { kind: 'found', otlp: spanGroupsToOtlpJson(groups) };
}
