'use client';

import { useEffect, useMemo, useState } from 'react';
import { refreshIntervalMs, type RefreshOption } from '@/lib/dashboards/dashboard-url';
import { resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';

/**
 * The dashboard's range resolved to epoch ms. "now" is taken when the range changes and again every
 * refresh interval: the new bounds change every panel's query keys, so all panels re-run together.
 */
export function useDashboardClock(range: TimeRangeInput, refresh: RefreshOption) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => setNowMs(Date.now()), [range.from, range.to]);
  useEffect(() => {
    const every = refreshIntervalMs(refresh);
    if (every === false) return;
    const timer = setInterval(() => setNowMs(Date.now()), every);
    return () => clearInterval(timer);
  }, [refresh]);
  return useMemo((): { fromMs: number; toMs: number } | { error: string } => {
    try {
      return resolveTimeRange(range, nowMs);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [range, nowMs]);
}
