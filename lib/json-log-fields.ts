/**
 * How a structured (JSON) log line's common fields map to the log data model. Pure: used by the
 * NDJSON receiver (server/ingest/ndjson) and unit-tested on its own.
 *
 * Field spellings, first present wins: time `timestamp|time|ts`, severity `level|severity`,
 * body `msg|message`, `trace_id|traceId`, `span_id|spanId`, service `service|service.name`.
 */
export const TIME_FIELDS = ['timestamp', 'time', 'ts'] as const;
export const LEVEL_FIELDS = ['level', 'severity'] as const;
export const MESSAGE_FIELDS = ['msg', 'message'] as const;
export const TRACE_ID_FIELDS = ['trace_id', 'traceId'] as const;
export const SPAN_ID_FIELDS = ['span_id', 'spanId'] as const;
export const SERVICE_FIELDS = ['service', 'service.name'] as const;

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})?$/;
const DIGITS = /^\d{1,20}$/;
const DECIMAL = /^(\d{1,12})\.(\d{1,9})$/;

/**
 * Epoch integers by magnitude, as loggers write them: seconds (< 1e11, i.e. before year 5138),
 * milliseconds (< 1e14, pino/bunyan), microseconds (< 1e17), else nanoseconds.
 */
function scaleEpoch(n: bigint): bigint {
  if (n < 100_000_000_000n) return n * 1_000_000_000n;
  if (n < 100_000_000_000_000n) return n * 1_000_000n;
  if (n < 100_000_000_000_000_000n) return n * 1_000n;
  return n;
}

/** Fractional epoch seconds written as decimal text, kept exact to the nanosecond. */
function decimalSeconds(text: string): bigint | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  return BigInt(m[1]) * 1_000_000_000n + BigInt(m[2].padEnd(9, '0'));
}

/**
 * A log line's time field → unix nanoseconds, or null when it is not a time. Accepts RFC 3339 /
 * ISO 8601 text (fraction to the nanosecond; no zone = UTC), epoch integers (number, bigint or
 * digit string, unit by magnitude) and fractional epoch seconds (`1700000000.123456`).
 */
export function parseLogTimestamp(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value > 0n ? scaleEpoch(value) : null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    if (Number.isInteger(value)) return scaleEpoch(BigInt(value));
    // A JS number has ~16 significant digits: seconds with a fraction keep ~microseconds.
    return value < 1e11 ? decimalSeconds(value.toFixed(6)) : scaleEpoch(BigInt(Math.trunc(value)));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DIGITS.test(text)) return BigInt(text) > 0n ? scaleEpoch(BigInt(text)) : null;
  const dec = decimalSeconds(text);
  if (dec !== null) return dec;
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [, date, time, fraction, zone] = m;
  const zoneText = !zone || zone === 'z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const wholeMs = Date.parse(`${date}T${time}${zoneText}`);
  if (!Number.isFinite(wholeMs)) return null;
  return BigInt(wholeMs) * 1_000_000n + BigInt((fraction ?? '').padEnd(9, '0'));
}

export interface MappedSeverity {
  /** OTLP SeverityNumber (0 = unspecified). */
  number: number;
  text: string;
}

const LEVEL_NAMES: Record<string, number> = {
  trace: 1, debug: 5, info: 9, information: 9, informational: 9, notice: 10, warn: 13, warning: 13,
  error: 17, err: 17, fatal: 21, critical: 21, crit: 21, alert: 22, emerg: 23, emergency: 23, panic: 23,
};
/** pino and bunyan numeric levels (10 trace … 60 fatal). */
const PINO_LEVELS: Record<number, [number, string]> = {
  10: [1, 'TRACE'], 20: [5, 'DEBUG'], 30: [9, 'INFO'], 40: [13, 'WARN'], 50: [17, 'ERROR'], 60: [21, 'FATAL'],
};

/**
 * A `level`/`severity` field → SeverityNumber and text. Names are case-insensitive (`warn`,
 * `WARNING`, `Error`…; the text keeps the spelling as sent). Numbers 10, 20 … 60 are pino/bunyan
 * levels (the common JSON loggers); other integers 1–24 are taken as OTLP SeverityNumbers.
 * Anything else: number 0 and the value as text.
 */
export function mapLogLevel(value: unknown): MappedSeverity {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const pino = PINO_LEVELS[value];
    if (pino) return { number: pino[0], text: pino[1] };
    if (value >= 1 && value <= 24) return { number: value, text: '' };
    return { number: 0, text: String(value) };
  }
  if (typeof value === 'string') {
    const known = LEVEL_NAMES[value.trim().toLowerCase()];
    return { number: known ?? 0, text: value };
  }
  return { number: 0, text: value === undefined || value === null ? '' : String(value) };
}

/** The first of `fields` present on `line` (own property, not undefined), as [key, value]. */
export function pickField(line: Record<string, unknown>, fields: readonly string[]): [string, unknown] | null {
  for (const f of fields) if (Object.hasOwn(line, f) && line[f] !== undefined) return [f, line[f]];
  return null;
}
