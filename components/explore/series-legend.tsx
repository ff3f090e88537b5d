'use client';

import type { ChartSeries } from '@/lib/explore/series';

interface SeriesLegendProps {
  series: readonly ChartSeries[];
  hidden: ReadonlySet<string>;
  /** `toggle`: Ctrl/Cmd-click (show or hide just this one) instead of isolating. */
  onSelect: (id: string, toggle: boolean) => void;
  onShowAll: () => void;
}

/** One toggle button per series (pressed = shown). Click isolates a series, Ctrl/Cmd+click toggles it. */
export function SeriesLegend({ series, hidden, onSelect, onShowAll }: SeriesLegendProps) {
  if (series.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-line bg-panel p-2">
      <div className="flex items-center gap-2 px-1 text-xs text-fg-muted">
        <span>Series ({series.length}) · click to show only one, Ctrl+click to toggle</span>
        {hidden.size > 0 && (
          <button type="button" onClick={onShowAll} className="ml-auto rounded px-2 py-0.5 text-accent hover:bg-panel-raised hover:text-accent-strong">
            Show all series
          </button>
        )}
      </div>
      <ul aria-label="Series" className="flex max-h-40 flex-col gap-0.5 overflow-y-auto">
        {series.map((s) => {
          const shown = !hidden.has(s.id);
          return (
            <li key={s.id}>
              <button type="button" aria-pressed={shown} title={s.name}
                onClick={(e) => onSelect(s.id, e.ctrlKey || e.metaKey)}
                className={`flex w-full items-center gap-2 rounded px-1 py-0.5 text-left font-mono text-xs hover:bg-panel-raised ${shown ? 'text-fg' : 'text-fg-muted line-through'}`}>
                <span aria-hidden="true" className="h-0.5 w-4 shrink-0 rounded" style={{ backgroundColor: shown ? s.color : 'var(--color-line-strong)' }} />
                <span className="truncate">{s.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
