'use client';

import { describePromError } from '@/components/explore/prom-client';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { formatValue } from '@/lib/explore/units';
import { panelUnit, usePanelQueries } from '../panel-queries';
import { PanelMessage } from './panel-message';
import { useInstantRows } from './use-instant-results';

/** Instant values at the end of the range, one row per series, highest first. */
export function TablePanel({ panel }: { panel: DashboardPanel }) {
  const { exprs, toMs } = usePanelQueries(panel);
  const { results, rows } = useInstantRows(panel, exprs, toMs);
  const failed = results.find((r) => r.isError);
  if (failed) return <PanelMessage kind="error">Query failed: {describePromError(failed.error).message}</PanelMessage>;
  if (!results.some((r) => r.data)) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  const shown = rows.filter((r) => Number.isFinite(r.value)).sort((a, b) => b.value - a.value);
  if (shown.length === 0) return <PanelMessage kind="empty">No data in this time range.</PanelMessage>;
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{panel.title}</caption>
      <thead>
        <tr className="text-left text-xs text-fg-muted">
          <th scope="col" className="px-2 py-1 font-semibold">Series</th>
          <th scope="col" className="px-2 py-1 text-right font-semibold">Value</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.key} className="border-t border-line">
            <th scope="row" className="max-w-0 truncate px-2 py-1 text-left font-normal" title={r.name}>{r.name}</th>
            <td className="px-2 py-1 text-right font-mono tabular-nums">{formatValue(r.value, panelUnit(panel, exprs[r.queryIndex]))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
