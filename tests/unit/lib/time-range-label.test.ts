import { describe, expect, it } from 'vitest';
import { describeTimeRange } from '@/lib/time-range-label';
import { TIME_RANGE_PRESETS } from '@/lib/time-range-presets';

describe('describeTimeRange', () => {
  it('uses preset labels', () => {
    expect(describeTimeRange({ from: 'now-1h', to: 'now' })).toBe('Last 1 hour');
    expect(describeTimeRange({ from: 'now-7d', to: 'now' })).toBe('Last 7 days');
    for (const preset of TIME_RANGE_PRESETS) expect(describeTimeRange(preset)).toBe(preset.label);
  });

  it('spells out other trailing windows', () => {
    expect(describeTimeRange({ from: 'now-90m', to: 'now' })).toBe('Last 90 minutes');
    expect(describeTimeRange({ from: 'now-30s', to: 'now' })).toBe('Last 30 seconds');
    expect(describeTimeRange({ from: 'now-1w', to: 'now' })).toBe('Last 1 week');
  });

  it('shows both ends otherwise', () => {
    const fromMs = new Date(2026, 10, 22, 4, 0, 0).getTime();
    expect(describeTimeRange({ from: String(fromMs), to: 'now-5m' })).toBe('2026-11-22 04:00:00 to now-5m');
  });
});
