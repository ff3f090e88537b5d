import Link from 'next/link';
import { ServiceName } from '@/components/services/service-name';
import { formatDurationNs, type TraceStats } from '@/lib/trace-model';
import { logsHref } from '@/lib/trace-links';

interface TraceHeaderProps {
  traceId: string;
  title: string;
  startMs: number;
  endMs: number;
  stats: TraceStats;
  logCount: number;
}

/** Trace start, total duration, services, span/error counts, depth, and the trace's logs. */
export function TraceHeader({ traceId, title, startMs, endMs, stats, logCount }: TraceHeaderProps) {
  return (
    <header className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold text-fg">{title}</h1>
        <Link href={logsHref(traceId, startMs, endMs)} className="rounded-md border border-line-strong px-3 py-1.5 text-sm text-fg hover:bg-panel-raised">
          Logs for this trace{logCount > 0 ? ` (${logCount})` : ''}
        </Link>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div><dt className="inline text-fg-muted">Trace </dt><dd className="inline font-mono">{traceId}</dd></div>
        <div><dt className="inline text-fg-muted">Started </dt><dd className="inline"><time dateTime={new Date(startMs).toISOString()}>{new Date(startMs).toLocaleString()}</time></dd></div>
        <div><dt className="inline text-fg-muted">Duration </dt><dd className="inline font-mono">{formatDurationNs(stats.totalDurationNs)}</dd></div>
        <div><dt className="inline text-fg-muted">Spans </dt><dd className="inline font-mono">{stats.spanCount}</dd></div>
        <div><dt className="inline text-fg-muted">Errors </dt><dd className={`inline font-mono ${stats.errorCount > 0 ? 'font-semibold text-danger' : ''}`}>{stats.errorCount}</dd></div>
        <div><dt className="inline text-fg-muted">Depth </dt><dd className="inline font-mono">{stats.maxDepth + 1}</dd></div>
      </dl>
      <ul aria-label="Services in this trace" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {stats.services.map((s) => <li key={s}><ServiceName name={s} /></li>)}
      </ul>
    </header>
  );
}
