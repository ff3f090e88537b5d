/**
 * Severity levels as the console groups them: the OTLP SeverityNumber ranges (1–4 TRACE,
 * 5–8 DEBUG, 9–12 INFO, 13–16 WARN, 17–20 ERROR, 21–24 FATAL) plus 0 = unspecified.
 * `levelIndex(n) = ceil(n / 4)`, the same formula the store uses in SQL for the histogram.
 */
export const SEVERITY_LEVELS = ['unspecified', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Inclusive SeverityNumber range of each level. */
export function severityRange(level: SeverityLevel): [number, number] {
  const i = SEVERITY_LEVELS.indexOf(level);
  return i === 0 ? [0, 0] : [i * 4 - 3, i * 4];
}

export function severityLevelOf(severityNumber: number): SeverityLevel {
  if (!Number.isInteger(severityNumber) || severityNumber <= 0 || severityNumber > 24) return 'unspecified';
  return SEVERITY_LEVELS[Math.ceil(severityNumber / 4)];
}

export function isSeverityLevel(s: string): s is SeverityLevel {
  return (SEVERITY_LEVELS as readonly string[]).includes(s);
}

/** Badge text: the producer's own text when it sent one, else the level's name. */
export function severityLabel(severityNumber: number, severityText: string): string {
  if (severityText.trim() !== '') return severityText;
  const level = severityLevelOf(severityNumber);
  return level === 'unspecified' ? 'UNSET' : level.toUpperCase();
}

/** Chart and badge colours (CSS colours; the stacking order is SEVERITY_LEVELS'). */
export const SEVERITY_COLORS: Record<SeverityLevel, string> = {
  unspecified: '#6b7280',
  trace: '#64748b',
  debug: '#0ea5e9',
  info: '#22c55e',
  warn: '#eab308',
  error: '#ef4444',
  fatal: '#a855f7',
};

/** The levels from `level` up (`error` → error and fatal): what "severity ≥ level" means in a search. */
export function severitiesAtLeast(level: string): SeverityLevel[] {
  const i = SEVERITY_LEVELS.indexOf(level.toLowerCase() as SeverityLevel);
  return i < 0 ? [] : SEVERITY_LEVELS.slice(i);
}
