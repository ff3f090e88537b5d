'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { fetchRange, retryPromQuery } from '@/components/explore/prom-client';
import { GOLDEN_SIGNAL_QUERIES, bySignalService, type GoldenSignal, type SignalSeries } from '@/lib/golden-signals';
import { autoStepSeconds } from '@/lib/explore/step';
import { resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';

const SIGNALS = Object.keys(GOLDEN_SIGNAL_QUERIES) as GoldenSignal[];
/** Points per sparkline. */
const SPARK_POINTS = 40;

export type GoldenSignals = Record<GoldenSignal, Map<string, SignalSeries>>;

/** Rate, error ratio and p95 for every service over the range (span metrics), refreshed with Home. */
export function useGoldenSignals(range: TimeRangeInput, refreshMs: number): GoldenSignals | null {
  let fromMs = 0;
  let toMs = 0;
  try {
    ({ fromMs, toMs } = resolveTimeRange(range, Date.now()));
  } catch {
    // An invalid range: Home shows the services' own error; no signals.
  }
  const step = autoStepSeconds(toMs - fromMs, SPARK_POINTS);
  // Minute-aligned so re-renders between refreshes keep the same query keys.
  const endMs = Math.ceil(toMs / 60_000) * 60_000;
  const startMs = Math.floor(fromMs / 60_000) * 60_000;
  const results = useQueries({
    queries: SIGNALS.map((signal) => ({
      queryKey: ['golden-signals', signal, startMs, endMs, step],
      queryFn: ({ signal: abort }: { signal: AbortSignal }) => fetchRange(GOLDEN_SIGNAL_QUERIES[signal], startMs, endMs, step, abort),
      enabled: toMs > fromMs,
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      refetchInterval: refreshMs,
    })),
  });
  if (results.some((r) => !r.data)) return null;
  return Object.fromEntries(SIGNALS.map((s, i) => [s, bySignalService(results[i].data?.data ?? [])])) as GoldenSignals;
}
