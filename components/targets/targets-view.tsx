'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc-client';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { formatLocalDateTime } from '@/lib/format-time';
import { TargetsTable, type TargetView, type TargetsListing } from './targets-table';

export const TARGETS_REFRESH_MS = 5_000;

/** Targets grouped by scrape pool, in the config file's job order (pools without targets included). */
export function groupByPool(listing: TargetsListing): { pool: string; targets: TargetView[] }[] {
  const pools = new Map<string, TargetView[]>(listing.config.scrapePools.map((p) => [p, []]));
  for (const t of listing.activeTargets) {
    const list = pools.get(t.scrapePool);
    if (list) list.push(t);
    else pools.set(t.scrapePool, [t]);
  }
  return [...pools].map(([pool, targets]) => ({ pool, targets }));
}

function ConfigStatus({ config }: { config: TargetsListing['config'] }) {
  return (
    <>
      {config.error && (
        <div role="alert" className="rounded-lg border border-danger/40 bg-danger-bg px-4 py-3 text-sm">
          <p className="font-semibold text-danger">The scrape configuration could not be reloaded; the previous one is still in force.</p>
          <p className="mt-1 break-words font-mono text-xs text-fg">{config.error}</p>
          {config.errorAtMs !== null && (
            <p className="mt-1 text-xs text-fg-muted">
              <time dateTime={new Date(config.errorAtMs).toISOString()}>{formatLocalDateTime(config.errorAtMs)}</time> · {config.path}
            </p>
          )}
        </div>
      )}
      {!config.found && config.path && (
        <p role="status" className="rounded-lg border border-line bg-panel p-4 text-sm text-fg-muted">
          No scrape configuration: <span className="font-mono text-fg">{config.path}</span> does not exist. Create it with
          Prometheus-style <span className="font-mono">scrape_configs</span> (static_configs) and targets appear here within seconds.
        </p>
      )}
    </>
  );
}

/** /targets: Prometheus scrape targets per job with their health, refreshed every 5 s. */
export function TargetsView() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.targets.list.queryOptions(),
    refetchInterval: TARGETS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });

  const listing = query.data;
  const pools = listing ? groupByPool(listing) : [];
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-xl font-semibold text-fg">Targets</h1>
        <p className="mt-1 text-sm text-fg-muted">
          Prometheus endpoints scraped from the <span className="font-mono">scrape_configs</span> of
          {listing?.config.path ? <> <span className="font-mono">{listing.config.path}</span></> : ' sightline.yaml'}, which is reloaded when it
          changes. Refreshes every 5 seconds.
        </p>
      </div>
      {query.isError && (
        <ErrorBanner title="Could not load the targets." message={query.error.message}
          onRetry={() => void query.refetch()} retrying={query.isFetching} />
      )}
      {query.isPending ? <LoadingPanel label="Loading targets…" /> : listing && (
        <>
          <ConfigStatus config={listing.config} />
          {listing.config.found && pools.length === 0 && (
            <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">
              The configuration has no scrape jobs.
            </p>
          )}
          {pools.map(({ pool, targets }) => (
            <TargetsTable key={pool} pool={pool} targets={targets} nowMs={query.dataUpdatedAt} />
          ))}
        </>
      )}
    </div>
  );
}
