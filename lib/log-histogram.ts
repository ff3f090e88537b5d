/**
 * The log-volume histogram's time buckets. The server counts records per (bucket, level); this
 * picks a round bucket width for the range and lays out every bucket (empty ones included) so bars
 * sit at their real times. Pure; all times are epoch milliseconds.
 */
import { SEVERITY_LEVELS, type SeverityLevel } from './log-severity';

/** Round widths, ms: 1 s … 1 d. */
const STEPS_MS = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000];

/** The smallest round width giving at most `maxBuckets` buckets over `rangeMs` (≥ 1 s). */
export function histogramBucketMs(rangeMs: number, maxBuckets = 120): number {
  const want = rangeMs / maxBuckets;
  return STEPS_MS.find((s) => s >= want) ?? Math.ceil(want / 86_400_000) * 86_400_000;
}

export interface HistogramCount {
  /** Bucket start, epoch ms (a multiple of the width). */
  bucketStartMs: number;
  level: SeverityLevel;
  count: number;
}

export type HistogramBar = { startMs: number; endMs: number; total: number } & Record<SeverityLevel, number>;

/** One bar per bucket from the one holding `fromMs` to the one holding `toMs`, counts stacked by level. */
export function histogramBars(counts: readonly HistogramCount[], fromMs: number, toMs: number, bucketMs: number): HistogramBar[] {
  const first = Math.floor(fromMs / bucketMs) * bucketMs;
  const bars: HistogramBar[] = [];
  for (let start = first; start < toMs; start += bucketMs) {
    const bar = { startMs: start, endMs: start + bucketMs, total: 0 } as HistogramBar;
    for (const level of SEVERITY_LEVELS) bar[level] = 0;
    bars.push(bar);
  }
  for (const c of counts) {
    const bar = bars[Math.round((c.bucketStartMs - first) / bucketMs)];
    if (!bar) continue;
    bar[c.level] += c.count;
    bar.total += c.count;
  }
  return bars;
}
