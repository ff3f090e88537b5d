import { formatLocalDateTime } from './format-time';
import { isTimeExpression, parseTimeExpression, type TimeExpression } from './time-range';

/**
 * What a person types into the picker's From/To fields: a Grafana expression (`now-6h`), epoch
 * milliseconds, or a local date-time `YYYY-MM-DD[ HH:mm[:ss]]` (a `T` separator is accepted too).
 */
export type TimeInputResult = { ok: true; expression: TimeExpression } | { ok: false; error: string };

const LOCAL_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseTimeInput(text: string): TimeInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a time, e.g. "now-1h" or "2026-01-31 14:00".' };
  if (isTimeExpression(trimmed)) return { ok: true, expression: trimmed };
  const epochMs = parseLocalDateTime(trimmed);
  if (epochMs === null) {
    return { ok: false, error: `"${trimmed}" is not a time: use "now-1h" style or "YYYY-MM-DD HH:mm".` };
  }
  return { ok: true, expression: String(epochMs) };
}

/** Shows relative expressions as typed and absolute ones as local date-times, so they read back through parseTimeInput. */
export function formatTimeForInput(expression: TimeExpression): string {
  if (!isTimeExpression(expression)) return expression;
  const parsed = parseTimeExpression(expression);
  return parsed.kind === 'relative' ? expression.trim() : formatLocalDateTime(parsed.epochMs);
}

function parseLocalDateTime(text: string): number | null {
  const match = LOCAL_DATE_TIME_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // The Date constructor rolls overflow over (Feb 30 → Mar 2); reject instead of guessing.
  const roundTrips =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hours &&
    date.getMinutes() === minutes &&
    date.getSeconds() === seconds;
  return roundTrips ? date.getTime() : null;
}
