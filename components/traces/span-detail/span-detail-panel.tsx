'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { ErrorBanner } from '@/components/ui/status-panels';
import { CopyButton } from '@/components/ui/copy-button';
import { ServiceName } from '@/components/services/service-name';
import { formatDurationNs } from '@/lib/trace-model';
import { logsHref, traceHref } from '@/lib/trace-links';
import { INPUT } from '@/components/ui/form-styles';
import type { TraceViewData, TraceViewSpanData } from '../waterfall/use-trace-data';
import { AttributeTable } from './attribute-table';

const KIND_NAMES = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const STATUS_NAMES = ['Unset', 'OK', 'Error'];

interface SpanDetailPanelProps {
  trace: TraceViewData;
  span: TraceViewSpanData;
  selfTimeNs: number;
  onCriticalPath: boolean;
  onClose: () => void;
}

/** Everything about one span: status, kind, timing, ids, attributes (span, resource, scope), events, links. */
export function SpanDetailPanel({ trace, span, selfTimeNs, onCriticalPath, onClose }: SpanDetailPanelProps) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState('');
  // Attributes, events, links, resource and scope come per span: the trace payload stays lean.
  const detail = useQuery(trpc.traces.span.queryOptions({ traceId: trace.traceId, spanId: span.spanId }));
  const d = detail.data;
  const statusMessage = d?.statusMessage ?? '';
  const isError = span.statusCode === 2;
  const spanStartMs = trace.startMs + span.startNs / 1e6;
  const f = filter.trim().toLowerCase();

  return (
    <aside aria-label={`Span details: ${span.name}`} className="flex max-h-[calc(100vh-8rem)] flex-col gap-3 overflow-y-auto rounded-lg border border-line bg-panel p-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="break-words text-base font-semibold text-fg">{span.name}</h2>
          <ServiceName name={span.serviceName} />
        </div>
        <button type="button" onClick={onClose} aria-label="Close span details" className="rounded px-2 text-fg-muted hover:bg-panel-raised hover:text-fg">×</button>
      </div>

      {isError && (
        <p role="status" className="rounded border border-danger/50 bg-danger-bg px-2 py-1.5 text-danger">
          <strong>Error</strong>{statusMessage ? `: ${statusMessage}` : ''}
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-fg-muted">Status</dt><dd className={isError ? 'text-danger' : ''}>{STATUS_NAMES[span.statusCode] ?? span.statusCode}{!isError && statusMessage ? `: ${statusMessage}` : ''}</dd>
        <dt className="text-fg-muted">Kind</dt><dd>{KIND_NAMES[span.kind] ?? span.kind}</dd>
        <dt className="text-fg-muted">Duration</dt><dd className="font-mono">{formatDurationNs(span.durationNs)}</dd>
        <dt className="text-fg-muted">Self time</dt><dd className="font-mono">{formatDurationNs(selfTimeNs)}</dd>
        <dt className="text-fg-muted">Starts at</dt><dd className="font-mono">+{formatDurationNs(span.startNs)} · {new Date(spanStartMs).toISOString()}</dd>
        <dt className="text-fg-muted">Critical path</dt><dd>{onCriticalPath ? 'Yes' : 'No'}</dd>
        <dt className="text-fg-muted">Span ID</dt><dd className="flex items-center gap-2 font-mono">{span.spanId}<CopyButton text={span.spanId} what="span id" /></dd>
        <dt className="text-fg-muted">Parent ID</dt><dd className="font-mono">{span.parentSpanId ?? '— (root)'}</dd>
        <dt className="text-fg-muted">Trace ID</dt><dd className="flex items-center gap-2 font-mono">{trace.traceId}<CopyButton text={trace.traceId} what="trace id" /></dd>
        {d?.traceState && <><dt className="text-fg-muted">Trace state</dt><dd className="font-mono">{d.traceState}</dd></>}
      </dl>

      <Link href={logsHref(trace.traceId, spanStartMs, spanStartMs + span.durationNs / 1e6, span.spanId)}
        className="self-start rounded-md border border-line-strong px-3 py-1.5 text-sm text-fg hover:bg-panel-raised">
        Logs for this span{span.logCount > 0 ? ` (${span.logCount})` : ''}
      </Link>

      <label className="flex flex-col gap-1 text-xs text-fg-muted">
        Filter attributes
        <input className={INPUT} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="key or value" />
      </label>
      {detail.isPending && <p role="status" className="text-xs text-fg-muted">Loading attributes…</p>}
      {detail.isError && <ErrorBanner title="Could not load span details." message={detail.error.message} onRetry={() => void detail.refetch()} />}
      {d && (
        <>
          <AttributeTable title="Span attributes" attributes={d.attributes} filter={f} />
          <AttributeTable title="Resource attributes" attributes={d.resource.attributes} filter={f} />
          <AttributeTable title={`Scope ${d.scope.name}${d.scope.version ? ` ${d.scope.version}` : ''}`} attributes={d.scope.attributes} filter={f} />
          {(d.droppedAttributesCount > 0 || d.droppedEventsCount > 0 || d.droppedLinksCount > 0) && (
            <p className="text-xs text-fg-muted">Dropped by the SDK: {d.droppedAttributesCount} attributes, {d.droppedEventsCount} events, {d.droppedLinksCount} links.</p>
          )}
          <section aria-label="Events" className="flex flex-col gap-1">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Events ({d.events.length})</h3>
            {d.events.map((e, i) => (
              <details key={i} className="rounded border border-line px-2 py-1 text-xs">
                <summary className="cursor-pointer"><span className="font-mono text-fg-muted">+{formatDurationNs(e.offsetNs)}</span> {e.name}</summary>
                <AttributeTable title="Event attributes" attributes={e.attributes} filter="" />
              </details>
            ))}
          </section>
          <section aria-label="Links" className="flex flex-col gap-1">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Links ({d.links.length})</h3>
            {d.links.map((l, i) => (
              <Link key={i} href={traceHref(l.traceId, { spanId: l.spanId })} className="break-all font-mono text-xs text-accent hover:underline">
                Linked trace {l.traceId} · span {l.spanId}
              </Link>
            ))}
          </section>
        </>
      )}
    </aside>
  );
}
