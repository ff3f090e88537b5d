'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { describeTimeRange } from '@/lib/time-range-label';
import { ServicesEmptyState } from './services-empty-state';
import { ServicesError, ServicesLoading } from './services-status';
import { ServicesTable } from './services-table';
import { useGoldenSignals } from './use-golden-signals';

export const SERVICES_REFRESH_MS = 10_000;

/** Home's data view: services in the URL's time range, refreshed every 10 s; the server resolves `now` per request. */
export function ServicesOverview() {
  const trpc = useTRPC();
  const { range } = useTimeRange();
  const rangeLabel = describeTimeRange(range);
  const query = useQuery({
    ...trpc.services.list.queryOptions(range),
    refetchInterval: SERVICES_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const signals = useGoldenSignals(range, SERVICES_REFRESH_MS);

  if (query.isPending) return <ServicesLoading />;

  const error = query.isError ? (
    <ServicesError message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  ) : null;
  if (!query.data) return error;

  const services = query.data;
  const count = `${services.length} ${services.length === 1 ? 'service' : 'services'}`;
  return (
    <div className="flex flex-col gap-3">
      {error}
      {services.length === 0 ? (
        <ServicesEmptyState rangeLabel={rangeLabel} />
      ) : (
        <ServicesTable
          services={services}
          caption={`${count} · ${rangeLabel}`}
          nowMs={query.dataUpdatedAt}
          range={range}
          signals={signals}
        />
      )}
    </div>
  );
}
