'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import type { LogFilter } from './types';
import type { Highlight } from './log-body';
import { LogTable } from './log-table';

/** Records per page of the infinite list. */
const PAGE_SIZE = 100;

interface LogResultsProps {
  input: LogFilter;
  rangeLabel: string;
  highlight: Highlight;
  traceHref: (traceId: string, spanId: string | null) => string;
  onFilter: (key: string, value: string, exclude: boolean) => void;
}

/** Matching records newest first; older pages load as the list scrolls (keyset cursor). */
export function LogResults({ input, rangeLabel, highlight, traceHref, onFilter }: LogResultsProps) {
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.logs.search.infiniteQueryOptions({ ...input, limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const more = useCallback(() => { if (hasNextPage && !isFetchingNextPage) void fetchNextPage(); }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <LoadingPanel label="Searching logs…" />;
  if (query.isError) return <ErrorBanner title="Search failed." message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const records = query.data.pages.flatMap((p) => p.records);
  if (records.length === 0) {
    return <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">No log records match in {rangeLabel}. Widen the time range or remove a filter.</p>;
  }
  return (
    <LogTable records={records} highlight={highlight} traceHref={traceHref} onFilter={onFilter} onEndReached={more}
      hasMore={hasNextPage} loadingMore={isFetchingNextPage}
      caption={`${records.length}${hasNextPage ? '+' : ''} log records · newest first · ${rangeLabel}`} />
  );
}
