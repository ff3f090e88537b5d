import { getSqlite } from './connection';

export interface SpanBrief {
  traceId: string;
  spanId: string | null;
  /** False when no span of the trace is stored. */
  traceStored: boolean;
  /** The exemplar's span when stored, else the trace's root. */
  serviceName: string | null;
  spanName: string | null;
  durationNs: bigint | null;
  /** Whole trace, from trace_summaries. */
  traceDurationNs: bigint | null;
  traceStartUnixNano: bigint | null;
  /** Spans of the trace with status ERROR (0 when the trace is not stored). */
  traceErrorCount: number;
}

/**
 * Who is behind each (trace id, span id) reference, e.g. exemplars on a chart: one indexed lookup
 * per reference (trace_summaries primary key, spans unique (trace_id, span_id)).
 */
export function getSpanBriefs(refs: { traceId: string; spanId: string | null }[]): SpanBrief[] {
  const sqlite = getSqlite();
  const trace = sqlite.prepare(
    'SELECT root_service_name, root_span_name, duration_ns, start_time_unix_nano, error_count FROM trace_summaries WHERE trace_id = ?',
  ).safeIntegers(true);
  const span = sqlite.prepare('SELECT service_name, name, duration_ns FROM spans WHERE trace_id = ? AND span_id = ?').safeIntegers(true);
  return refs.map(({ traceId, spanId }) => {
    const t = trace.get(traceId) as { root_service_name: string | null; root_span_name: string | null; duration_ns: bigint; start_time_unix_nano: bigint; error_count: bigint } | undefined;
    const s = spanId ? span.get(traceId, spanId) as { service_name: string; name: string; duration_ns: bigint } | undefined : undefined;
    return {
      traceId, spanId, traceStored: t !== undefined,
      serviceName: s?.service_name ?? t?.root_service_name ?? null,
      spanName: s?.name ?? t?.root_span_name ?? null,
      durationNs: s?.duration_ns ?? t?.duration_ns ?? null,
      traceDurationNs: t?.duration_ns ?? null,
      traceStartUnixNano: t?.start_time_unix_nano ?? null,
      traceErrorCount: t ? Number(t.error_count) : 0,
    };
  });
}
