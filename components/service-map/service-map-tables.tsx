import Link from 'next/link';
import { ServiceName } from '@/components/services/service-name';
import { formatCount } from '@/lib/format-number';
import { formatErrorPercent, formatP95, formatRate } from './format';
import type { ServiceMapEdgeView, ServiceMapNodeView } from './types';

const HEAD = 'whitespace-nowrap px-3 py-2 text-xs font-semibold uppercase tracking-wide text-fg-muted';
const NUMBER = 'whitespace-nowrap px-3 py-2 text-right font-mono tabular-nums';
const LINK = 'text-fg hover:text-accent-strong hover:underline';

interface Stats {
  requestCount: number;
  ratePerSecond: number;
  errorCount: number;
  errorPercent: number;
  p95Ns: number | null;
}

function StatCells({ s }: { s: Stats }) {
  const failing = s.errorCount > 0;
  return (
    <>
      <td className={NUMBER}>{formatCount(s.requestCount)}</td>
      <td className={NUMBER}>{formatRate(s.ratePerSecond)}</td>
      <td className={`${NUMBER} ${failing ? 'font-semibold text-danger' : 'text-fg-muted'}`}>
        {formatErrorPercent(s.errorPercent)}{failing ? ` (${formatCount(s.errorCount)})` : ''}
      </td>
      <td className={NUMBER}>{formatP95(s.p95Ns)}</td>
    </>
  );
}

function StatHeads() {
  return (
    <>
      <th scope="col" className={`${HEAD} text-right`}>Requests</th>
      <th scope="col" className={`${HEAD} text-right`}>Req/s</th>
      <th scope="col" className={`${HEAD} text-right`}>Errors</th>
      <th scope="col" className={`${HEAD} text-right`}>p95</th>
    </>
  );
}

interface TablesProps {
  nodes: readonly ServiceMapNodeView[];
  edges: readonly ServiceMapEdgeView[];
  serviceHref: (service: string) => string;
  /** Describes the range, e.g. "last 1 hour". */
  rangeLabel: string;
}

/** The map's numbers as tables: every call caller → callee, then every service's own requests. */
export function ServiceMapTables({ nodes, edges, serviceHref, rangeLabel }: TablesProps) {
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-lg border border-line bg-panel">
        <table className="w-full border-collapse text-sm">
          <caption className="px-3 py-2 text-left text-sm text-fg-muted">
            {edges.length === 0
              ? `No calls between services · ${rangeLabel}`
              : `${edges.length} ${edges.length === 1 ? 'call path' : 'call paths'} between services · ${rangeLabel} · links open the callee's traces`}
          </caption>
          <thead className="border-y border-line bg-panel-raised">
            <tr>
              <th scope="col" className={`${HEAD} text-left`}>Caller → callee</th>
              <StatHeads />
            </tr>
          </thead>
          <tbody>
            {edges.map((e) => (
              <tr key={`${e.caller}\u0000${e.callee}`} className="border-b border-line last:border-b-0 hover:bg-panel-raised/60">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={serviceHref(e.callee)} className={`${LINK} inline-flex flex-wrap items-center gap-x-2`}
                    aria-label={`${e.caller} → ${e.callee}`}>
                    <ServiceName name={e.caller} />
                    <span aria-hidden="true" className="text-fg-muted">→</span>
                    <ServiceName name={e.callee} />
                  </Link>
                </th>
                <StatCells s={e} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="overflow-x-auto rounded-lg border border-line bg-panel">
        <table className="w-full border-collapse text-sm">
          <caption className="px-3 py-2 text-left text-sm text-fg-muted">
            {`${nodes.length} ${nodes.length === 1 ? 'service' : 'services'} · requests are SERVER, CONSUMER and root spans`}
          </caption>
          <thead className="border-y border-line bg-panel-raised">
            <tr>
              <th scope="col" className={`${HEAD} text-left`}>Service</th>
              <StatHeads />
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.service} className="border-b border-line last:border-b-0 hover:bg-panel-raised/60">
                <th scope="row" className="max-w-80 px-3 py-2 text-left font-medium">
                  <Link href={serviceHref(n.service)} className={LINK}><ServiceName name={n.service} /></Link>
                </th>
                <StatCells s={n} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
