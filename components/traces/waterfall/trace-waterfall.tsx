'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  buildTraceTree, collapseAll, criticalPath, expandAll, findSpans, nextMatchIndex, previousMatchIndex, revealSpan,
  selfTimeNs, toggleCollapsed, traceStats, traceWindow, visibleRows, type ViewWindow,
} from '@/lib/trace-model';
import { BUTTON } from '@/components/ui/form-styles';
import { SpanDetailPanel } from '../span-detail/span-detail-panel';
import { FindInTrace } from './find-in-trace';
import { TimeRuler } from './time-ruler';
import { TraceHeader } from './trace-header';
import { TraceMinimap } from './trace-minimap';
import type { TraceViewData } from './use-trace-data';
import { ROW_HEIGHT_PX, WaterfallRow } from './waterfall-row';

interface TraceWaterfallProps {
  trace: TraceViewData;
  arriving: boolean;
  selectedSpanId: string | null;
  onSelectSpan: (spanId: string | null) => void;
}

/** Performance mark set once the first rows are on screen (npm run bench:traces reads it). */
export const FIRST_ROWS_MARK = 'sightline:waterfall-first-rows';

/** The waterfall: header, minimap, ruler, virtualized span rows, and the selected span's details. */
export function TraceWaterfall({ trace, arriving, selectedSpanId, onSelectSpan }: TraceWaterfallProps) {
  const tree = useMemo(() => buildTraceTree(trace.spans), [trace.spans]);
  const stats = useMemo(() => traceStats(tree), [tree]);
  const critical = useMemo(() => criticalPath(tree), [tree]);
  const full = useMemo(() => traceWindow(tree), [tree]);
  const spanById = useMemo(() => new Map(trace.spans.map((s) => [s.spanId, s])), [trace.spans]);
  const allRows = useMemo(() => visibleRows(tree, expandAll()), [tree]);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => selectedSpanId ? revealSpan(tree, new Set(), selectedSpanId) : new Set());
  const [view, setView] = useState<ViewWindow | null>(null);
  const [showCritical, setShowCritical] = useState(false);
  const [findQuery, setFindQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(-1);

  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  // Find matches span name, service and span id (attributes are loaded per selected span only).
  const matches = useMemo(() => findSpans(tree, findQuery), [tree, findQuery]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT_PX, overscan: 20 });

  const scrollToSpan = (spanId: string) => {
    const next = revealSpan(tree, collapsed, spanId);
    if (next !== collapsed) setCollapsed(next);
    const index = visibleRows(tree, next).findIndex((r) => r.key === spanId);
    if (index >= 0) requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }));
  };

  // ?span= on arrival: reveal and scroll to it once.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedSpanId && scrolledTo.current !== selectedSpanId && spanById.has(selectedSpanId)) {
      scrolledTo.current = selectedSpanId;
      scrollToSpan(selectedSpanId);
    }
  });

  useEffect(() => {
    if (rows.length > 0 && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
  }, [rows.length]);

  const stepMatch = (direction: 1 | -1) => {
    if (matches.length === 0) return;
    const next = direction === 1 ? nextMatchIndex(matchIndex, matches.length) : previousMatchIndex(matchIndex, matches.length);
    setMatchIndex(next);
    scrollToSpan(matches[next]);
  };

  const selected = selectedSpanId ? spanById.get(selectedSpanId) : undefined;
  const selectedNode = selectedSpanId ? tree.byId.get(selectedSpanId) : undefined;
  const root = tree.roots.find((r) => r.kind === 'span');
  const title = root && root.kind === 'span' ? `${root.span.serviceName}: ${root.span.name}` : 'Trace without a root span';
  const effectiveView = view ?? full;

  return (
    <div className="flex flex-col gap-3">
      <TraceHeader traceId={trace.traceId} title={title} startMs={trace.startMs} endMs={trace.endMs} stats={stats}
        logCount={trace.traceLogCount + trace.spans.reduce((n, s) => n + s.logCount, 0)} />
      {arriving && (
        <p role="status" className="rounded-md border border-accent/40 bg-accent/10 px-3 py-2 text-sm text-fg">
          More spans may still be arriving: this view refreshes every few seconds.
        </p>
      )}
      {(tree.missingParentIds.length > 0 || tree.skewedCount > 0 || tree.duplicateCount > 0 || tree.cycleBrokenSpanIds.length > 0) && (
        <p className="rounded-md border border-yellow-400/40 bg-yellow-400/10 px-3 py-2 text-sm text-fg">
          {tree.missingParentIds.length > 0 && `${tree.missingParentIds.length} parent span(s) not received; their children are shown under placeholders. `}
          {tree.skewedCount > 0 && `${tree.skewedCount} span(s) start before or end after their parent (clock skew), drawn where their times say. `}
          {tree.duplicateCount > 0 && `${tree.duplicateCount} duplicate span id(s) ignored. `}
          {tree.cycleBrokenSpanIds.length > 0 && `${tree.cycleBrokenSpanIds.length} parent cycle(s) broken. `}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} onClick={() => setCollapsed(expandAll())}>Expand all</button>
        <button type="button" className={BUTTON} onClick={() => setCollapsed(collapseAll(tree))}>Collapse all</button>
        <button type="button" className={BUTTON} aria-pressed={showCritical} onClick={() => setShowCritical((v) => !v)}>
          {showCritical ? 'Hide critical path' : 'Highlight critical path'}
        </button>
        <div className="ml-auto">
          <FindInTrace query={findQuery} onQuery={(q) => { setFindQuery(q); setMatchIndex(-1); }} matchCount={matches.length}
            current={matchIndex} onNext={() => stepMatch(1)} onPrevious={() => stepMatch(-1)} />
        </div>
      </div>
      <TraceMinimap spans={allRows.flatMap((r) => (r.span ? [r.span] : []))} full={full} view={effectiveView} onViewChange={setView} />
      <div className="flex gap-3">
        <div className="min-w-0 flex-1 rounded-lg border border-line bg-panel">
          <TimeRuler view={effectiveView} />
          <div ref={scroller} className="h-[calc(100vh-22rem)] min-h-64 overflow-auto" tabIndex={-1}>
            <div role="list" aria-label={`Spans of trace ${trace.traceId}`} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                const id = row.span?.spanId ?? '';
                return (
                  <WaterfallRow key={row.key} row={row} view={effectiveView} selected={id === selectedSpanId}
                    matched={matchSet.has(id)} onCriticalPath={critical.spanIds.has(id)} showCriticalPath={showCritical}
                    logCount={spanById.get(id)?.logCount ?? 0}
                    style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT_PX, transform: `translateY(${item.start}px)` }}
                    onToggle={(key) => setCollapsed((c) => toggleCollapsed(c, key))}
                    onSelect={(spanId) => onSelectSpan(spanId === selectedSpanId ? null : spanId)} />
                );
              })}
            </div>
          </div>
        </div>
        {selected && selectedNode && (
          <div className="w-[28rem] shrink-0">
            <SpanDetailPanel trace={trace} span={selected} selfTimeNs={selfTimeNs(selectedNode)}
              onCriticalPath={critical.spanIds.has(selected.spanId)} onClose={() => onSelectSpan(null)} />
          </div>
        )}
      </div>
    </div>
  );
}
