/**
 * The samples of one series inside one range-selector window: indexes [lo, hi) of parallel
 * timestamp/value arrays. Range functions read windows in place so evaluating a range query
 * allocates nothing per step.
 */
export interface Window {
  ts: ArrayLike<number>;
  vs: ArrayLike<number>;
  lo: number;
  hi: number;
}

export const windowLength = (w: Window) => w.hi - w.lo;
