/**
 * Grid layout: panels sit on a 12-column CSS grid at their gridPos (0-based columns and rows; one row
 * is GRID_ROW_PX tall). Pure math; components turn it into styles.
 */
export const GRID_COLUMNS = 12;
export const GRID_ROW_PX = 40;

export interface GridPos { x: number; y: number; w: number; h: number }

/** CSS grid placement (1-based lines), clamped so a panel never spills past column 12. */
export function gridPlacement(pos: GridPos): { gridColumn: string; gridRow: string } {
  const w = Math.min(GRID_COLUMNS, Math.max(1, pos.w));
  const x = Math.min(GRID_COLUMNS - w, Math.max(0, pos.x));
  return { gridColumn: `${x + 1} / span ${w}`, gridRow: `${Math.max(0, pos.y) + 1} / span ${Math.max(1, pos.h)}` };
}

/** Panels in reading order (top to bottom, then left to right): the DOM and tab order. */
export function readingOrder<T extends { gridPos: GridPos; id: number }>(panels: readonly T[]): T[] {
  return [...panels].sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x || a.id - b.id);
}

/** Where a new panel of width `w` goes: left-aligned on the first row below every existing panel. */
export function nextPanelPos(panels: readonly { gridPos: GridPos }[], w = 6, h = 7): GridPos {
  const bottom = panels.reduce((max, p) => Math.max(max, p.gridPos.y + p.gridPos.h), 0);
  return { x: 0, y: bottom, w: Math.min(GRID_COLUMNS, w), h };
}

/** One more than the largest panel id (ids must be unique within a dashboard). */
export function nextPanelId(panels: readonly { id: number }[]): number {
  return panels.reduce((max, p) => Math.max(max, p.id), 0) + 1;
}

/** Do two panels overlap? (Saved layouts may; the grid then stacks them, so the editor warns.) */
export function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
