/**
 * The recurring payment incident, as a pure schedule.
 *
 * Every process (the supervisor and each service) computes the same windows
 * from the same three numbers, so nobody has to broadcast "incident started":
 * the payment service just asks `incidentStateAt(Date.now(), config)` per charge.
 */

export interface IncidentConfig {
  /** Epoch ms at which the first incident window opens. */
  firstStartMs: number;
  /** Distance between window starts; <= 0 disables incidents. */
  everyMs: number;
  /** Length of each window; clamped to everyMs, <= 0 disables incidents. */
  durationMs: number;
}

export interface IncidentState {
  active: boolean;
  /** 0-based number of the current or most recent window; -1 before the first one. */
  index: number;
  /** Start and end of the current window (only while active). */
  startedAtMs: number | null;
  endsAtMs: number | null;
  /** Start of the next window that has not begun yet; null when incidents are disabled. */
  nextStartMs: number | null;
}

const NEVER: IncidentState = { active: false, index: -1, startedAtMs: null, endsAtMs: null, nextStartMs: null };

export function incidentStateAt(epochMs: number, config: IncidentConfig): IncidentState {
  const { firstStartMs, everyMs } = config;
  if (!(everyMs > 0) || !(config.durationMs > 0) || !Number.isFinite(firstStartMs)) return NEVER;
  const durationMs = Math.min(config.durationMs, everyMs);

  if (epochMs < firstStartMs) {
    return { active: false, index: -1, startedAtMs: null, endsAtMs: null, nextStartMs: firstStartMs };
  }
  const index = Math.floor((epochMs - firstStartMs) / everyMs);
  const windowStart = firstStartMs + index * everyMs;
  const windowEnd = windowStart + durationMs;
  const nextStartMs = windowStart + everyMs;
  if (epochMs < windowEnd) {
    return { active: true, index, startedAtMs: windowStart, endsAtMs: windowEnd, nextStartMs };
  }
  return { active: false, index, startedAtMs: null, endsAtMs: null, nextStartMs };
}

type Env = Record<string, string | undefined>;

function seconds(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/**
 * Reads DEMO_INCIDENT_EVERY_S (default 300), DEMO_INCIDENT_FOR_S (default 60),
 * DEMO_INCIDENT_NOW=1 (first window opens at `nowMs`) and DEMO_INCIDENT_ANCHOR_MS
 * (set by run.ts so all child processes share one anchor; wins over the others).
 * Without DEMO_INCIDENT_NOW the first window opens one full period after start,
 * so a fresh demo shows a healthy baseline before things go wrong.
 */
export function incidentConfigFromEnv(env: Env, nowMs: number): IncidentConfig {
  const everyMs = seconds(env.DEMO_INCIDENT_EVERY_S, 300) * 1000;
  const durationMs = seconds(env.DEMO_INCIDENT_FOR_S, 60) * 1000;
  const anchor = env.DEMO_INCIDENT_ANCHOR_MS ? Number(env.DEMO_INCIDENT_ANCHOR_MS) : NaN;
  if (Number.isFinite(anchor)) return { firstStartMs: anchor, everyMs, durationMs };
  const startNow = env.DEMO_INCIDENT_NOW === '1' || env.DEMO_INCIDENT_NOW === 'true';
  return { firstStartMs: startNow ? nowMs : nowMs + everyMs, everyMs, durationMs };
}
