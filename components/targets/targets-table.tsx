import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import { formatCount } from '@/lib/format-number';
import { formatLocalDateTime, formatTimeAgo } from '@/lib/format-time';

export type TargetsListing = inferRouterOutputs<AppRouter>['targets']['list'];
export type TargetView = TargetsListing['activeTargets'][number];

const HEADER_CELL = 'whitespace-nowrap px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-fg-muted';
const CELL = 'px-4 py-2.5 align-top';

const HEALTH_STYLE: Record<TargetView['health'], { label: string; badge: string; dot: string }> = {
  up: { label: 'UP', badge: 'border-emerald-400/40 bg-emerald-400/10 text-emerald-200', dot: 'bg-emerald-300' },
  down: { label: 'DOWN', badge: 'border-danger/40 bg-danger-bg text-danger', dot: 'bg-danger' },
  unknown: { label: 'UNKNOWN', badge: 'border-line-strong bg-panel-raised text-fg-muted', dot: 'bg-fg-muted' },
};

/** Health as text first (screen readers, colour blindness), colour second. */
export function HealthBadge({ health }: { health: TargetView['health'] }) {
  const style = HEALTH_STYLE[health];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold ${style.badge}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}

function LabelChips({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul className="flex max-w-md flex-wrap gap-1" aria-label="Target labels">
      {entries.map(([name, value]) => (
        <li key={name} className="rounded border border-line bg-panel-raised px-1.5 py-0.5 font-mono text-xs text-fg">
          {name}=&quot;{value}&quot;
        </li>
      ))}
    </ul>
  );
}

/** "12 s ago", or "never" before the first scrape (Prometheus reports year 1 then). */
function LastScrape({ iso, nowMs }: { iso: string; nowMs: number }) {
  const epochMs = Date.parse(iso);
  if (!Number.isFinite(epochMs) || epochMs <= 0) return <span className="text-fg-muted">never</span>;
  return (
    <time dateTime={iso} title={formatLocalDateTime(epochMs)}>
      {formatTimeAgo(nowMs - epochMs)}
    </time>
  );
}

/** Seconds as Prometheus's UI shows scrape durations: ms below a second. */
export function formatScrapeDuration(seconds: number): string {
  if (seconds <= 0) return '—';
  if (seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`;
  return `${seconds.toFixed(3)} s`;
}

interface TargetsTableProps {
  pool: string;
  targets: readonly TargetView[];
  /** When the data was fetched (epoch ms); "last scrape" ages are measured from here. */
  nowMs: number;
}

/** One scrape pool (job): a table of its targets. */
export function TargetsTable({ pool, targets, nowMs }: TargetsTableProps) {
  const up = targets.filter((t) => t.health === 'up').length;
  const headingId = `pool-${pool.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <section aria-labelledby={headingId} className="overflow-x-auto rounded-lg border border-line bg-panel">
      <h2 id={headingId} className="flex flex-wrap items-baseline gap-2 px-4 py-2.5 text-sm">
        <span className="font-semibold text-fg">{pool}</span>
        <span className="text-fg-muted">({up}/{targets.length} up)</span>
      </h2>
      {targets.length === 0 ? (
        <p className="border-t border-line px-4 py-3 text-sm text-fg-muted">This job has no targets.</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead className="border-y border-line bg-panel-raised">
            <tr>
              <th scope="col" className={HEADER_CELL}>Endpoint</th>
              <th scope="col" className={HEADER_CELL}>State</th>
              <th scope="col" className={HEADER_CELL}>Labels</th>
              <th scope="col" className={HEADER_CELL}>Last scrape</th>
              <th scope="col" className={`${HEADER_CELL} text-right`}>Duration</th>
              <th scope="col" className={`${HEADER_CELL} text-right`}>Samples</th>
              <th scope="col" className={HEADER_CELL}>Error</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr key={`${t.scrapeUrl} ${JSON.stringify(t.labels)}`} className="border-b border-line last:border-b-0">
                <th scope="row" className={`${CELL} text-left font-mono text-xs font-normal`}>
                  <a href={t.scrapeUrl} target="_blank" rel="noreferrer" className="break-all text-fg hover:text-accent-strong hover:underline">
                    {t.scrapeUrl}
                  </a>
                  <div className="mt-0.5 text-fg-muted">every {t.scrapeInterval}, timeout {t.scrapeTimeout}</div>
                </th>
                <td className={CELL}><HealthBadge health={t.health} /></td>
                <td className={CELL}><LabelChips labels={t.labels} /></td>
                <td className={`${CELL} whitespace-nowrap text-fg-muted`}><LastScrape iso={t.lastScrape} nowMs={nowMs} /></td>
                <td className={`${CELL} whitespace-nowrap text-right font-mono tabular-nums`}>{formatScrapeDuration(t.lastScrapeDuration)}</td>
                <td className={`${CELL} whitespace-nowrap text-right font-mono tabular-nums`}>
                  {t.lastScrape.startsWith('0001-') ? '—' : formatCount(t.lastSamplesScraped)}
                </td>
                <td className={`${CELL} max-w-sm break-words`}>
                  {t.lastError ? <span className="text-danger">{t.lastError}</span> : <span className="text-fg-muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
