import type { CSSProperties } from 'react';
import { serviceColor } from '@/lib/service-color';
import { barGeometry, eventMarkers, formatDurationNs, type VisibleRow, type ViewWindow } from '@/lib/trace-model';

export const ROW_HEIGHT_PX = 28;
const INDENT_PX = 14;
/** Least bar width so zero-length spans stay visible, percent of the window. */
const MIN_BAR_PCT = 0.3;

interface WaterfallRowProps {
  row: VisibleRow;
  view: ViewWindow;
  selected: boolean;
  matched: boolean;
  onCriticalPath: boolean;
  showCriticalPath: boolean;
  logCount: number;
  style: CSSProperties;
  onToggle: (key: string) => void;
  onSelect: (spanId: string) => void;
}

/** One waterfall row: tree column (toggle + span button) and the bar on the time ruler. */
export function WaterfallRow({ row, view, selected, matched, onCriticalPath, showCriticalPath, logCount, style, onToggle, onSelect }: WaterfallRowProps) {
  const span = row.span;
  const indentGuides = Array.from({ length: row.depth }, (_, i) => (
    <span key={i} aria-hidden="true" className="absolute inset-y-0 border-l border-line" style={{ left: 10 + i * INDENT_PX }} />
  ));
  const toggle = row.hasChildren ? (
    <button type="button" aria-expanded={!row.isCollapsed}
      aria-label={`${row.isCollapsed ? 'Expand' : 'Collapse'} ${span ? span.name : 'missing parent'} (${row.childCount} children)`}
      onClick={() => onToggle(row.key)}
      className="size-5 shrink-0 rounded text-xs text-fg-muted hover:bg-panel-raised hover:text-fg">
      {row.isCollapsed ? '▸' : '▾'}
    </button>
  ) : <span aria-hidden="true" className="size-5 shrink-0" />;

  if (!span) {
    const missingId = row.node.kind === 'missing-parent' ? row.node.missingSpanId : '';
    return (
      <div role="listitem" style={style} className="flex items-center border-b border-line/50 text-sm">
        <div className="relative flex h-full w-2/5 min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: 4 + row.depth * INDENT_PX }}>
          {indentGuides}{toggle}
          <span className="truncate italic text-fg-muted" title="Spans below reference a parent that was not received">
            Missing parent span {missingId}
          </span>
        </div>
        <div className="h-full w-3/5 border-l border-line bg-[repeating-linear-gradient(45deg,transparent,transparent_6px,var(--color-line)_6px,var(--color-line)_7px)] opacity-40" />
      </div>
    );
  }

  const isError = span.statusCode === 2;
  const geometry = barGeometry(span, view, MIN_BAR_PCT);
  const color = serviceColor(span.serviceName);
  const labelInside = geometry.leftPct + geometry.widthPct > 85 && geometry.widthPct > 12;
  const label = `${span.serviceName} ${span.name}, ${formatDurationNs(span.durationNs)}${isError ? ', error' : ''}${row.skewed ? ', clock skew' : ''}`;
  return (
    <div role="listitem" style={style} data-span-id={span.spanId}
      className={`flex items-center border-b border-line/50 text-sm ${selected ? 'bg-accent/15' : matched ? 'bg-yellow-400/10' : isError ? 'bg-danger-bg/50' : ''}`}>
      <div className="relative flex h-full w-2/5 min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: 4 + row.depth * INDENT_PX }}>
        {indentGuides}{toggle}
        <span aria-hidden="true" className="h-4 w-1 shrink-0 rounded-sm" style={{ backgroundColor: color }} />
        <button type="button" aria-label={label} aria-pressed={selected} onClick={() => onSelect(span.spanId)}
          className="flex min-w-0 flex-1 items-center gap-1.5 rounded px-1 text-left hover:bg-panel-raised">
          {isError && <span aria-hidden="true" className="font-bold text-danger">⚠</span>}
          <span className="shrink-0 text-fg-muted">{span.serviceName}</span>
          <span className={`truncate ${isError ? 'text-danger' : 'text-fg'} ${matched ? 'underline decoration-yellow-400' : ''}`}>{span.name}</span>
          {row.skewed && <span className="shrink-0 rounded bg-yellow-400/20 px-1 text-[10px] text-yellow-200" title="Starts before or ends after its parent (clock skew)">skew</span>}
          {logCount > 0 && <span className="shrink-0 rounded bg-panel-raised px-1 text-[10px] text-fg-muted" title={`${logCount} log records`}>{logCount} {logCount === 1 ? 'log' : 'logs'}</span>}
        </button>
      </div>
      <div className="relative h-full w-3/5 overflow-hidden border-l border-line" aria-hidden="true">
        {geometry.visible && (
          <div className={`absolute top-1.5 h-4 rounded-sm ${showCriticalPath && !onCriticalPath ? 'opacity-35' : ''} ${isError ? 'ring-2 ring-danger' : ''}`}
            style={{ left: `${geometry.leftPct}%`, width: `${geometry.widthPct}%`, backgroundColor: color }}>
            {eventMarkers(span, view).map((m) => (
              <span key={m.index} title={`${m.name} at +${formatDurationNs(m.offsetNs)}`}
                className="absolute top-0 h-4 w-0.5 bg-fg" style={{ left: `${((m.pct - geometry.leftPct) / Math.max(geometry.widthPct, 0.0001)) * 100}%` }} />
            ))}
          </div>
        )}
        {showCriticalPath && onCriticalPath && geometry.visible && (
          <div className="absolute bottom-0.5 h-0.5 bg-yellow-300" style={{ left: `${geometry.leftPct}%`, width: `${geometry.widthPct}%` }} />
        )}
        {/* The duration sits right of the bar; near the right edge, inside a wide bar's end or left of a narrow one. */}
        <span className={`absolute top-1.5 whitespace-nowrap px-1 text-[11px] leading-4 ${labelInside ? 'font-semibold text-canvas' : 'text-fg-muted'}`}
          style={labelInside ? { right: `${100 - geometry.leftPct - geometry.widthPct}%` }
            : geometry.leftPct + geometry.widthPct > 85 ? { right: `${100 - geometry.leftPct}%` } : { left: `${geometry.leftPct + geometry.widthPct}%` }}>
          {formatDurationNs(span.durationNs)}
        </span>
      </div>
    </div>
  );
}
