import { describe, expect, it } from 'vitest';
import { autoStepSeconds, formatPromDuration, parsePromDuration, resolveStep } from '@/lib/explore/step';

describe('step', () => {
  it('parses Prometheus durations and plain seconds', () => {
    expect(parsePromDuration('15s')).toBe(15);
    expect(parsePromDuration('1m30s')).toBe(90);
    expect(parsePromDuration('1h')).toBe(3600);
    expect(parsePromDuration('500ms')).toBe(0.5);
    expect(parsePromDuration('2d')).toBe(172_800);
    expect(parsePromDuration('30')).toBe(30);
    expect(parsePromDuration('0.25')).toBe(0.25);
    for (const bad of ['', '0', '0s', 'abc', '1.5m', '-5s', 's']) expect(parsePromDuration(bad)).toBeNull();
  });

  it('formats seconds as durations', () => {
    expect(formatPromDuration(15)).toBe('15s');
    expect(formatPromDuration(90)).toBe('1m30s');
    expect(formatPromDuration(0.5)).toBe('500ms');
    expect(formatPromDuration(86_400)).toBe('1d');
    expect(formatPromDuration(3600 + 1)).toBe('1h1s');
  });

  it('chooses a nice step for about 250 points, at least 1 s', () => {
    expect(autoStepSeconds(60_000)).toBe(1);
    expect(autoStepSeconds(15 * 60_000)).toBe(5); // 180 points
    expect(autoStepSeconds(3_600_000)).toBe(15); // 240 points
    expect(autoStepSeconds(6 * 3_600_000)).toBe(120); // 180 points
    expect(autoStepSeconds(24 * 3_600_000)).toBe(600); // 144 points
    expect(autoStepSeconds(7 * 86_400_000)).toBe(3600); // 168 points
    for (const range of [1, 90_000, 7_200_000, 30 * 86_400_000, 400 * 86_400_000]) {
      const step = autoStepSeconds(range);
      expect(step).toBeGreaterThanOrEqual(1);
      expect(range / 1000 / step).toBeLessThanOrEqual(250);
    }
  });

  it('uses a typed step when valid, raised to stay under 11,000 points', () => {
    expect(resolveStep(3_600_000, '')).toEqual({ seconds: 15, auto: true, invalid: false, raised: false });
    expect(resolveStep(3_600_000, 'nope')).toEqual({ seconds: 15, auto: true, invalid: true, raised: false });
    expect(resolveStep(3_600_000, '1m')).toEqual({ seconds: 60, auto: false, invalid: false, raised: false });
    expect(resolveStep(7 * 86_400_000, '1s')).toEqual({ seconds: 55, auto: false, invalid: false, raised: true });
  });
});
