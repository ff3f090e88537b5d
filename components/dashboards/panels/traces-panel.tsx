'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc-client';
import { interpolatePlain } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { formatLocalDateTime } from '@/lib/format-time';
import { traceHref } from '@/lib/trace-links';
import { formatDurationNs } from '@/lib/trace-model/format-duration';
import { useDashboardRuntime } from '../dashboard-runtime';
import { PanelMessage } from './panel-message';

/** The panel's search with variables substituted, as `traces.search` input (absolute ms range). */
export function useTraceSearchInput(panel: DashboardPanel) {
  const { fromMs, toMs, vars } = useDashboardRuntime();
  const s = panel.search ?? {};
  const service = s.service ? interpolatePlain(s.service, vars) : '';
  const operation = s.operation ? interpolatePlain(s.operation, vars) : '';
  return {
    from: String(fromMs), to: String(toMs),
    ...(service ? { service } : {}), ...(operation ? { operation } : {}),
    ...(s.minDuration ? { minDuration: s.minDuration } : {}),
    ...(s.errorsOnly ? { errorsOnly: true } : {}),
    sort: s.sort ?? 'newest', limit: s.limit ?? 20,
  };
}

/** A trace search (`traces.search`) as a list of links to the waterfall. */
export function TracesPanel({ panel }: { panel: DashboardPanel }) {
  const trpc = useTRPC();
  const input = useTraceSearchInput(panel);
  const query = useQuery({ ...trpc.traces.search.queryOptions(input), placeholderData: keepPreviousData });
  if (query.isError) return <PanelMessage kind="error">Search failed: {query.error.message}</PanelMessage>;
  if (!query.data) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  if (query.data.traces.length === 0) return <PanelMessage kind="empty">No traces match in this time range.</PanelMessage>;
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{panel.title}</caption>
      <thead>
        <tr className="text-left text-xs text-fg-muted">
          <th scope="col" className="px-2 py-1 font-semibold">Trace</th>
          <th scope="col" className="px-2 py-1 font-semibold">Started</th>
          <th scope="col" className="px-2 py-1 text-right font-semibold">Duration</th>
          <th scope="col" className="px-2 py-1 text-right font-semibold">Spans</th>
        </tr>
      </thead>
      <tbody>
        {query.data.traces.map((t) => {
          const startMs = Number(t.startTimeUnixNano / 1_000_000n);
          const durationMs = Number(t.durationNs / 1_000_000n);
          const name = `${t.rootServiceName ?? '?'}: ${t.rootSpanName ?? t.traceId}`;
          return (
            <tr key={t.traceId} className="border-t border-line">
              <th scope="row" className="max-w-0 truncate px-2 py-1 text-left font-normal">
                <Link prefetch={false} className="text-accent hover:text-accent-strong hover:underline"
                  href={traceHref(t.traceId, { fromMs: startMs - 60_000, toMs: startMs + durationMs + 60_000 })}>
                  {name}
                </Link>
                {t.errorCount > 0 && <span className="ml-2 text-xs text-red-300">{t.errorCount} error{t.errorCount === 1 ? '' : 's'}</span>}
              </th>
              <td className="whitespace-nowrap px-2 py-1 font-mono text-xs">{formatLocalDateTime(startMs)}</td>
              <td className="px-2 py-1 text-right font-mono tabular-nums">{formatDurationNs(Number(t.durationNs))}</td>
              <td className="px-2 py-1 text-right tabular-nums">{t.spanCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
