'use client';

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc-client';
import { interpolatePlain } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { formatLocalDateTime } from '@/lib/format-time';
import { traceHref } from '@/lib/trace-links';
import { useDashboardRuntime } from '../dashboard-runtime';
import { PanelMessage } from './panel-message';

/** OTLP severity numbers: WARN 13–16, ERROR 17–20, FATAL 21–24. */
const MIN_SEVERITY: Record<string, number> = { trace: 1, debug: 5, info: 9, warn: 13, warning: 13, error: 17, fatal: 21 };
/** Traces whose logs are read: a log search by service lands on another branch; until then, logs come through traces. */
const TRACES_SCANNED = 10;

/**
 * Recent log records of a service, read through the procedures that exist today: the newest traces of
 * the service (only erroneous ones when the severity is error or worse), then `logs.byTrace` for each.
 * Records without a trace are therefore not shown.
 */
export function LogsPanel({ panel }: { panel: DashboardPanel }) {
  const trpc = useTRPC();
  const { fromMs, toMs, vars } = useDashboardRuntime();
  const s = panel.search ?? {};
  const service = s.service ? interpolatePlain(s.service, vars) : '';
  const minSeverity = MIN_SEVERITY[(s.severity ?? '').toLowerCase()] ?? 0;
  const range = { from: String(fromMs), to: String(toMs) };
  const traces = useQuery({
    ...trpc.traces.search.queryOptions({ ...range, ...(service ? { service } : {}), errorsOnly: minSeverity >= 17, sort: 'newest', limit: TRACES_SCANNED }),
    placeholderData: keepPreviousData,
  });
  const logs = useQueries({
    queries: (traces.data?.traces ?? []).map((t) => ({ ...trpc.logs.byTrace.queryOptions({ ...range, traceId: t.traceId }), placeholderData: keepPreviousData })),
  });
  if (traces.isError) return <PanelMessage kind="error">Search failed: {traces.error.message}</PanelMessage>;
  if (!traces.data || logs.some((l) => l.isPending)) return <PanelMessage kind="loading">Loading…</PanelMessage>;
  const records = logs.flatMap((l) => l.data ?? [])
    .filter((r) => r.severityNumber >= minSeverity && (!service || r.serviceName === service))
    .sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? 1 : a.timeUnixNano > b.timeUnixNano ? -1 : 0))
    .slice(0, s.limit ?? 50);
  if (records.length === 0) return <PanelMessage kind="empty">No matching log records in this time range.</PanelMessage>;
  return (
    <ul className="flex flex-col text-xs" aria-label={`${panel.title || 'Log records'}: ${records.length}`}>
      {records.map((r, i) => {
        const ms = Number(r.timeUnixNano / 1_000_000n);
        return (
          <li key={`${r.traceId}:${r.spanId}:${r.timeUnixNano}:${i}`} className="flex gap-2 border-t border-line py-1 first:border-t-0">
            <span className="whitespace-nowrap font-mono text-fg-muted">{formatLocalDateTime(ms)}</span>
            <span className={`w-12 shrink-0 font-semibold ${r.severityNumber >= 17 ? 'text-red-300' : r.severityNumber >= 13 ? 'text-amber-300' : 'text-fg-muted'}`}>
              {r.severityText || `sev ${r.severityNumber}`}
            </span>
            <span className="min-w-0 flex-1 break-words">{r.body}</span>
            {r.traceId && (
              <Link prefetch={false} className="shrink-0 text-accent hover:underline" aria-label={`Trace of log record: ${r.body.slice(0, 60)}`}
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
