import Link from 'next/link';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import { ServiceName } from '@/components/services/service-name';
import { formatLocalDateTime } from '@/lib/format-time';
import { unixNanoToMs } from '@/lib/time-range';
import { formatDurationNs } from '@/lib/trace-model';

export type TraceSummaryView = inferRouterOutputs<AppRouter>['traces']['search']['traces'][number];

interface TraceResultsTableProps {
  traces: readonly TraceSummaryView[];
  caption: string;
  /** Builds the waterfall link for a trace (keeps the time range). */
  traceHref: (traceId: string) => string;
}

const HEAD = 'whitespace-nowrap px-3 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted';
const CELL = 'whitespace-nowrap px-3 py-2';

/** One row per trace; the root operation is the link to the waterfall. */
export function TraceResultsTable({ traces, caption, traceHref }: TraceResultsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-sm text-fg-muted">{caption}</caption>
        <thead className="border-y border-line bg-panel-raised">
          <tr>
            <th scope="col" className={`${HEAD} text-left`}>Trace</th>
            <th scope="col" className={`${HEAD} text-left`}>Started</th>
            <th scope="col" className={`${HEAD} text-right`}>Duration</th>
            <th scope="col" className={`${HEAD} text-right`}>Spans</th>
            <th scope="col" className={`${HEAD} text-right`}>Errors</th>
            <th scope="col" className={`${HEAD} text-left`}>Services</th>
          </tr>
        </thead>
        <tbody>
          {traces.map((t) => {
            const startMs = unixNanoToMs(t.startTimeUnixNano);
            const label = t.rootSpanName ? `${t.rootServiceName}: ${t.rootSpanName}` : 'root span not received';
            return (
              <tr key={t.traceId} className={`border-b border-line last:border-b-0 hover:bg-panel-raised/60 ${t.errorCount > 0 ? 'bg-danger-bg/40' : ''}`}>
                <th scope="row" className={`${CELL} max-w-96 text-left font-medium`}>
                  <Link href={traceHref(t.traceId)} className="block truncate text-fg hover:text-accent-strong hover:underline"
                    aria-label={`${label}, trace ${t.traceId}`}>
                    {t.rootServiceName ? <ServiceName name={t.rootServiceName} /> : null}{' '}
                    <span className={t.rootSpanName ? '' : 'italic text-fg-muted'}>{t.rootSpanName ?? 'root span not received'}</span>
                  </Link>
                  <span className="font-mono text-xs text-fg-muted">{t.traceId.slice(0, 16)}…</span>
                </th>
                <td className={`${CELL} text-fg-muted`}>
                  <time dateTime={new Date(startMs).toISOString()}>{formatLocalDateTime(startMs)}</time>
                </td>
                <td className={`${CELL} text-right font-mono tabular-nums`}>{formatDurationNs(Number(t.durationNs))}</td>
                <td className={`${CELL} text-right font-mono tabular-nums`}>{t.spanCount}</td>
                <td className={`${CELL} text-right font-mono tabular-nums ${t.errorCount > 0 ? 'font-semibold text-danger' : 'text-fg-muted'}`}>
                  {t.errorCount}
                </td>
                <td className={CELL}>
                  <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Services">
                    {t.services.map((s) => <li key={s}><ServiceName name={s} /></li>)}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
