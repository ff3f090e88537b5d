'use client';

import { useMemo, useState } from 'react';
import { describePromError } from '@/components/explore/prom-client';
import { SeriesLegend } from '@/components/explore/series-legend';
import { TimeSeriesChart, type ChartQuery } from '@/components/explore/time-series-chart';
import { useRangeChartData } from '@/components/explore/use-range-chart-data';
import { applyLegend } from '@/lib/dashboards/interpolate';
import { GRID_ROW_PX } from '@/lib/dashboards/layout';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { dedupeExemplars } from '@/lib/explore/dedupe-exemplars';
import { legendClick } from '@/lib/explore/series';
import { formatPromDuration } from '@/lib/explore/step';
import type { ValueUnit } from '@/lib/explore/units';
import { useCrosshair, useDashboardRuntime } from '../dashboard-runtime';
import { panelUnit, usePanelQueries } from '../panel-queries';
import { PanelMessage } from './panel-message';

/** Chrome inside a time-series panel besides the plot (caption, exemplar line, legend), in px. */
const CHROME_PX = 130;

/** Explore's chart for a panel: legend names from templates, units, stacking, thresholds, crosshair, annotations. */
export function TimeseriesPanel({ panel }: { panel: DashboardPanel }) {
  const { range, annotations, onZoom } = useDashboardRuntime();
  const crosshair = useCrosshair();
  const { exprs, stepSeconds, fromMs, toMs } = usePanelQueries(panel);
  const { ranges, model, exemplars, stepMs } = useRangeChartData(exprs, fromMs, toMs, stepSeconds, panel.options.exemplars);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const uniqueExemplars = useMemo(() => dedupeExemplars(exemplars, model.rows), [exemplars, model.rows]);

  const series = useMemo(() => model.series.map((s) => ({
    ...s, name: applyLegend(panel.targets[s.queryIndex]?.legend, s.labels) || s.name,
  })), [model.series, panel.targets]);
  const queries: ChartQuery[] = useMemo(() => exprs.map((expr) => ({ expr, unit: panelUnit(panel, expr) })), [exprs, panel]);
  const units = new Set<ValueUnit>(series.map((s) => queries[s.queryIndex]?.unit ?? 'none'));
  const axisUnit: ValueUnit = units.size === 1 ? [...units][0] : 'none';

  const failed = ranges.find((r) => r.isError);
  if (failed) {
    const { errorType, message } = describePromError(failed.error);
    return <PanelMessage kind="error">Query failed ({errorType}): {message}</PanelMessage>;
  }
  if (!ranges.some((r) => r.data)) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  if (series.length === 0) return <PanelMessage kind="empty">No data in this time range.</PanelMessage>;

  const visible = series.filter((s) => !hidden.has(s.id));
  return (
    <div className="flex flex-col gap-2">
      <TimeSeriesChart
        rows={model.rows} series={visible} queries={queries} axisUnit={axisUnit} fromMs={fromMs} toMs={toMs} stepMs={stepMs}
        exemplars={uniqueExemplars.filter((e) => (e.seriesId ? !hidden.has(e.seriesId) : hidden.size === 0))} range={range}
        caption={`step ${formatPromDuration(stepSeconds)}`}
        onZoom={onZoom} heightPx={Math.max(120, panel.gridPos.h * GRID_ROW_PX - CHROME_PX)}
        stacked={panel.options.stacked} thresholds={panel.options.thresholds} crosshair={crosshair} annotations={annotations}
      />
      {series.length > 1 && (
        <SeriesLegend series={series} hidden={hidden}
          onSelect={(id, toggle) => setHidden((h) => legendClick(h, id, series.map((s) => s.id), toggle))}
          onShowAll={() => setHidden(new Set())} />
      )}
    </div>
  );
}
