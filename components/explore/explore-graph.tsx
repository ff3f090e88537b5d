'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import type { TimeRangeInput } from '@/lib/time-range';
import { collectExemplars, type ExemplarPoint } from '@/lib/explore/exemplars';
import { buildChartModel, legendClick, type QueryRangeResult } from '@/lib/explore/series';
import { formatPromDuration } from '@/lib/explore/step';
import { guessUnit, type ValueUnit } from '@/lib/explore/units';
import { describePromError, fetchExemplars, fetchRange, retryPromQuery } from './prom-client';
import { QueryNotes } from './query-notes';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart, type ChartQuery } from './time-series-chart';

interface ExploreGraphProps {
  queries: readonly string[];
  fromMs: number;
  toMs: number;
  stepSeconds: number;
  stepLabel: string;
  range: TimeRangeInput;
  onZoom: (fromMs: number, toMs: number) => void;
}

/** Range queries (and their exemplars) for every query row → one chart, a legend and the errors. */
export function ExploreGraph({ queries, fromMs, toMs, stepSeconds, stepLabel, range, onZoom }: ExploreGraphProps) {
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
    queries: queries.map((expr) => ({
      queryKey: ['prom', 'query_exemplars', expr, fromMs, toMs],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchExemplars(expr, fromMs, toMs, signal),
      placeholderData: keepPreviousData,
      retry: retryPromQuery,
      staleTime: 10_000,
    })),
  });

  const chartQueries: ChartQuery[] = useMemo(() => queries.map((expr) => ({ expr, unit: guessUnit(expr) })), [queries]);
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

  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const visibleSeries = model.series.filter((s) => !hidden.has(s.id));
  const visibleExemplars = exemplars.filter((e) => (e.seriesId ? !hidden.has(e.seriesId) : hidden.size === 0));

  const units = new Set<ValueUnit>(model.series.map((s) => chartQueries[s.queryIndex].unit));
  const axisUnit: ValueUnit = units.size === 1 ? [...units][0] : 'none';
  const pending = ranges.some((r) => r.isPending);
  const fetching = ranges.some((r) => r.isFetching);
  const anyData = ranges.some((r) => r.data);

  return (
    <div className="flex flex-col gap-3">
      {ranges.map((r, i) => {
        if (!r.isError) return null;
        const { errorType, message } = describePromError(r.error);
        return (
          <ErrorBanner key={i} title={`Query ${i + 1} failed (${errorType}):`} message={message}
            onRetry={() => void r.refetch()} retrying={r.isFetching} />
        );
      })}
      {ranges.map((r, i) => r.data && (
        <QueryNotes key={i} index={i} warnings={r.data.warnings} infos={r.data.infos} skippedHistograms={r.data.skippedHistograms} />
      ))}
      {exemplarResults.map((r, i) => r.isError && (
        <p key={i} className="text-xs text-fg-muted">Exemplars for query {i + 1} unavailable: {describePromError(r.error).message}</p>
      ))}
      {pending && !anyData ? (
        <LoadingPanel label="Running queries…" />
      ) : anyData && (
        <>
          {model.series.length === 0 ? (
            <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">
              No data: the queries returned no series in this time range.
            </p>
          ) : (
            <TimeSeriesChart rows={model.rows} series={visibleSeries} queries={chartQueries} axisUnit={axisUnit}
              fromMs={fromMs} toMs={toMs} stepMs={stepMs} exemplars={visibleExemplars} range={range} onZoom={onZoom}
              caption={`${model.series.length} series${model.omitted ? ` (${model.omitted} more not drawn)` : ''} · step ${formatPromDuration(stepSeconds)}${stepLabel}${fetching ? ' · updating…' : ''}`} />
          )}
          <SeriesLegend series={model.series} hidden={hidden}
            onSelect={(id, toggle) => setHidden((h) => legendClick(h, id, model.series.map((s) => s.id), toggle))}
            onShowAll={() => setHidden(new Set())} />
        </>
      )}
    </div>
  );
}
