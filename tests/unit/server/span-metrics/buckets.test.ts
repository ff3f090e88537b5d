import { describe, it, expect } from 'vitest';
import { LATENCY_BOUNDS_SECONDS, LATENCY_BUCKET_COUNT, latencyBucketIndex } from '@/server/ingest/span-metrics/buckets';

describe('span-metrics latency buckets', () => {
  it("are Tempo's defaults: 2 ms doubling to 16.384 s, plus +Inf", () => {
    expect(LATENCY_BOUNDS_SECONDS).toEqual([0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384]);
    expect(LATENCY_BUCKET_COUNT).toBe(15);
    for (let i = 1; i < LATENCY_BOUNDS_SECONDS.length; i++) expect(LATENCY_BOUNDS_SECONDS[i]).toBe(LATENCY_BOUNDS_SECONDS[i - 1] * 2);
  });

  it('puts a duration exactly on a bound in that bound\'s bucket (le is inclusive) and 1 ns more in the next', () => {
    LATENCY_BOUNDS_SECONDS.forEach((bound, i) => {
      const ns = Math.round(bound * 1e9);
      expect(latencyBucketIndex(ns), `${bound}s`).toBe(i);
      expect(latencyBucketIndex(ns - 1), `${bound}s - 1ns`).toBe(i);
      expect(latencyBucketIndex(ns + 1), `${bound}s + 1ns`).toBe(i + 1);
    });
  });

  it('puts zero in the first bucket and anything past 16.384 s in +Inf', () => {
    expect(latencyBucketIndex(0)).toBe(0);
    expect(latencyBucketIndex(16_384_000_001)).toBe(14);
    expect(latencyBucketIndex(3600e9)).toBe(14);
  });
});
