'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc-client';
import { formatLocalDateTimeMs } from '@/lib/format-time';
import { SeverityBadge } from './severity-badge';
import type { LogRecord } from './types';

/** "Show context": the records of the same service just before and after one record. */
export function LogContext({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.logs.context.queryOptions({ id, count: 10 }));
  if (query.isPending) return <p role="status" className="text-xs text-fg-muted">Loading context…</p>;
  if (query.isError) return <p role="alert" className="text-xs text-danger">Could not load the context: {query.error.message}</p>;
  if (!query.data) return <p className="text-xs text-fg-muted">This record is no longer stored.</p>;
  const { before, record, after } = query.data;
  const line = (r: LogRecord, current: boolean) => (
    <li key={r.id} aria-current={current ? 'true' : undefined}
      className={`flex gap-2 px-2 py-0.5 font-mono text-xs ${current ? 'bg-accent/15 font-semibold' : ''}`}>
      <span className="whitespace-nowrap text-fg-muted">{formatLocalDateTimeMs(r.timestampUnixNano)}</span>
      <SeverityBadge severityNumber={r.severityNumber} severityText={r.severityText} />
      <span className="truncate">{r.body.text}</span>
    </li>
  );
  return (
    <section aria-label={`Context: ${record.serviceName} around this record`} className="rounded border border-line">
      <h3 className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">{record.serviceName}: {before.length} before, {after.length} after</h3>
      <ol>{before.map((r) => line(r, false))}{line(record, true)}{after.map((r) => line(r, false))}</ol>
    </section>
  );
}
