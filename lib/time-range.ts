/**
 * Grafana-style time expressions and ranges, resolved to absolute epoch milliseconds.
 *
 * Accepted expressions:
 * - `now`
 * - `now-<n><unit>` or `now+<n><unit>` with unit s, m, h, d, w (e.g. `now-15m`, `now-7d`)
 * - epoch milliseconds as a decimal integer (e.g. `1763791200000`)
 *
 * Pure and isomorphic: "now" is always passed in as `nowMs`, never read from the clock here.
 */

export type TimeExpression = string;

export interface TimeRangeInput {
  from: TimeExpression;
  to: TimeExpression;
}

export interface ResolvedTimeRange {
  fromMs: number;
  toMs: number;
}

export type ParsedTimeExpression =
  | { kind: 'relative'; offsetMs: number }
  | { kind: 'absolute'; epochMs: number };

export const DEFAULT_TIME_RANGE: Readonly<TimeRangeInput> = Object.freeze({ from: 'now-1h', to: 'now' });

const UNIT_MS = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

export type RelativeUnit = keyof typeof UNIT_MS;

const RELATIVE_PATTERN = /^now(?:([+-])(\d{1,9})([smhdw]))?$/;
const EPOCH_MS_PATTERN = /^\d{1,16}$/;

/** Raised for malformed expressions and empty or inverted ranges; the message is fit to show a user. */
export class TimeRangeError extends Error {
  override readonly name = 'TimeRangeError';
}

export function parseTimeExpression(expression: TimeExpression): ParsedTimeExpression {
  const text = expression.trim();
  const relative = RELATIVE_PATTERN.exec(text);
  if (relative) {
    const [, sign, amount, unit] = relative;
    if (sign === undefined) return { kind: 'relative', offsetMs: 0 };
    const magnitudeMs = Number(amount) * UNIT_MS[unit as RelativeUnit];
    return { kind: 'relative', offsetMs: sign === '-' ? -magnitudeMs : magnitudeMs };
  }
  if (EPOCH_MS_PATTERN.test(text)) {
    const epochMs = Number(text);
    if (Number.isSafeInteger(epochMs)) return { kind: 'absolute', epochMs };
  }
  throw new TimeRangeError(
    `Invalid time "${expression}": use "now", "now-<n><unit>" (units s, m, h, d, w, e.g. "now-15m") or epoch milliseconds.`,
  );
}

export function isTimeExpression(expression: TimeExpression): boolean {
  try {
    parseTimeExpression(expression);
    return true;
  } catch {
    return false;
  }
}

/** Absolute epoch milliseconds of `expression`, with relative expressions anchored at `nowMs`. */
export function resolveTimeExpression(expression: TimeExpression, nowMs: number): number {
  const parsed = parseTimeExpression(expression);
  return parsed.kind === 'relative' ? nowMs + parsed.offsetMs : parsed.epochMs;
}

/** Resolves both ends at the same `nowMs`; throws TimeRangeError unless `from` is strictly before `to`. */
export function resolveTimeRange(range: TimeRangeInput, nowMs: number): ResolvedTimeRange {
  const fromMs = resolveFieldOrThrow('from', range.from, nowMs);
  const toMs = resolveFieldOrThrow('to', range.to, nowMs);
  if (fromMs >= toMs) {
    throw new TimeRangeError(`Invalid time range: "from" (${range.from}) must be before "to" (${range.to}).`);
  }
  return { fromMs, toMs };
}

function resolveFieldOrThrow(field: 'from' | 'to', expression: TimeExpression, nowMs: number): number {
  try {
    return resolveTimeExpression(expression, nowMs);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TimeRangeError(`Invalid "${field}": ${reason}`);
  }
}

export function rangeWindowMs(range: ResolvedTimeRange): number {
  return range.toMs - range.fromMs;
}

/** Epoch milliseconds → unix nanoseconds. Fractional milliseconds are truncated toward zero. */
export function msToUnixNano(epochMs: number): bigint {
  return BigInt(Math.trunc(epochMs)) * 1_000_000n;
}

/** Unix nanoseconds → epoch milliseconds (floored); loses sub-millisecond precision by design. */
export function unixNanoToMs(unixNano: bigint): number {
  const wholeMs = unixNano / 1_000_000n;
  const remainder = unixNano % 1_000_000n;
  return Number(remainder < 0n ? wholeMs - 1n : wholeMs);
}
