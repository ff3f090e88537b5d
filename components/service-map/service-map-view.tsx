'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { formatCount } from '@/lib/format-number';
import { formatLocalDateTime } from '@/lib/format-time';
import { describeTimeRange } from '@/lib/time-range-label';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { ServiceMapGraph } from './service-map-graph';
import { ServiceMapTables } from './service-map-tables';

export const SERVICE_MAP_REFRESH_MS = 30_000;

/**
 * /services: the service map for the URL's time range, refreshed every 30 s (the server resolves `now`
 * per request). Services and calls link to /traces filtered on the service — for a call, its callee:
 * trace search cannot yet filter on the calling service.
 */
export function ServiceMapView() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const { range } = useTimeRange();
  const rangeLabel = describeTimeRange(range);
  const query = useQuery({
    ...trpc.services.map.queryOptions(range),
    refetchInterval: SERVICE_MAP_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const serviceHref = useCallback(
    (service: string) => hrefWithTimeRange(`/traces?service=${encodeURIComponent(service)}`, params),
    [params],
  );

  const map = query.data;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-xl font-semibold text-fg">Service map</h1>
        <p className="mt-1 text-sm text-fg-muted">
          Calls between services, from spans whose parent span belongs to another service. Edge numbers are the
          callee&apos;s spans of those calls; service numbers are its SERVER, CONSUMER and root spans. Refreshes every 30
          seconds.
        </p>
      </div>
      {query.isError && (
        <ErrorBanner title="Could not load the service map." message={query.error.message}
          onRetry={() => void query.refetch()} retrying={query.isFetching} />
      )}
      {query.isPending ? <LoadingPanel label="Loading the service map…" /> : map && (
        <>
          {map.sampled && (
            <p role="note" className="rounded-lg border border-line-strong bg-panel px-4 py-2 text-sm text-fg">
              <span className="font-semibold">Sampled:</span> this range holds more than {formatCount(map.maxSpans)} spans,
              so the map reads only the newest {formatCount(map.maxSpans)}, from{' '}
              <time dateTime={new Date(map.windowFromMs).toISOString()}>{formatLocalDateTime(map.windowFromMs)}</time>.
              Rates are per second of that part; counts cover only it.
            </p>
          )}
          {map.nodes.length === 0 ? (
            <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">
              No spans in {rangeLabel}. Widen the time range, or send traces from instrumented services.
            </p>
          ) : (
            <>
              <ServiceMapGraph nodes={map.nodes} edges={map.edges} serviceHref={serviceHref} />
              <ServiceMapTables nodes={map.nodes} edges={map.edges} serviceHref={serviceHref} rangeLabel={rangeLabel} />
            </>
          )}
        </>
      )}
    </div>
  );
}
