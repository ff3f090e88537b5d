'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { TraceWaterfall } from './trace-waterfall';
import { useTraceData } from './use-trace-data';

/** /traces/<id>: loading, waiting-for-spans, not-found and error states around the waterfall. */
export function TracePageView({ traceId }: { traceId: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useTraceData(traceId);
  const selectedSpanId = params.get('span');

  // The selection lives in the URL (shareable) without a server round trip: Next syncs
  // useSearchParams with history.replaceState.
  const selectSpan = useCallback((spanId: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (spanId) next.set('span', spanId); else next.delete('span');
    window.history.replaceState(null, '', `${pathname}?${next.toString()}`);
  }, [params, pathname]);

  const backToSearch = <Link href={hrefWithTimeRange('/traces', params)} className="text-accent hover:underline">Back to trace search</Link>;
  switch (state.kind) {
    case 'loading':
      return <LoadingPanel label={`Loading trace ${traceId}…`} />;
    case 'error':
      return <div className="flex flex-col gap-3"><ErrorBanner title="Could not load this trace." message={state.message} onRetry={state.retry} />{backToSearch}</div>;
    case 'waiting':
      return (
        <div role="status" className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-6 text-sm">
          <p className="font-semibold text-fg">Waiting for trace {traceId}…</p>
          <p className="text-fg-muted">No span of it is stored yet. Exporters send in batches, so it may still arrive: retrying every 2 seconds for 30 seconds.</p>
          {backToSearch}
        </div>
      );
    case 'not-found':
      return (
        <div role="alert" className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-6 text-sm">
          <p className="font-semibold text-fg">Trace {traceId} was not found.</p>
          <p className="text-fg-muted">No span with this trace id has been received. Check the id, or whether the service exports traces to Sightline.</p>
          {backToSearch}
        </div>
      );
    case 'found':
      return <TraceWaterfall trace={state.trace} arriving={state.arriving} selectedSpanId={selectedSpanId} onSelectSpan={selectSpan} />;
  }
}
