import { describe, expect, it } from 'vitest';
import { formatDurationNs } from '@/lib/trace-model';

describe('formatDurationNs', () => {
  it.each([
    [0, '0 ns'],
    [1, '1 ns'],
    [850, '850 ns'],
    [999, '999 ns'],
    [999.6, '1 µs'],
    [12.4, '12 ns'],
    [1_000, '1 µs'],
    [1_500, '1.5 µs'],
    [1_050, '1.05 µs'],
    [123_456, '123.456 µs'],
    [999_999, '999.999 µs'],
    [1_000_000, '1 ms'],
    [1_234_567, '1.23 ms'],
    [1_235_000, '1.24 ms'],
    [12_345_678, '12.3 ms'],
    [123_456_789, '123 ms'],
    [999_499_999, '999 ms'],
    [999_500_000, '1 s'],
    [1_000_000_000, '1 s'],
    [2_500_000_000, '2.5 s'],
    [12_345_000_000, '12.3 s'],
    [59_940_000_000, '59.9 s'],
    [59_950_000_000, '1 m'],
    [60_000_000_000, '1 m'],
    [90_400_000_000, '1 m 30 s'],
    [3_725_000_000_000, '62 m 5 s'],
    [-1_500, '-1.5 µs'],
    [-0.2, '0 ns'],
  ])('formats %d ns as %s', (ns, text) => {
    expect(formatDurationNs(ns)).toBe(text);
  });

  it('marks non-finite input', () => {
    expect(formatDurationNs(Number.NaN)).toBe('–');
    expect(formatDurationNs(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it.each([
    [1_234_500, 500, '1.2345 ms'],
    [1_200_000, 200_000, '1.2 ms'],
    [5_000_000, 1_000_000, '5 ms'],
    [1_250_000_000, 50_000_000, '1.25 s'],
    [61_500_000_000, 500_000_000, '1 m 1.5 s'],
    [120_000_000_000, 10_000_000_000, '2 m'],
    [123_456, 100_000, '123.456 µs'],
    [2_000_000, 1, '2 ms'],
    [2_000_001, 1, '2.000001 ms'],
  ])('formats %d ns at a %d ns resolution as %s', (ns, resolutionNs, text) => {
    expect(formatDurationNs(ns, { resolutionNs })).toBe(text);
  });
});
