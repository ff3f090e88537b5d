/**
 * Nearest-rank percentile: the smallest value such that at least p% of the values are at or below it,
 * i.e. the value at 1-based rank ⌈p/100 · n⌉ of the sorted values (rank 1 for p = 0). Always one of the
 * inputs, never an interpolation. `values` is not modified.
 *
 *   nearestRankPercentile([15, 20, 35, 40, 50], 30) → 20   (rank ⌈1.5⌉ = 2)
 *   nearestRankPercentile(1..100, 95) → 95; nearestRankPercentile(1..10, 95) → 10
 *
 * Returns null for no values. Throws RangeError unless 0 ≤ p ≤ 100.
 */
export function nearestRankPercentile(values: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  const n = values.length;
  if (n === 0) return null;
  // Float64Array sorts numerically (and fast) without a comparator.
  const sorted = Float64Array.from(values).sort();
  return sorted[nearestRankIndex(n, p)];
}

/** 0-based index of the nearest-rank p-th percentile among n sorted values (n ≥ 1). */
export function nearestRankIndex(n: number, p: number): number {
  // p·n is exact for integer p, so 95·20/100 is exactly 19; the epsilon absorbs float drift of fractional p
  // (99.9·1000 = 99900.00000000001) and is far below the 0.01 step between integer-p ranks.
  const rank = Math.ceil((p * n) / 100 - 1e-9);
  return Math.min(n, Math.max(1, rank)) - 1;
}
