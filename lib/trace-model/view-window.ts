/** The visible time window and the minimap selection that zooms it. Percentages are 0..100. */
import type { TraceTree, ViewWindow } from './types';

/** The whole trace: earliest start to latest end over all kept spans, ns ({0, 0} when empty). */
export function traceWindow(tree: TraceTree): ViewWindow {
  let startNs = Number.POSITIVE_INFINITY;
  let endNs = Number.NEGATIVE_INFINITY;
  for (const node of tree.byId.values()) {
    if (node.startNs < startNs) startNs = node.startNs;
    if (node.endNs > endNs) endNs = node.endNs;
  }
  return tree.byId.size === 0 ? { startNs: 0, endNs: 0 } : { startNs, endNs };
}

/** Width of a window in ns, at least 1 so that a zero-length trace still maps to a usable scale. */
export function windowWidthNs(window: ViewWindow): number {
  return window.endNs > window.startNs ? window.endNs - window.startNs : 1;
}

function clampPct(pct: number): number {
  return Number.isFinite(pct) ? Math.min(100, Math.max(0, pct)) : 0;
}

/**
 * The window for a minimap selection given as two percentages of `full` (either order; clamped to
 * 0..100). Ends are rounded to whole ns; the result is at least minWidthNs wide (default 1 ns, grown
 * around the selection's middle), never wider than `full` nor outside it.
 */
export function windowFromSelection(full: ViewWindow, fromPct: number, toPct: number, minWidthNs = 1): ViewWindow {
  const fullWidth = windowWidthNs(full);
  const low = Math.min(clampPct(fromPct), clampPct(toPct));
  const high = Math.max(clampPct(fromPct), clampPct(toPct));
  let startNs = Math.round(full.startNs + (low / 100) * fullWidth);
  let endNs = Math.round(full.startNs + (high / 100) * fullWidth);
  const wanted = Math.min(Math.max(minWidthNs, 1), fullWidth);
  if (endNs - startNs < wanted) {
    const middle = (startNs + endNs) / 2;
    startNs = Math.round(middle - wanted / 2);
    startNs = Math.min(Math.max(startNs, full.startNs), full.startNs + fullWidth - wanted);
    endNs = startNs + wanted;
  }
  return { startNs, endNs };
}

/** Where `view` sits inside `full`, as percentages: the minimap's selection overlay. */
export function selectionFromWindow(full: ViewWindow, view: ViewWindow): { fromPct: number; toPct: number } {
  const fullWidth = windowWidthNs(full);
  return {
    fromPct: clampPct(((view.startNs - full.startNs) / fullWidth) * 100),
    toPct: clampPct(((view.endNs - full.startNs) / fullWidth) * 100),
  };
}
