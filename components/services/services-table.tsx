import Link from 'next/link';
import { formatCount } from '@/lib/format-number';
import { formatLocalDateTime, formatTimeAgo } from '@/lib/format-time';
import { unixNanoToMs } from '@/lib/time-range';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import { ServiceName } from './service-name';

export type ServiceSummaryView = inferRouterOutputs<AppRouter>['services']['list'][number];

interface ServicesTableProps {
  services: readonly ServiceSummaryView[];
  caption: string;
  /** When the data was fetched (epoch ms); "last seen" ages are measured from here. */
  nowMs: number;
  /** Current URL params, so drilldown links keep the time range. */
  params: { get(name: string): string | null };
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

export function ServicesTable({ services, caption, nowMs, params }: ServicesTableProps) {
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
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.serviceName} className="border-b border-line last:border-b-0 hover:bg-panel-raised/60">
              <th scope="row" className="max-w-80 px-4 py-2.5 text-left font-medium">
                <Link
                  href={hrefWithTimeRange(`/traces?service=${encodeURIComponent(service.serviceName)}`, params)}
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
