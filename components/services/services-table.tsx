import Link from 'next/link';
import { formatCount } from '@/lib/format-number';
import { formatLocalDateTime, formatTimeAgo } from '@/lib/format-time';
import { unixNanoToMs } from '@/lib/time-range';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import { Sparkline } from '@/components/charts/sparkline';
import { serviceOverviewHref, type SignalSeries } from '@/lib/golden-signals';
import { formatValue, type ValueUnit } from '@/lib/explore/units';
import { ServiceName } from './service-name';
import type { GoldenSignals } from './use-golden-signals';

export type ServiceSummaryView = inferRouterOutputs<AppRouter>['services']['list'][number];

interface ServicesTableProps {
  services: readonly ServiceSummaryView[];
  caption: string;
  /** When the data was fetched (epoch ms); "last seen" ages are measured from here. */
  nowMs: number;
  /** The current range as written in the URL: the overview link carries it. */
  range: { from: string; to: string };
  /** Span-metrics golden signals per service; null while loading. */
  signals: GoldenSignals | null;
}

const HEADER_CELL = 'whitespace-nowrap px-4 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted';
const NUMBER_CELL = 'whitespace-nowrap px-4 py-2.5 text-right font-mono tabular-nums';

function Count({ value }: { value: number }) {
  return <span className={value === 0 ? 'text-fg-muted' : undefined}>{formatCount(value)}</span>;
}

function LastSeen({ unixNano, nowMs }: { unixNano: bigint | null; nowMs: number }) {
  if (unixNano === null) return <span className="text-fg-muted">—</span>;
  const epochMs = unixNanoToMs(unixNano);
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={formatLocalDateTime(epochMs)}>
      {formatTimeAgo(nowMs - epochMs)}
    </time>
  );
}

/** A signal's last value with its sparkline; '—' when the service has no span metrics. */
function Signal({ series, unit, fallback, label }: { series: SignalSeries | undefined; unit: ValueUnit; fallback?: string; label: string }) {
  if (!series || series.last === null) return <span className="text-fg-muted" aria-label={`${label}: ${fallback ?? 'none'}`}>{fallback ?? '—'}</span>;
  const text = formatValue(series.last, unit);
  return (
    <span className="flex flex-col items-end gap-0.5">
      <span>{text}{unit === 'none' ? '/s' : ''}</span>
      <span className="w-24"><Sparkline values={series.values} color="var(--color-accent)" width={96} height={20} /></span>
    </span>
  );
}

export function ServicesTable({ services, caption, nowMs, range, signals }: ServicesTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full border-collapse text-sm">
        <caption className="px-4 py-2.5 text-left text-sm text-fg-muted">{caption}</caption>
        <thead className="border-y border-line bg-panel-raised">
          <tr>
            <th scope="col" className={`${HEADER_CELL} text-left`}>Service</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Spans</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Logs</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Metric points</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Last seen</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Rate</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>Errors</th>
            <th scope="col" className={`${HEADER_CELL} text-right`}>p95 latency</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.serviceName} className="border-b border-line last:border-b-0 hover:bg-panel-raised/60">
              <th scope="row" className="max-w-80 px-4 py-2.5 text-left font-medium">
                <Link
                  href={serviceOverviewHref(service.serviceName, range)}
                  className="text-fg hover:text-accent-strong hover:underline"
                >
                  <ServiceName name={service.serviceName} />
                </Link>
              </th>
              <td className={NUMBER_CELL}><Count value={service.spanCount} /></td>
              <td className={NUMBER_CELL}><Count value={service.logCount} /></td>
              <td className={NUMBER_CELL}><Count value={service.metricPointCount} /></td>
              <td className={`${NUMBER_CELL} text-fg-muted`}>
                <LastSeen unixNano={service.lastSeenUnixNano} nowMs={nowMs} />
              </td>
              <td className={NUMBER_CELL}><Signal label="Rate" series={signals?.rate.get(service.serviceName)} unit="none" /></td>
              <td className={NUMBER_CELL}>
                <Signal label="Errors" series={signals?.errors.get(service.serviceName)} unit="ratio"
                  fallback={signals?.rate.get(service.serviceName)?.last != null ? '0%' : undefined} />
              </td>
              <td className={NUMBER_CELL}><Signal label="p95 latency" series={signals?.p95.get(service.serviceName)} unit="seconds" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
