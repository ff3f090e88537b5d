import { describe, expect, it } from 'vitest';
import { formatInstant, formatTimeTick, timeTicks } from '@/lib/explore/time-axis';

describe('time axis', () => {
  it('places at most maxTicks ticks on a nice interval, aligned to the local clock', () => {
    const from = Date.UTC(2024, 0, 1, 10, 3, 17);
    const { ticks, intervalMs } = timeTicks(from, from + 3_600_000, 8);
    expect(intervalMs).toBe(600_000);
    expect(ticks[0]).toBe(Date.UTC(2024, 0, 1, 10, 10));
    expect(ticks.length).toBeLessThanOrEqual(8);
    // With a +05:30 offset, ticks fall on local 10-minute marks.
    const local = timeTicks(from, from + 3_600_000, 8, 5.5 * 3_600_000);
    expect((local.ticks[0] + 5.5 * 3_600_000) % 600_000).toBe(0);
    expect(timeTicks(5, 5, 8).ticks).toEqual([]);
  });

  it('labels ticks by their interval', () => {
    const t = new Date(2024, 2, 5, 7, 8, 9).getTime();
    expect(formatTimeTick(t, 10_000, 600_000)).toBe('07:08:09');
    expect(formatTimeTick(t, 600_000, 3_600_000)).toBe('07:08');
    expect(formatTimeTick(t, 86_400_000, 30 * 86_400_000)).toBe('03-05');
    expect(formatTimeTick(new Date(2024, 2, 5).getTime(), 3_600_000 * 6, 3 * 86_400_000)).toBe('03-05');
    expect(formatInstant(t)).toBe('2024-03-05 07:08:09');
  });
});
