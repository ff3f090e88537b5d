/**
 * Units guessed from metric names (Prometheus/OpenMetrics naming: base units as suffixes) and value
 * formatting for axes and tooltips. A guess, never a promise: anything unclear is 'none'.
 */
export type ValueUnit = 'seconds' | 'milliseconds' | 'bytes' | 'bytesPerSecond' | 'ratio' | 'percent' | 'none';

const KEYWORDS = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless',
  'atan2', 'inf', 'nan', 'start', 'end', 'smoothed', 'anchored', 'fill', 'fill_left', 'fill_right',
]);

/** Names whose unit is known although they carry no unit suffix. */
const KNOWN_SECONDS = new Set(['traces_spanmetrics_latency', 'traces_spanmetrics_duration']);

/** The unit of a base name (without `_total`, `_bucket`, `_sum`, `_count`). */
export function unitOfName(base: string): ValueUnit {
  if (base.endsWith('_seconds') || KNOWN_SECONDS.has(base)) return 'seconds';
  if (base.endsWith('_milliseconds')) return 'milliseconds';
  if (base.endsWith('_bytes')) return 'bytes';
  if (base.endsWith('_ratio')) return 'ratio';
  if (base.endsWith('_percent')) return 'percent';
  return 'none';
}

/** Metric names a PromQL expression selects (approximate: strings, matchers and grouping clauses removed). */
export function metricNamesIn(expr: string): string[] {
  const text = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/#[^\n]*/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/gi, ' ');
  const names = new Set<string>();
  const ident = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;
  let m: RegExpExecArray | null;
  while ((m = ident.exec(text)) !== null) {
    const name = m[0];
    const before = text[m.index - 1];
    if (before !== undefined && /[0-9.]/.test(before)) continue; // 1e3, 5m, 0x1f
    const after = text.slice(m.index + name.length);
    if (/^\s*\(/.test(after)) continue; // a function or aggregation
    if (KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

/**
 * The unit of an expression's values, when every metric in it agrees:
 * `histogram_quantile(…_seconds_bucket…)` → seconds, `rate(x_bytes_total[…])` → bytes per second,
 * `…_sum / …_count` → the unit of the metric, `_count` and bare `_bucket` → none (they count).
 */
export function guessUnit(expr: string): ValueUnit {
  const names = metricNamesIn(expr);
  if (names.length === 0) return 'none';
  const quantile = /\bhistogram_quantile\s*\(/.test(expr);
  const perSecond = /\b(?:rate|irate|deriv)\s*\(/.test(expr);
  const divides = /\//.test(expr.replace(/"(?:[^"\\]|\\.)*"/g, ''));
  const bases = new Map<string, Set<string>>();
  for (const n of names) {
    const m = /^(.*?)(_bucket|_sum|_count|_total|_created)?$/.exec(n)!;
    const base = m[1] || n;
    if (!bases.has(base)) bases.set(base, new Set());
    bases.get(base)!.add(m[2] ?? '');
  }
  // x_sum / x_count: an average of x.
  if (divides && bases.size === 1) {
    const [[base, suffixes]] = [...bases];
    if (suffixes.has('_sum') && suffixes.has('_count') && suffixes.size === 2) return unitOfName(base);
  }
  if (divides && !quantile) return 'none';
  const units = new Set<ValueUnit>();
  for (const [base, suffixes] of bases) {
    for (const suffix of suffixes) {
      let u = unitOfName(base);
      if (suffix === '_count' || suffix === '_created') u = 'none';
      else if (suffix === '_bucket') u = quantile ? u : 'none';
      else if (perSecond && !quantile) u = u === 'bytes' ? 'bytesPerSecond' : 'none';
      units.add(u);
    }
  }
  return units.size === 1 ? [...units][0] : 'none';
}

/** Latency-like units, in which "traces slower than this" makes sense. */
export function isDurationUnit(unit: ValueUnit): unit is 'seconds' | 'milliseconds' {
  return unit === 'seconds' || unit === 'milliseconds';
}

/** `digits` significant digits, trailing zeros dropped, never exponent notation for everyday magnitudes. */
function sig(value: number, digits = 3): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e15) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
    return String(Number(value.toFixed(Math.min(decimals, 20))));
  }
  return String(Number(value.toPrecision(digits)));
}

function scaled(value: number, steps: readonly [number, string][], digits: number): string {
  const abs = Math.abs(value);
  for (const [size, suffix] of steps) if (abs >= size) return `${sig(value / size, digits)}${suffix}`;
  const [size, suffix] = steps[steps.length - 1];
  return `${sig(value / size, digits)}${suffix}`;
}

const DURATION_STEPS: readonly [number, string][] = [
  [86_400, ' d'], [3600, ' h'], [60, ' min'], [1, ' s'], [1e-3, ' ms'], [1e-6, ' µs'], [1e-9, ' ns'],
];
const BYTE_STEPS: readonly [number, string][] = [
  [1024 ** 5, ' PiB'], [1024 ** 4, ' TiB'], [1024 ** 3, ' GiB'], [1024 ** 2, ' MiB'], [1024, ' KiB'], [1, ' B'],
];
const SI_STEPS: readonly [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];

/** A value in its unit for tooltips, tables and axis ticks: "950 ms", "1.5 MiB/s", "12.3%", "4.2k". */
export function formatValue(value: number, unit: ValueUnit, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) {
    return { seconds: '0 s', milliseconds: '0 s', bytes: '0 B', bytesPerSecond: '0 B/s', ratio: '0%', percent: '0%', none: '0' }[unit];
  }
  switch (unit) {
    case 'seconds': return scaled(value, DURATION_STEPS, digits);
    case 'milliseconds': return scaled(value / 1000, DURATION_STEPS, digits);
    case 'bytes': return scaled(value, BYTE_STEPS, digits);
    case 'bytesPerSecond': return `${scaled(value, BYTE_STEPS, digits)}/s`;
    case 'ratio': return `${sig(value * 100, digits)}%`;
    case 'percent': return `${sig(value, digits)}%`;
    default: return Math.abs(value) >= 1000 ? scaled(value, SI_STEPS, digits) : sig(value, digits);
  }
}

export const UNIT_LABELS: Record<ValueUnit, string> = {
  seconds: 'duration', milliseconds: 'duration', bytes: 'bytes', bytesPerSecond: 'bytes/s', ratio: 'percent', percent: 'percent', none: '',
};
