/**
 * Durations as typed in filters and URLs: a number with a unit, e.g. `250ms`, `1.5s`, `800us`, `2m`.
 * A bare number means milliseconds (what people mean in a latency box). Returns nanoseconds.
 */
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)?$/;

export function parseDurationNs(text: string): bigint | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const ns = Number(m[1]) * UNIT_NS[m[2] ?? 'ms'];
  return Number.isFinite(ns) ? BigInt(Math.round(ns)) : null;
}
