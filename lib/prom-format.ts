/**
 * Value and timestamp formatting of the Prometheus HTTP API, pure.
 *
 * Prometheus writes sample values as JSON strings with Go's strconv.FormatFloat(v, 'f', -1, 64):
 * the shortest decimal digits that read back as the same float64, never in exponent notation,
 * and "+Inf", "-Inf", "NaN". The same function names histogram buckets (`le`) and summary
 * quantiles (`quantile`) in Prometheus's OTLP translation, so `0.005`, `1`, `+Inf`.
 * Timestamps are seconds as a JSON number with millisecond precision (1435781430.781).
 */

/** Go's strconv.FormatFloat(v, 'f', -1, 64). */
export function formatPromFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const s = String(v);
  if (!s.includes('e')) return s;
  // JS switches to exponent notation outside [1e-7, 1e21); its digits are already the shortest
  // round-trip digits (as Go's), only the notation differs.
  const negative = s.startsWith('-');
  const [mantissa, expText] = (negative ? s.slice(1) : s).split('e');
  const digits = mantissa.replace('.', '');
  const point = (mantissa.indexOf('.') === -1 ? mantissa.length : mantissa.indexOf('.')) + Number(expText);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** Epoch milliseconds → the API's seconds (a JSON number: 1435781430.781, 1435781430). */
export function formatPromTimestamp(ms: number): number {
  return ms / 1000;
}

/** One `[<unix seconds>, "<value>"]` pair as the API writes samples and scalars. */
export function formatSamplePair(t: number, v: number): [number, string] {
  return [formatPromTimestamp(t), formatPromFloat(v)];
}

/**
 * A label set with its keys in byte order, as Prometheus writes every label set (so `__name__`,
 * whose underscores sort before letters, comes first). JSON key order is what clients see.
 */
export function sortedLabelSet(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = labels[key];
  return out;
}
