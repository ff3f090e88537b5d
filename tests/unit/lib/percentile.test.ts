import { describe, expect, it } from 'vitest';
import { nearestRankIndex, nearestRankPercentile } from '@/lib/percentile';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('nearestRankPercentile', () => {
  it('returns null for no values', () => {
    expect(nearestRankPercentile([], 95)).toBeNull();
  });

  it('follows the nearest-rank definition (rank ⌈p/100·n⌉)', () => {
    expect(nearestRankPercentile([15, 20, 35, 40, 50], 5)).toBe(15);
    expect(nearestRankPercentile([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(nearestRankPercentile([15, 20, 35, 40, 50], 40)).toBe(20);
    expect(nearestRankPercentile([15, 20, 35, 40, 50], 50)).toBe(35);
    expect(nearestRankPercentile([15, 20, 35, 40, 50], 100)).toBe(50);
    expect(nearestRankPercentile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 25)).toBe(7);
    expect(nearestRankPercentile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 75)).toBe(15);
  });

  it('p95 is an observed value, exact at rank boundaries without float drift', () => {
    expect(nearestRankPercentile(range(100), 95)).toBe(95);
    expect(nearestRankPercentile(range(20), 95)).toBe(19);
    expect(nearestRankPercentile(range(21), 95)).toBe(20);
    expect(nearestRankPercentile(range(10), 95)).toBe(10);
    expect(nearestRankPercentile([42], 95)).toBe(42);
    expect(nearestRankPercentile(range(1000), 99.9)).toBe(999);
  });

  it('sorts numerically and leaves the input alone', () => {
    const values = [100, 9, 1_000_000_000_000, 20, 3];
    expect(nearestRankPercentile(values, 95)).toBe(1_000_000_000_000);
    expect(nearestRankPercentile(values, 50)).toBe(20);
    expect(values).toEqual([100, 9, 1_000_000_000_000, 20, 3]);
  });

  it('p0 is the minimum', () => {
    expect(nearestRankPercentile([5, 1, 3], 0)).toBe(1);
    expect(nearestRankIndex(7, 0)).toBe(0);
  });

  it('rejects percentiles outside [0, 100]', () => {
    expect(() => nearestRankPercentile([1], -1)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('agrees with a brute-force definition on random inputs', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 1000));
      const p = Math.floor(random() * 101);
      const sorted = [...values].sort((a, b) => a - b);
      // The smallest value v with at least p% of the values ≤ v (and at least one value for p = 0).
      const expected = sorted.find((v) => sorted.filter((w) => w <= v).length * 100 >= p * values.length)!;
      expect(nearestRankPercentile(values, p)).toBe(expected);
    }
  });
});
