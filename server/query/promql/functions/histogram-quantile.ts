/**
 * Classic-histogram quantiles and fractions (Prometheus promql/quantile.go: BucketQuantile,
 * BucketFraction). Buckets are cumulative counts keyed by their `le` upper bound.
 */

export interface Bucket {
  upperBound: number;
  count: number;
}

/**
 * Relative deltas below this between adjacent buckets are float noise (e.g. from summing rates
 * in a different order) and are flattened instead of being treated as a monotonicity violation.
 */
const SMALL_DELTA_TOLERANCE = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

/** util/almost.Equal. */
export function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

function sortBuckets(buckets: Bucket[]): void {
  buckets.sort((a, b) => (a.upperBound < b.upperBound ? -1 : a.upperBound > b.upperBound ? 1 : 0));
}

/** Merges buckets with the same upper bound (input sorted). */
function coalesceBuckets(buckets: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  let last = { ...buckets[0] };
  for (const b of buckets.slice(1)) {
    if (b.upperBound === last.upperBound) last.count += b.count;
    else {
      out.push(last);
      last = { ...b };
    }
  }
  out.push(last);
  return out;
}

/**
 * Flattens float-noise deltas in either direction, then removes any remaining decrease (the
 * "envelope"): the binary search below needs monotonic counts. `prev` is deliberately not
 * advanced by corrected buckets.
 */
function ensureMonotonicAndIgnoreSmallDeltas(buckets: Bucket[], tolerance: number): boolean {
  let forced = false;
  let prev = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i].count;
    if (curr === prev) continue;
    if (almostEqual(prev, curr, tolerance)) {
      buckets[i].count = prev;
      continue;
    }
    if (curr < prev) {
      buckets[i].count = prev;
      forced = true;
      continue;
    }
    prev = curr;
  }
  return forced;
}

/** First index in [0, n) for which pred holds (sort.Search). */
function search(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The q-quantile, interpolating linearly inside the bucket that holds the rank; the lowest
 * bucket starts at 0 if its bound is positive; a rank in the +Inf bucket returns the second
 * highest bound. NaN for no +Inf bucket, fewer than two buckets or no observations.
 */
export function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  let buckets = input.map((b) => ({ ...b }));
  sortBuckets(buckets);
  if (buckets[buckets.length - 1].upperBound !== Infinity) return NaN;
  buckets = coalesceBuckets(buckets);
  ensureMonotonicAndIgnoreSmallDeltas(buckets, SMALL_DELTA_TOLERANCE);
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  const b = search(buckets.length - 1, (i) => buckets[i].count >= rank);
  if (b === buckets.length - 1) return buckets[buckets.length - 2].upperBound;
  if (b === 0 && buckets[0].upperBound <= 0) return buckets[0].upperBound;
  let bucketStart = 0;
  const bucketEnd = buckets[b].upperBound;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upperBound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/** Fraction of observations in (lower, upper], interpolating linearly inside buckets. */
export function bucketFraction(lower: number, upper: number, input: Bucket[]): number {
  if (input.length === 0) return NaN;
  let buckets = input.map((b) => ({ ...b }));
  sortBuckets(buckets);
  if (buckets[buckets.length - 1].upperBound !== Infinity) return NaN;
  buckets = coalesceBuckets(buckets);
  const count = buckets[buckets.length - 1].count;
  if (count === 0 || Number.isNaN(lower) || Number.isNaN(upper)) return NaN;
  if (lower >= upper) return 0;
  let rank = 0;
  let lowerRank = 0;
  let upperRank = 0;
  let lowerSet = false;
  let upperSet = false;
  let lowerBound = buckets[0].upperBound <= 0 ? -Infinity : 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    if (i > 0) lowerBound = buckets[i - 1].upperBound;
    const upperBound = b.upperBound;
    const interpolate = (v: number) =>
      lowerBound === -Infinity ? b.count : rank + ((b.count - rank) * (v - lowerBound)) / (upperBound - lowerBound);
    if (!lowerSet && lowerBound >= lower) { lowerRank = rank; lowerSet = true; }
    if (!upperSet && lowerBound >= upper) { upperRank = rank; upperSet = true; }
    if (lowerSet && upperSet) break;
    if (!lowerSet && lowerBound < lower && upperBound > lower) { lowerRank = interpolate(lower); lowerSet = true; }
    if (!upperSet && lowerBound < upper && upperBound > upper) { upperRank = interpolate(upper); upperSet = true; }
    if (lowerSet && upperSet) break;
    rank = b.count; // cumulative counts: assignment, not accumulation
  }
  if (!lowerSet || lowerRank > count) lowerRank = count;
  if (!upperSet || upperRank > count) upperRank = count;
  return (upperRank - lowerRank) / count;
}
