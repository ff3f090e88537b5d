import { getTraceSpans } from '@/server/store/read-trace';
import { spanGroupsToOtlpJson } from '@/server/query/otlp-json/traces';
import { traceIdProblem } from './trace-id';


export type TraceLookup =
  | { kind: 'found'; otlp: ReturnType<typeof spanGroupsToOtlpJson> }
  | { kind: 'not-found' }
  | { kind: 'bad-id'; message: string };

/** A stored trace as OTLP/JSON (`{resourceSpans: […]}`); ids and nanosecond times exactly as sent. */
export function getTraceOtlp(traceId: string): TraceLookup {
  const problem = traceIdProblem(traceId);
  if (problem) return { kind: 'bad-id', message: problem };
  const groups = getTraceSpans(traceId.toLowerCase());
  if (groups.length === 0) return { kind: 'not-found' };
  return { kind: 'found', otlp: spanGroupsToOtlpJson(groups) };
}
