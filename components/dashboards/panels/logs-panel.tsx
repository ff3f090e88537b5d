'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc-client';
import { interpolatePlain } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { formatLocalDateTime } from '@/lib/format-time';
import { severitiesAtLeast, severityLabel } from '@/lib/log-severity';
import { traceHref } from '@/lib/trace-links';
import { useDashboardRuntime } from '../dashboard-runtime';
import { PanelMessage } from './panel-message';

/**
 * The newest log records matching the panel's search (service, severity and up), through `logs.search`
 * like the Logs page; each record with a trace links to its waterfall at its span.
 */
export function LogsPanel({ panel }: { panel: DashboardPanel }) {
  const trpc = useTRPC();
  const { fromMs, toMs, vars } = useDashboardRuntime();
  const s = panel.search ?? {};
  const service = s.service ? interpolatePlain(s.service, vars) : '';
  const severities = s.severity ? severitiesAtLeast(s.severity) : [];
  const search = useQuery({
    ...trpc.logs.search.queryOptions({
      from: String(fromMs), to: String(toMs), limit: Math.min(s.limit ?? 50, 500),
      ...(service ? { service } : {}), ...(severities.length ? { severities } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  if (search.isError) return <PanelMessage kind="error">Search failed: {search.error.message}</PanelMessage>;
  if (!search.data) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  const records = search.data.records;
  if (records.length === 0) return <PanelMessage kind="empty">No matching log records in this time range.</PanelMessage>;
  return (
    <ul className="flex flex-col text-xs" aria-label={`${panel.title || 'Log records'}: ${records.length}`}>
      {records.map((r) => {
        const ms = Number(r.timestampUnixNano / 1_000_000n);
        return (
          <li key={r.id} className="flex gap-2 border-t border-line py-1 first:border-t-0">
            <span className="whitespace-nowrap font-mono text-fg-muted">{formatLocalDateTime(ms)}</span>
            <span className={`w-12 shrink-0 font-semibold ${r.severityNumber >= 17 ? 'text-red-300' : r.severityNumber >= 13 ? 'text-amber-300' : 'text-fg-muted'}`}>
              {severityLabel(r.severityNumber, r.severityText)}
            </span>
            <span className="min-w-0 flex-1 break-words">{r.body.text}</span>
            {r.traceId && (
              <Link prefetch={false} className="shrink-0 text-accent hover:underline" aria-label={`Trace of log record: ${r.body.text.slice(0, 60)}`}
                href={traceHref(r.traceId, { spanId: r.spanId ?? undefined, fromMs: ms - 60_000, toMs: ms + 60_000 })}>
                trace
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
