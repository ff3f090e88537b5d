'use client';

import { GRID_COLUMNS, GRID_ROW_PX, gridPlacement, readingOrder } from '@/lib/dashboards/layout';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { PanelView } from './panel-view';

interface DashboardGridProps {
  panels: readonly DashboardPanel[];
  editing: boolean;
  onEdit: (id: number) => void;
  onRemove: (id: number) => void;
}

/**
 * Panels on a 12-column CSS grid at their gridPos (rows GRID_ROW_PX tall), in reading order in the DOM.
 * Below the md breakpoint every panel takes the full width, one after another.
 */
export function DashboardGrid({ panels, editing, onEdit, onRemove }: DashboardGridProps) {
  if (panels.length === 0) {
    return <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted">This dashboard has no panels yet{editing ? ': add one.' : '. Edit it to add one.'}</p>;
  }
  return (
    <div className="flex flex-col gap-3 md:grid md:gap-3"
      style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`, gridAutoRows: `${GRID_ROW_PX}px` }}>
      {readingOrder(panels).map((p) => {
        const place = gridPlacement(p.gridPos);
        return (
          <div key={p.id} className="min-h-0 md:[grid-column:var(--col)] md:[grid-row:var(--row)]"
            style={{ ['--col' as string]: place.gridColumn, ['--row' as string]: place.gridRow, minHeight: p.gridPos.h * GRID_ROW_PX }}>
            <PanelView panel={p} editing={editing} onEdit={() => onEdit(p.id)} onRemove={() => onRemove(p.id)} />
          </div>
        );
      })}
    </div>
  );
}
