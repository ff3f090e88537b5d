/**
 * Where an exemplar leads: the trace's waterfall with the exemplar's span selected, keeping the chart's
 * time range as written in the URL (relative expressions such as `now-1h` pass through unchanged).
 * Same parameters as traceHref in lib/trace-links.ts (`span`, `from`, `to`), which takes only epoch ms.
 */
export function exemplarTraceHref(traceId: string, spanId: string | null, range: { from: string; to: string }): string {
  const params = new URLSearchParams();
  if (spanId) params.set('span', spanId);
  if (range.from.trim() !== '' && range.to.trim() !== '') {
    params.set('from', range.from.trim());
    params.set('to', range.to.trim());
  }
  const qs = params.toString();
  return `/traces/${traceId}${qs ? `?${qs}` : ''}`;
}

/** "4bf92f35…" for places with no room for 32 characters. */
export function shortTraceId(traceId: string): string {
  return traceId.length > 8 ? `${traceId.slice(0, 8)}…` : traceId;
}
