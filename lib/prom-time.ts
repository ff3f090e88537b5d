/**
 * Time and duration parameters of the Prometheus HTTP API, parsed as Prometheus parses them
 * (web/api/v1: parseTime, parseDuration; common/model: ParseDuration). Pure; results in epoch
 * milliseconds. Failures throw an Error whose message is Prometheus's text, for the caller to
 * prefix with `invalid parameter "<name>": `.
 */

/** Earliest and latest times the API accepts as "unbounded" (JS Date limits, ±275,760 years). */
export const MIN_TIME_MS = -8_640_000_000_000_000;
export const MAX_TIME_MS = 8_640_000_000_000_000;

/** What Prometheus prints for its min and max times; clients (Grafana, promtool) send them back. */
const MIN_TIME_FORMATTED = '-292273086-05-16T16:47:06Z';
const MAX_TIME_FORMATTED = '292277025-08-18T07:12:54.999999999Z';

/** A decimal float as Go's ParseFloat reads it, minus Inf/NaN/hex forms (never meaningful here). */
const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Go's math.Round: half away from zero. */
const goRound = (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x));

/**
 * `<rfc3339 | unix_timestamp>` → epoch ms. Unix seconds may have decimals (rounded to the
 * millisecond, as Prometheus does); RFC 3339 fractions are truncated to the millisecond.
 */
export function parsePromTime(text: string): number {
  if (FLOAT.test(text)) {
    const seconds = Number(text);
    if (Number.isFinite(seconds)) {
      const whole = Math.trunc(seconds);
      const ms = whole * 1000 + goRound((seconds - whole) * 1000);
      if (ms >= MIN_TIME_MS && ms <= MAX_TIME_MS) return ms === 0 ? 0 : ms;
    }
  }
  if (text === MIN_TIME_FORMATTED) return MIN_TIME_MS;
  if (text === MAX_TIME_FORMATTED) return MAX_TIME_MS;
  const ms = parseRfc3339(text);
  if (ms === null) throw new Error(`cannot parse ${goQuote(text)} to a valid timestamp`);
  return ms;
}

function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (day > daysInMonth) return null;
  let offsetMin = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999
  d.setUTCHours(hour, minute, second, frac);
  return d.getTime() - offsetMin * 60_000;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * `<duration | float seconds>` (step, timeout, lookback_delta) → ms. Float seconds are truncated
 * to the nanosecond as Go's time.Duration does; the result may be fractional or negative.
 */
export function parsePromDuration(text: string): number {
  if (FLOAT.test(text)) {
    const seconds = Number(text);
    const ns = seconds * 1e9;
    if (ns >= 2 ** 63 || ns < -(2 ** 63)) throw new Error(`cannot parse ${goQuote(text)} to a valid duration. It overflows int64`);
    return Math.trunc(ns) / 1e6;
  }
  const ms = parseDurationString(text);
  if (ms === null) throw new Error(`cannot parse ${goQuote(text)} to a valid duration`);
  return ms;
}

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Prometheus's duration syntax (`1h30m`, `5m`, `250ms`, `0`): ms, or null when invalid. */
export function parseDurationString(text: string): number | null {
  if (text === '0') return 0;
  if (text === '') return null;
  const m = DURATION.exec(text);
  if (!m) return null;
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * UNIT_MS[i];
  // Prometheus keeps durations in int64 milliseconds.
  return Number.isSafeInteger(ms) ? ms : null;
}

/** Go's %q for the printable ASCII that parameters normally hold. */
function goQuote(text: string): string {
  return JSON.stringify(text);
}
