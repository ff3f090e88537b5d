'use client';

import Link from 'next/link';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { ServiceName } from '@/components/services/service-name';
import { formatLocalDateTimeMs, formatUnixNanoIso } from '@/lib/format-time';
import { LogBody, type Highlight } from './log-body';
import { LogRowDetails } from './log-row-details';
import { SeverityBadge } from './severity-badge';
import type { LogRecord } from './types';

interface LogTableProps {
  records: readonly LogRecord[];
  caption: string;
  highlight: Highlight;
  traceHref: (traceId: string, spanId: string | null) => string;
  onFilter: (key: string, value: string, exclude: boolean) => void;
  /** Infinite scroll: called when the last rows come into view and more exist. */
  onEndReached?: () => void;
  hasMore?: boolean;
  loadingMore?: boolean;
}

/** Estimated row height, px (rows are measured once rendered: bodies and details vary). */
const ROW_ESTIMATE_PX = 36;
/** Load the next page when this many rows from the end are rendered. */
const PREFETCH_ROWS = 20;
const HEAD = 'px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-fg-muted';

/**
 * Log records newest first, virtualized (@tanstack/react-virtual): only the rows in view are in the
 * DOM, between two spacer rows that keep the scroll height. A real <table>, so rows keep their roles.
 */
export function LogTable({ records, caption, highlight, traceHref, onFilter, onEndReached, hasMore = false, loadingMore = false }: LogTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const virtualizer = useVirtualizer({
    count: records.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE_PX, overscan: 12,
    getItemKey: (i) => records[i].id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && onEndReached && lastIndex >= records.length - PREFETCH_ROWS) onEndReached();
  }, [lastIndex, records.length, hasMore, loadingMore, onEndReached]);

  const toggle = (id: number) => setExpanded((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className="max-h-[70vh] min-h-48 overflow-auto rounded-lg border border-line bg-panel">
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-sm text-fg-muted">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-panel-raised">
          <tr>
            <th scope="col" className={`${HEAD} w-56`}>Time</th>
            <th scope="col" className={`${HEAD} w-20`}>Severity</th>
            <th scope="col" className={`${HEAD} w-32`}>Service</th>
            <th scope="col" className={HEAD}>Message</th>
            <th scope="col" className={`${HEAD} w-28`}>Trace</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((item) => {
            const r = records[item.index];
            const open = expanded.has(r.id);
            const time = formatLocalDateTimeMs(r.timestampUnixNano);
            return (
              <tr key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="border-t border-line align-top hover:bg-panel-raised/40">
                <td className="whitespace-nowrap px-2 py-1">
                  <button type="button" aria-expanded={open} onClick={() => toggle(r.id)}
                    aria-label={`${open ? 'Hide' : 'Show'} details of the ${r.serviceName} record at ${time}`}
                    className="flex items-center gap-1 font-mono text-xs text-fg-muted hover:text-fg">
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                    <time dateTime={formatUnixNanoIso(r.timestampUnixNano)}>{time}</time>
                  </button>
                </td>
                <td className="px-2 py-1"><SeverityBadge severityNumber={r.severityNumber} severityText={r.severityText} /></td>
                <td className="truncate px-2 py-1"><ServiceName name={r.serviceName} /></td>
                <td className="min-w-0 px-2 py-1">
                  <LogBody body={r.body} highlight={highlight} expanded={open} />
                  {open && <LogRowDetails record={r} traceHref={traceHref} onFilter={onFilter} />}
                </td>
                <td className="whitespace-nowrap px-2 py-1 font-mono text-xs">
                  {r.traceId ? (
                    <Link href={traceHref(r.traceId, r.spanId)} className="text-accent hover:underline"
                      aria-label={`Open trace ${r.traceId}${r.spanId ? ` at span ${r.spanId}` : ''}`}>{r.traceId.slice(0, 8)}…</Link>
                  ) : <span className="text-fg-muted">—</span>}
                </td>
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
      {(loadingMore || hasMore) && <p role="status" className="px-3 py-2 text-xs text-fg-muted">{loadingMore ? 'Loading older records…' : 'Scroll for older records'}</p>}
    </div>
  );
}
