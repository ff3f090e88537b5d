/**
 * The resolution of a range query. Prometheus takes `step` as a duration (`15s`, `1m30s`) or a number of
 * seconds; without one we pick a "nice" step (Grafana's ladder) so a chart has about 250 points.
 */
export const TARGET_POINTS = 250;
/** Prometheus refuses range queries with more points per series than this. */
export const MAX_POINTS = 11_000;

/** Nice steps in seconds, smallest first. */
export const NICE_STEPS_S: readonly number[] = [
  1, 2, 5, 10, 15, 30,
  60, 120, 300, 600, 900, 1800,
  3600, 7200, 10_800, 21_600, 43_200,
  86_400, 172_800, 604_800,
];

const UNIT_S: Record<string, number> = { y: 365 * 86_400, w: 604_800, d: 86_400, h: 3600, m: 60, s: 1, ms: 0.001 };
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** Seconds of a Prometheus duration (`1h30m`, `15s`, `500ms`) or a plain number of seconds; null if neither or not > 0. */
export function parsePromDuration(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (SECONDS.test(s)) {
    const n = Number(s);
    return n > 0 && Number.isFinite(n) ? n : null;
  }
  const m = DURATION.exec(s);
  if (!m) return null;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  let total = 0;
  units.forEach((u, i) => { if (m[i + 1] !== undefined) total += Number(m[i + 1]) * UNIT_S[u]; });
  // Sum in ms to avoid 0.001 drift, then back to seconds.
  const ms = Math.round(total * 1000);
  return ms > 0 ? ms / 1000 : null;
}

/** Seconds as a compact Prometheus duration: 90 → "1m30s", 0.5 → "500ms", 86400 → "1d". */
export function formatPromDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms <= 0) return '0s';
  let out = '';
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    if (ms >= size) {
      out += `${Math.floor(ms / size)}${unit}`;
      ms %= size;
    }
  }
  return out;
}

/** The smallest nice step (≥ 1 s) that keeps a range of `rangeMs` at or under `targetPoints` points. */
export function autoStepSeconds(rangeMs: number, targetPoints = TARGET_POINTS): number {
  const raw = Math.max(0, rangeMs) / 1000 / Math.max(1, targetPoints);
  for (const step of NICE_STEPS_S) if (step >= raw) return step;
  const week = NICE_STEPS_S[NICE_STEPS_S.length - 1];
  return Math.ceil(raw / week) * week;
}

export interface ResolvedStep {
  seconds: number;
  /** True when chosen automatically (no step in the URL, or one that does not parse). */
  auto: boolean;
  /** The typed step did not parse. */
  invalid: boolean;
  /** The typed step was raised so the query stays under MAX_POINTS. */
  raised: boolean;
}

/** The step to query with: the typed one when valid (raised to stay under MAX_POINTS), else automatic. */
export function resolveStep(rangeMs: number, typed: string): ResolvedStep {
  const parsed = typed.trim() === '' ? null : parsePromDuration(typed);
  if (parsed === null) return { seconds: autoStepSeconds(rangeMs), auto: true, invalid: typed.trim() !== '', raised: false };
  const floor = rangeMs / 1000 / MAX_POINTS;
  if (parsed < floor) return { seconds: Math.ceil(floor), auto: false, invalid: false, raised: true };
  return { seconds: parsed, auto: false, invalid: false, raised: false };
}
