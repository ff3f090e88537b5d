'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { collectExemplars, type ExemplarPoint } from '@/lib/explore/exemplars';
import { buildChartModel, type QueryRangeResult } from '@/lib/explore/series';
import { fetchExemplars, fetchRange, retryPromQuery } from './prom-client';

/**
 * Range queries (and, unless `withExemplars` is false, their exemplars) for a list of PromQL
 * expressions → one chart model. Shared by Explore and dashboard panels.
 */
export function useRangeChartData(queries: readonly string[], fromMs: number, toMs: number, stepSeconds: number, withExemplars = true) {
  const stepMs = stepSeconds * 1000;
  // Align the start on the step so refreshes of a moving range keep the same sample times.
  const startMs = Math.floor(fromMs / stepMs) * stepMs;
  const ranges = useQueries({
    queries: queries.map((expr) => ({
      queryKey: ['prom', 'query_range', expr, startMs, toMs, stepSeconds],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRange(expr, startMs, toMs, stepSeconds, signal),
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      staleTime: 10_000,
    })),
  });
  const exemplarResults = useQueries({
    queries: (withExemplars ? queries : []).map((expr) => ({
      queryKey: ['prom', 'query_exemplars', expr, fromMs, toMs],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchExemplars(expr, fromMs, toMs, signal),
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      staleTime: 10_000,
    })),
  });

  // Each answer's data object is stable until the next fetch: its update time stands for it in memo keys.
  const rangeVersion = ranges.map((r) => r.dataUpdatedAt).join(',');
  const model = useMemo(() => {
    const results: QueryRangeResult[] = [];
    ranges.forEach((r, queryIndex) => {
      if (r.data) results.push({ queryIndex, expr: queries[queryIndex], series: r.data.data });
    });
    return buildChartModel(results);
  }, [queries, rangeVersion]);
  const exemplarVersion = exemplarResults.map((r) => r.dataUpdatedAt).join(',');
  const exemplars = useMemo(() => {
    const out: ExemplarPoint[] = [];
    exemplarResults.forEach((r, queryIndex) => {
      if (!r.data) return;
      const candidates = model.series.filter((s) => s.queryIndex === queryIndex);
      out.push(...collectExemplars(queryIndex, r.data.data, candidates, fromMs, toMs));
    });
    return out;
  }, [model, fromMs, toMs, exemplarVersion]);

  return { ranges, exemplarResults, model, exemplars, stepMs };
}
