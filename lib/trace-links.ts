/**
 * Links out of a trace that keep the time context. Logs often land after the span that caused
 * them ends (async flush, retries), so the window is padded more after than before.
 */
export const LOGS_PAD_BEFORE_MS = 60_000;
export const LOGS_PAD_AFTER_MS = 5 * 60_000;

/** `/logs?traceId=…[&spanId=…]&from=…&to=…` for a trace (or one span) spanning [startMs, endMs]. */
export function logsHref(traceId: string, startMs: number, endMs: number, spanId?: string): string {
  const params = new URLSearchParams({ traceId });
  if (spanId) params.set('spanId', spanId);
  params.set('from', String(Math.floor(startMs - LOGS_PAD_BEFORE_MS)));
  params.set('to', String(Math.ceil(endMs + LOGS_PAD_AFTER_MS)));
  return `/logs?${params.toString()}`;
}

/** The waterfall of a trace, optionally selecting a span, with an explicit padded time range. */
export function traceHref(traceId: string, opts: { spanId?: string; fromMs?: number; toMs?: number } = {}): string {
  const params = new URLSearchParams();
  if (opts.spanId) params.set('span', opts.spanId);
  if (opts.fromMs !== undefined && opts.toMs !== undefined) {
    params.set('from', String(Math.floor(opts.fromMs)));
    params.set('to', String(Math.ceil(opts.toMs)));
  }
  const qs = params.toString();
  return `/traces/${traceId}${qs ? `?${qs}` : ''}`;
}
