'use client';

import { useMemo, useState } from 'react';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import type { TimeRangeInput } from '@/lib/time-range';
import { legendClick } from '@/lib/explore/series';
import { formatPromDuration } from '@/lib/explore/step';
import { guessUnit, type ValueUnit } from '@/lib/explore/units';
import { describePromError } from './prom-client';
import { QueryNotes } from './query-notes';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart, type ChartQuery } from './time-series-chart';
import { useRangeChartData } from './use-range-chart-data';

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
  const { ranges, exemplarResults, model, exemplars, stepMs } = useRangeChartData(queries, fromMs, toMs, stepSeconds);
  const chartQueries: ChartQuery[] = useMemo(() => queries.map((expr) => ({ expr, unit: guessUnit(expr) })), [queries]);
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
