'use client';

import { describePromError } from '@/components/explore/prom-client';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { gaugeFraction, thresholdColor } from '@/lib/dashboards/thresholds';
import { formatValue } from '@/lib/explore/units';
import { panelUnit, usePanelQueries } from '../panel-queries';
import { PanelMessage } from './panel-message';
import { useInstantRows } from './use-instant-results';

/** One horizontal bar per series (instant value at the end of the range), scaled to the largest value or threshold. */
export function BarGaugePanel({ panel }: { panel: DashboardPanel }) {
  const { exprs, toMs } = usePanelQueries(panel);
  const { results, rows } = useInstantRows(panel, exprs, toMs);
  const failed = results.find((r) => r.isError);
  if (failed) return <PanelMessage kind="error">Query failed: {describePromError(failed.error).message}</PanelMessage>;
  if (!results.some((r) => r.data)) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  const shown = rows.filter((r) => Number.isFinite(r.value)).sort((a, b) => b.value - a.value).slice(0, 50);
  if (shown.length === 0) return <PanelMessage kind="empty">No data in this time range.</PanelMessage>;
  const max = Math.max(...shown.map((r) => r.value), ...panel.options.thresholds.map((t) => t.value));
  const min = Math.min(0, ...shown.map((r) => r.value));
  return (
    <ul className="flex flex-col gap-1.5">
      {shown.map((r) => {
        const text = formatValue(r.value, panelUnit(panel, exprs[r.queryIndex]));
        const color = thresholdColor(r.value, panel.options.thresholds);
        return (
          <li key={r.key} className="flex items-center gap-2 text-xs">
            <span className="w-1/3 truncate" title={r.name}>{r.name}</span>
            <span role="meter" aria-label={r.name} aria-valuenow={r.value} aria-valuemin={min} aria-valuemax={max} aria-valuetext={text}
              className="h-4 flex-1 rounded-sm bg-panel-raised">
              <span className="block h-full rounded-sm" style={{ width: `${gaugeFraction(r.value, min, max) * 100}%`, backgroundColor: color }} />
            </span>
            <span className="w-20 text-right font-mono tabular-nums">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
