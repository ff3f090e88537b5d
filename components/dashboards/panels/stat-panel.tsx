'use client';

import { describePromError } from '@/components/explore/prom-client';
import { useRangeChartData } from '@/components/explore/use-range-chart-data';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { thresholdColor } from '@/lib/dashboards/thresholds';
import { formatValue } from '@/lib/explore/units';
import { panelUnit, usePanelQueries } from '../panel-queries';
import { PanelMessage } from './panel-message';
import { Sparkline } from '@/components/charts/sparkline';

/** The last value of the first query's first series, colored by thresholds, over its sparkline. */
export function StatPanel({ panel }: { panel: DashboardPanel }) {
  const { exprs, stepSeconds, fromMs, toMs } = usePanelQueries(panel);
  const { ranges, model } = useRangeChartData(exprs.slice(0, 1), fromMs, toMs, stepSeconds, false);
  const r = ranges[0];
  if (r?.isError) return <PanelMessage kind="error">Query failed: {describePromError(r.error).message}</PanelMessage>;
  if (!r?.data) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  const s = model.series[0];
  if (!s) return <PanelMessage kind="empty">No data</PanelMessage>;
  const values = model.rows.map((row) => row[s.id] ?? null);
  let last: number | null = null;
  for (let i = values.length - 1; i >= 0 && last === null; i--) last = values[i];
  const color = thresholdColor(last, panel.options.thresholds);
  const text = last === null ? 'No value' : formatValue(last, panelUnit(panel, exprs[0]));
  return (
    <div className="flex h-full flex-col justify-between gap-1">
      <p className="text-3xl font-semibold tabular-nums" style={{ color }} aria-label={`${panel.title || 'Value'}: ${text}`}>{text}</p>
      <Sparkline values={values} color={color} />
    </div>
  );
}
