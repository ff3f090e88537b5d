/**
 * Latency buckets of the span-metrics histogram, in seconds: Tempo metrics-generator's defaults
 * (`prometheus.ExponentialBuckets(0.002, 2, 14)`: 2 ms doubling up to 16.384 s, then +Inf). They
 * resolve request latencies from a couple of milliseconds to tens of seconds within a factor of two,
 * and dashboards written for Tempo's `traces_spanmetrics_latency_bucket` keep working unchanged.
 *
 * Bucket i counts durations in (bound[i-1], bound[i]] (upper bound inclusive, like Prometheus `le`
 * and OTLP explicit bounds); the last bucket is (16.384 s, +Inf). Assignment compares integer
 * nanoseconds, so a span of exactly 2 ms lands in the `le="0.002"` bucket, never one further.
 */
export const LATENCY_BOUNDS_SECONDS: readonly number[] = Object.freeze([
  0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384,
]);

/** The same bounds in whole nanoseconds (2_000_000 … 16_384_000_000). */
const BOUNDS_NS: readonly number[] = LATENCY_BOUNDS_SECONDS.map((s) => Math.round(s * 1e9));

/** Number of buckets including the +Inf one (bounds + 1), as OTLP bucket_counts has. */
export const LATENCY_BUCKET_COUNT = LATENCY_BOUNDS_SECONDS.length + 1;

/** Index of the bucket a duration in nanoseconds falls in: 0 … LATENCY_BOUNDS_SECONDS.length (+Inf). */
export function latencyBucketIndex(durationNs: number): number {
  // 14 bounds: a linear scan is as fast as a binary search and obviously right.
  for (let i = 0; i < BOUNDS_NS.length; i++) {
    if (durationNs <= BOUNDS_NS[i]) return i;
  }
  return BOUNDS_NS.length;
}
