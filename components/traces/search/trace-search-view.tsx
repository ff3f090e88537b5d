'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { BUTTON, INPUT } from '@/components/ui/form-styles';
import { resolveTimeRange } from '@/lib/time-range';
import { describeTimeRange } from '@/lib/time-range-label';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { readTraceSearch, writeTraceSearch, type TraceSearchState, type TraceSortParam } from '@/lib/trace-search-url';
import { TraceSearchForm } from './trace-search-form';
import { TraceIdJump } from './trace-id-jump';
import { TraceResultsTable } from './trace-results-table';
import { TraceDurationScatter } from './trace-duration-scatter';

const PAGE_SIZE = 50;
/** Points in the scatter: the newest traces matching the filters. */
const SCATTER_LIMIT = 1000;
const SORT_LABELS: Record<TraceSortParam, string> = { newest: 'Newest first', oldest: 'Oldest first', slowest: 'Slowest first', errors: 'Most errors' };

/** /traces: filters (URL state) → scatter of durations + one page of traces. */
export function TraceSearchView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { range, setRange } = useTimeRange();
  const state = useMemo(() => readTraceSearch(params), [params]);

  const filters = {
    ...range,
    service: state.service || undefined,
    operation: state.operation || undefined,
    minDuration: state.minDuration || undefined,
    maxDuration: state.maxDuration || undefined,
    errorsOnly: state.errorsOnly || undefined,
    attributes: state.attributes.length ? state.attributes : undefined,
  };
  const page = useQuery({
    ...trpc.traces.search.queryOptions({ ...filters, sort: state.sort, limit: PAGE_SIZE, offset: state.page * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const scatter = useQuery({ ...trpc.traces.search.queryOptions({ ...filters, sort: 'newest', limit: SCATTER_LIMIT }), placeholderData: keepPreviousData });

  const go = (next: TraceSearchState) => router.push(`${pathname}?${writeTraceSearch(params.toString(), next)}`);
  const traceHref = (traceId: string) => hrefWithTimeRange(`/traces/${traceId}`, params);
  let domain: { fromMs: number; toMs: number } | null = null;
  try { domain = resolveTimeRange(range, scatter.dataUpdatedAt || Date.now()); } catch { domain = null; }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-fg">Traces</h1>
        <TraceIdJump />
      </div>
      {/* Keyed on the URL so Back/Forward and drilldowns reset the draft form. */}
      <TraceSearchForm key={params.toString()} state={state} range={range} onSearch={go} />
      {page.isError && <ErrorBanner title="Search failed." message={page.error.message} onRetry={() => void page.refetch()} retrying={page.isFetching} />}
      {domain && scatter.data && (
        <TraceDurationScatter traces={scatter.data.traces} fromMs={domain.fromMs} toMs={domain.toMs}
          onOpenTrace={(id) => router.push(traceHref(id))}
          onZoom={(fromMs, toMs) => setRange({ from: String(fromMs), to: String(toMs) })} />
      )}
      {page.isPending ? <LoadingPanel label="Searching traces…" /> : page.data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm text-fg-muted">
              Sort
              <select className={INPUT} value={state.sort} onChange={(e) => go({ ...state, sort: e.target.value as TraceSortParam, page: 0 })}>
                {Object.entries(SORT_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            </label>
            <nav aria-label="Result pages" className="ml-auto flex items-center gap-2 text-sm">
              <button type="button" className={BUTTON} disabled={state.page === 0} onClick={() => go({ ...state, page: state.page - 1 })}>Previous page</button>
              <span className="text-fg-muted">Page {state.page + 1}</span>
              <button type="button" className={BUTTON} disabled={!page.data.hasMore} onClick={() => go({ ...state, page: state.page + 1 })}>Next page</button>
            </nav>
          </div>
          {page.data.traces.length === 0 ? (
            <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">
              No traces match these filters in {describeTimeRange(range)}. Widen the time range or remove a filter.
            </p>
          ) : (
            <TraceResultsTable traces={page.data.traces} traceHref={traceHref}
              caption={`${page.data.traces.length}${page.data.hasMore ? '+' : ''} traces · ${SORT_LABELS[state.sort].toLowerCase()} · ${describeTimeRange(range)}`} />
          )}
        </>
      )}
    </div>
  );
}

