/** Where a span's bar and its event markers sit inside the visible window, in percent (0..100). */
import { windowWidthNs } from './view-window';
import type { TraceSpanInput, ViewWindow } from './types';

export interface BarGeometry {
  /** Left edge of the drawn bar, percent of the window width, 0..100. */
  leftPct: number;
  /** Drawn width, percent, 0..100 - leftPct; at least minWidthPct when visible. */
  widthPct: number;
  /** The span starts before the window (its left edge is cut off). */
  clippedLeft: boolean;
  /** The span ends after the window. */
  clippedRight: boolean;
  /**
   * The span overlaps the window for a positive length, or it is zero-length and inside the closed
   * window. When false the bar is not drawn (widthPct 0, leftPct 0 or 100 on its side).
   */
  visible: boolean;
}

/**
 * Bar geometry for `span` in `view`. `minWidthPct` (default 0) is the least width of a visible bar, so a
 * zero-length or very short span stays visible; such a bar is shifted left rather than overflow 100%.
 */
export function barGeometry(
  span: Pick<TraceSpanInput, 'startNs' | 'durationNs'>,
  view: ViewWindow,
  minWidthPct = 0,
): BarGeometry {
  const width = windowWidthNs(view);
  const startNs = span.startNs;
  const endNs = startNs + Math.max(0, span.durationNs);
  const clippedLeft = startNs < view.startNs;
  const clippedRight = endNs > view.endNs;
  const visible =
    endNs > startNs ? endNs > view.startNs && startNs < view.endNs : startNs >= view.startNs && startNs <= view.endNs;
  if (!visible) return { leftPct: clippedRight ? 100 : 0, widthPct: 0, clippedLeft, clippedRight, visible };
  const from = Math.max(startNs, view.startNs);
  const to = Math.min(endNs, view.endNs);
  let leftPct = Math.min(100, ((from - view.startNs) / width) * 100);
  let widthPct = Math.min(100 - leftPct, ((to - from) / width) * 100);
  if (widthPct < minWidthPct) {
    widthPct = Math.min(minWidthPct, 100);
    leftPct = Math.min(leftPct, 100 - widthPct);
  }
  return { leftPct, widthPct, clippedLeft, clippedRight, visible };
}

export interface EventMarker {
  /** Index into span.events. */
  index: number;
  name: string;
  /** ns from the span start, as given. */
  offsetNs: number;
  /** ns from the trace start. */
  atNs: number;
  /** Percent of the window width, 0..100. */
  pct: number;
}

/** Markers for the span's events that fall inside the closed window, in the events' order. */
export function eventMarkers(
  span: Pick<TraceSpanInput, 'startNs' | 'events'>,
  view: ViewWindow,
): EventMarker[] {
  const width = windowWidthNs(view);
  const markers: EventMarker[] = [];
  span.events.forEach((event, index) => {
    const atNs = span.startNs + event.offsetNs;
    if (atNs < view.startNs || atNs > view.endNs) return;
    markers.push({ index, name: event.name, offsetNs: event.offsetNs, atNs, pct: ((atNs - view.startNs) / width) * 100 });
  });
  return markers;
}
