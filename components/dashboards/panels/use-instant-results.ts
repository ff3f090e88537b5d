'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { fetchInstant, retryPromQuery } from '@/components/explore/prom-client';
import { applyLegend } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { formatSeriesName } from '@/lib/explore/series';
import type { Labels } from '@/lib/explore/prom-api';

export interface InstantRow { key: string; name: string; labels: Labels; value: number; queryIndex: number }

/** Instant queries at the end of the range → one row per series, named by the target's legend template. */
export function useInstantRows(panel: DashboardPanel, exprs: readonly string[], timeMs: number) {
  const results = useQueries({
    queries: exprs.map((expr) => ({
      queryKey: ['prom', 'query', expr, timeMs],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchInstant(expr, timeMs, signal),
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      staleTime: 10_000,
    })),
  });
  const rows: InstantRow[] = [];
  results.forEach((r, queryIndex) => {
    const data = r.data?.data;
    if (!data) return;
    if (data.kind === 'vector') {
      data.series.forEach((s, i) => rows.push({
        key: `${queryIndex}:${i}`, labels: s.labels, value: s.v, queryIndex,
        name: applyLegend(panel.targets[queryIndex]?.legend, s.labels) || formatSeriesName(s.labels),
      }));
    } else if (data.kind === 'scalar') {
      rows.push({ key: `${queryIndex}`, labels: {}, value: Number(data.value), queryIndex, name: panel.targets[queryIndex]?.legend || exprs[queryIndex] });
    }
  });
  return { results, rows };
}
