'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { BUTTON } from '@/components/ui/form-styles';
import { LogQueryError, parseLogQuery, type LogSearchTerm } from '@/lib/log-search-query';
import { logFilterOf, readLogSearch, valueFilter, writeLogSearch, type LogSearchState } from '@/lib/log-search-url';
import { describeTimeRange } from '@/lib/time-range-label';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { traceHref } from '@/lib/trace-links';
import { ErrorBanner } from '@/components/ui/status-panels';
import { LiveTail } from './live-tail';
import { LogResults } from './log-results';
import { LogSearchForm } from './log-search-form';
import { LogVolumeHistogram } from './log-volume-histogram';
import { TraceScopeBar } from './trace-scope-bar';

/** /logs: search (URL state) → volume histogram + infinite list, or the live tail; scoped to a trace when opened from one. */
export function LogsPageView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { range, setRange } = useTimeRange();
  const state = useMemo(() => readLogSearch(params), [params]);
  const filter = useMemo(() => ({ ...range, ...logFilterOf(state) }), [range, state]);

  const go = useCallback((next: LogSearchState) => router.push(`${pathname}?${writeLogSearch(params.toString(), next)}`), [router, pathname, params]);
  const onFilter = useCallback((key: string, value: string, exclude: boolean) =>
    go({ ...state, attributes: [...state.attributes, valueFilter(key, value, exclude)] }), [go, state]);
  const linkToTrace = useCallback((traceId: string, spanId: string | null) =>
    hrefWithTimeRange(traceHref(traceId, { spanId: spanId ?? undefined }), params), [params]);

  // The same terms the server searches for, to highlight them (a bad query is reported by the server).
  let terms: LogSearchTerm[] = [];
  try { terms = state.mode === 'words' ? parseLogQuery(state.q) : []; } catch (e) { if (!(e instanceof LogQueryError)) throw e; }
  const highlight = { terms, mode: state.mode, raw: state.q.trim() };

  const histogram = useQuery({ ...trpc.logs.histogram.queryOptions(filter), enabled: !state.live, placeholderData: keepPreviousData });
  const tailQuery = writeLogSearch('', { ...state, live: false });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-fg">Logs</h1>
        <button type="button" className={BUTTON} aria-pressed={state.live} onClick={() => go({ ...state, live: !state.live })}>
          {state.live ? 'Stop live tail' : 'Live tail'}
        </button>
      </div>
      {state.traceId && (
        <TraceScopeBar traceId={state.traceId} spanId={state.spanId} traceScope={state.traceScope}
          onScope={(traceScope) => go({ ...state, traceScope })}
          backHref={hrefWithTimeRange(traceHref(state.traceId, { spanId: state.spanId || undefined }), params)} />
      )}
      {/* Keyed on the URL so Back/Forward and drill-downs reset the draft form. */}
      <LogSearchForm key={params.toString()} state={state} range={range} onSearch={go} />
      {state.live ? (
        <LiveTail query={tailQuery} highlight={highlight} traceHref={linkToTrace} onFilter={onFilter} />
      ) : (
        <>
          {histogram.isError && <ErrorBanner title="Could not count logs." message={histogram.error.message} />}
          {histogram.data && <LogVolumeHistogram data={histogram.data} onZoom={(fromMs, toMs) => setRange({ from: String(fromMs), to: String(toMs) })} />}
          <LogResults input={filter} rangeLabel={describeTimeRange(range)} highlight={highlight} traceHref={linkToTrace} onFilter={onFilter} />
        </>
      )}
    </div>
  );
}
