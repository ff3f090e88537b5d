'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { ServiceName } from '@/components/services/service-name';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { unixNanoToMs } from '@/lib/time-range';
import { describeTimeRange } from '@/lib/time-range-label';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { traceHref } from '@/lib/trace-links';

/** Severity number bands (OTLP SeverityNumber): 17+ error/fatal, 13+ warn. */
const severityClass = (n: number) => (n >= 17 ? 'text-danger font-semibold' : n >= 13 ? 'text-yellow-300' : 'text-fg-muted');

/** The logs of one trace (or span): what the waterfall's "Logs for this trace/span" opens. */
export function TraceLogsView({ traceId, spanId }: { traceId: string; spanId?: string }) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const { range } = useTimeRange();
  const query = useQuery(trpc.logs.byTrace.queryOptions({ ...range, traceId, spanId }));

  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-xl font-semibold text-fg">Logs</h1>
        <p className="mt-1 text-sm text-fg-muted">
          {spanId ? 'Span ' : 'Trace '}<span className="font-mono">{spanId ?? traceId}</span> · {describeTimeRange(range)} ·{' '}
          <Link className="text-accent hover:underline" href={hrefWithTimeRange(traceHref(traceId, { spanId }), params)}>
            Back to the trace
          </Link>
        </p>
      </div>
      {query.isPending && <LoadingPanel label="Loading logs…" />}
      {query.isError && <ErrorBanner title="Could not load logs." message={query.error.message} onRetry={() => void query.refetch()} />}
      {query.data && query.data.length === 0 && (
        <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">No log records for this {spanId ? 'span' : 'trace'} in the range.</p>
      )}
      {query.data && query.data.length > 0 && (
        <table className="w-full border-collapse rounded-lg border border-line bg-panel text-sm">
          <caption className="px-3 py-2 text-left text-fg-muted">{query.data.length} log records</caption>
          <thead className="bg-panel-raised text-xs uppercase tracking-wide text-fg-muted">
            <tr><th scope="col" className="px-3 py-2 text-left">Time</th><th scope="col" className="px-3 py-2 text-left">Service</th>
              <th scope="col" className="px-3 py-2 text-left">Severity</th><th scope="col" className="px-3 py-2 text-left">Message</th>
              <th scope="col" className="px-3 py-2 text-left">Span</th></tr>
          </thead>
          <tbody>
            {query.data.map((line, i) => (
              <tr key={i} className="border-t border-line align-top">
                <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs text-fg-muted">{new Date(unixNanoToMs(line.timeUnixNano)).toISOString()}</td>
                <td className="whitespace-nowrap px-3 py-1.5"><ServiceName name={line.serviceName} /></td>
                <td className={`whitespace-nowrap px-3 py-1.5 text-xs ${severityClass(line.severityNumber)}`}>{line.severityText || `SEV${line.severityNumber}`}</td>
                <td className="break-all px-3 py-1.5 font-mono text-xs">{line.body}</td>
                <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">
                  {line.spanId && line.traceId ? <Link className="text-accent hover:underline" href={traceHref(line.traceId, { spanId: line.spanId })} aria-label={`Open span ${line.spanId}`}>{line.spanId.slice(0, 8)}…</Link> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
