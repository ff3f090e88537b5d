/** Axis ticks for the visible window at "nice" steps of 1, 2 or 5 × 10^n ns. */
import { formatDurationNs } from './format-duration';
import { windowWidthNs } from './view-window';
import type { ViewWindow } from './types';

export interface TimeTick {
  /** ns from the trace start; a whole multiple of the step. */
  ns: number;
  /** Percent of the window width, 0..100. */
  pct: number;
  /** formatDurationNs(ns) at the step's resolution, so neighbouring labels differ. */
  label: string;
}

/** The smallest 1/2/5 × 10^n ns step (n >= 0, so at least 1 ns) that is >= rawStepNs. */
export function niceStepNs(rawStepNs: number): number {
  if (!(rawStepNs > 1)) return 1;
  let power = 1;
  while (power * 10 <= rawStepNs) power *= 10;
  for (const multiple of [1, 2, 5, 10]) {
    if (multiple * power >= rawStepNs) return multiple * power;
  }
  return 10 * power;
}

/**
 * Ticks at every multiple of niceStepNs(width / count) inside the closed window: about `count` ticks
 * (at most count + 1), fewer when the window is narrower than `count` ns.
 */
export function timeTicks(view: ViewWindow, count: number): TimeTick[] {
  const width = windowWidthNs(view);
  const stepNs = niceStepNs(width / Math.max(1, Math.floor(count)));
  const ticks: TimeTick[] = [];
  const first = Math.ceil(view.startNs / stepNs);
  for (let index = first; index * stepNs <= view.endNs; index++) {
    const ns = index * stepNs;
    ticks.push({ ns, pct: ((ns - view.startNs) / width) * 100, label: formatDurationNs(ns, { resolutionNs: stepNs }) });
  }
  return ticks;
}
