import { describe, expect, it } from 'vitest';
import { niceStepNs, timeTicks } from '@/lib/trace-model';

describe('niceStepNs', () => {
  it.each([
    [0, 1],
    [0.3, 1],
    [1, 1],
    [1.5, 2],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [250, 500],
    [1_000, 1_000],
    [1_000_001, 2_000_000],
    [4_000_000_000, 5_000_000_000],
  ])('rounds %d ns up to %d ns', (raw, step) => {
    expect(niceStepNs(raw)).toBe(step);
  });
});

describe('timeTicks', () => {
  it('puts ticks at nice multiples across the window', () => {
    const ticks = timeTicks({ startNs: 0, endNs: 10_000_000 }, 5);
    expect(ticks.map((tick) => tick.ns)).toEqual([0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000]);
    expect(ticks.map((tick) => tick.pct)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks.map((tick) => tick.label)).toEqual(['0 ns', '2 ms', '4 ms', '6 ms', '8 ms', '10 ms']);
  });

  it('starts at the first multiple inside a zoomed window, with labels that stay distinct', () => {
    const ticks = timeTicks({ startNs: 1_234_100, endNs: 1_236_100 }, 4);
    expect(ticks.map((tick) => tick.ns)).toEqual([1_234_500, 1_235_000, 1_235_500, 1_236_000]);
    expect(ticks.map((tick) => tick.label)).toEqual(['1.2345 ms', '1.235 ms', '1.2355 ms', '1.236 ms']);
    expect(ticks[0].pct).toBeCloseTo(20, 10);
  });

  it('never steps below 1 ns', () => {
    const ticks = timeTicks({ startNs: 10, endNs: 13 }, 10);
    expect(ticks.map((tick) => tick.ns)).toEqual([10, 11, 12, 13]);
    expect(ticks.map((tick) => tick.label)).toEqual(['10 ns', '11 ns', '12 ns', '13 ns']);
  });

  it('labels sub-millisecond and second ranges', () => {
    expect(timeTicks({ startNs: 0, endNs: 1_000 }, 4).map((tick) => tick.label)).toEqual([
      '0 ns',
      '500 ns',
      '1 µs',
    ]);
    expect(timeTicks({ startNs: 0, endNs: 3_000_000_000 }, 6).map((tick) => tick.label)).toEqual([
      '0 ns',
      '500 ms',
      '1 s',
      '1.5 s',
      '2 s',
      '2.5 s',
      '3 s',
    ]);
  });
});
