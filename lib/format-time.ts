/** Display formatting for instants and ages. Local-time output depends on the runtime's time zone. */

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD HH:mm:ss` in the runtime's local time zone. */
export function formatLocalDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `${day} ${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

const AGE_STEPS: readonly { limitMs: number; unitMs: number; suffix: string }[] = [
  { limitMs: 60_000, unitMs: 1_000, suffix: 's' },
  { limitMs: 3_600_000, unitMs: 60_000, suffix: 'min' },
  { limitMs: 86_400_000, unitMs: 3_600_000, suffix: 'h' },
  { limitMs: Number.POSITIVE_INFINITY, unitMs: 86_400_000, suffix: 'd' },
];

/** Compact age such as "42 s ago" or "3 h ago"; ages under a second (or in the future, from clock skew) read "just now". */
export function formatTimeAgo(ageMs: number): string {
  if (ageMs < 1_000) return 'just now';
  const step = AGE_STEPS.find((candidate) => ageMs < candidate.limitMs) ?? AGE_STEPS[AGE_STEPS.length - 1];
  return `${Math.floor(ageMs / step.unitMs)} ${step.suffix} ago`;
}

/** `YYYY-MM-DD HH:mm:ss.SSS` (local time) of a unix-nanosecond instant: the log list's millisecond precision. */
export function formatLocalDateTimeMs(unixNano: bigint): string {
  const ms = Number(unixNano / 1_000_000n);
  return `${formatLocalDateTime(ms)}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
}

/** RFC 3339 in UTC with all nine fraction digits, exact (no float): `2025-11-22T06:00:00.123456789Z`. */
export function formatUnixNanoIso(unixNano: bigint): string {
  const seconds = unixNano / 1_000_000_000n;
  const fraction = unixNano % 1_000_000_000n;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(9, '0')}Z`;
}
