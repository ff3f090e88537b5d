import { describe, it, expect } from 'vitest';
import { incidentConfigFromEnv, incidentStateAt, type IncidentConfig } from '../../../demo/incident';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const config: IncidentConfig = { firstStartMs: T0, everyMs: 300_000, durationMs: 60_000 };

describe('incidentStateAt', () => {
  it('is inactive before the first window and points at it', () => {
    expect(incidentStateAt(T0 - 1, config)).toEqual({ active: false, index: -1, startedAtMs: null, endsAtMs: null, nextStartMs: T0 });
  });

  it('is active from the window start (inclusive) to its end (exclusive)', () => {
    expect(incidentStateAt(T0, config)).toEqual({ active: true, index: 0, startedAtMs: T0, endsAtMs: T0 + 60_000, nextStartMs: T0 + 300_000 });
    expect(incidentStateAt(T0 + 59_999, config).active).toBe(true);
    expect(incidentStateAt(T0 + 60_000, config)).toEqual({ active: false, index: 0, startedAtMs: null, endsAtMs: null, nextStartMs: T0 + 300_000 });
  });

  it('repeats every period', () => {
    const s = incidentStateAt(T0 + 3 * 300_000 + 30_000, config);
    expect(s).toMatchObject({ active: true, index: 3, startedAtMs: T0 + 900_000, endsAtMs: T0 + 960_000 });
    expect(incidentStateAt(T0 + 3 * 300_000 + 61_000, config)).toMatchObject({ active: false, index: 3, nextStartMs: T0 + 1_200_000 });
  });

  it('spends duration/every of the time in incidents', () => {
    let active = 0;
    for (let t = T0; t < T0 + 10 * 300_000; t += 1000) if (incidentStateAt(t, config).active) active++;
    expect(active).toBe(10 * 60);
  });

  it('is a pure function of its inputs', () => {
    const t = T0 + 123_456;
    expect(incidentStateAt(t, config)).toEqual(incidentStateAt(t, { ...config }));
  });

  it('clamps a duration longer than the period to "always on" after the first start', () => {
    const always = { ...config, durationMs: 10 * config.everyMs };
    expect(incidentStateAt(T0 + 299_999, always).active).toBe(true);
    expect(incidentStateAt(T0 + 300_000, always)).toMatchObject({ active: true, index: 1 });
  });

  it('never fires when disabled by a zero period or duration', () => {
    for (const c of [{ ...config, everyMs: 0 }, { ...config, durationMs: 0 }, { ...config, everyMs: -5 }]) {
      expect(incidentStateAt(T0 + 1000, c)).toEqual({ active: false, index: -1, startedAtMs: null, endsAtMs: null, nextStartMs: null });
    }
  });
});

describe('incidentConfigFromEnv', () => {
  it('defaults to every 300 s for 60 s, first one a period after start', () => {
    expect(incidentConfigFromEnv({}, T0)).toEqual({ firstStartMs: T0 + 300_000, everyMs: 300_000, durationMs: 60_000 });
  });

  it('starts immediately with DEMO_INCIDENT_NOW=1', () => {
    const c = incidentConfigFromEnv({ DEMO_INCIDENT_NOW: '1', DEMO_INCIDENT_EVERY_S: '120', DEMO_INCIDENT_FOR_S: '30' }, T0);
    expect(c).toEqual({ firstStartMs: T0, everyMs: 120_000, durationMs: 30_000 });
    expect(incidentStateAt(T0, c).active).toBe(true);
  });

  it('prefers the anchor shared by the supervisor', () => {
    expect(incidentConfigFromEnv({ DEMO_INCIDENT_NOW: '1', DEMO_INCIDENT_ANCHOR_MS: String(T0 + 5) }, T0 + 999).firstStartMs).toBe(T0 + 5);
  });

  it('ignores malformed numbers', () => {
    expect(incidentConfigFromEnv({ DEMO_INCIDENT_EVERY_S: 'soon', DEMO_INCIDENT_FOR_S: '' }, T0)).toMatchObject({ everyMs: 300_000, durationMs: 60_000 });
  });
});
