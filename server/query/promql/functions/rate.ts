/**
 * rate / increase / delta (extrapolatedRate) and irate / idelta (instantValue), ported from
 * Prometheus's functions.go for float samples.
 */
import type { Window } from './window';

/**
 * Per window: the difference between the last and first samples (plus counter-reset
 * corrections), extrapolated towards the range boundaries. Extrapolation reaches a boundary
 * only if a sample is within 1.1× the average sample interval of it, otherwise stops half an
 * interval out; for counters it never extrapolates below zero.
 *
 * `rangeStart`/`rangeEnd` are the window's (exclusive, inclusive) bounds in ms. `prometheus2`: clamp
 * at the zero point first and test the threshold after (Prometheus ≤ 2.x order), which extrapolates
 * further when a counter starts inside the window.
 */
export function extrapolatedRate(
  w: Window, rangeStart: number, rangeEnd: number, rangeMs: number, isCounter: boolean, isRate: boolean, prometheus2 = false,
): number | undefined {
  const n = w.hi - w.lo;
  if (n < 2) return undefined;
  const firstT = w.ts[w.lo];
  const lastT = w.ts[w.hi - 1];
  const firstV = w.vs[w.lo];
  let result = w.vs[w.hi - 1] - firstV;
  if (isCounter) {
    for (let i = w.lo + 1; i < w.hi; i++) {
      if (w.vs[i] < w.vs[i - 1]) result += w.vs[i - 1];
    }
  }
  let durationToStart = (firstT - rangeStart) / 1000;
  let durationToEnd = (rangeEnd - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageDurationBetweenSamples = sampledInterval / (n - 1);
  const extrapolationThreshold = averageDurationBetweenSamples * 1.1;
  // Counters cannot go negative: stop the extrapolation where the counter would reach zero.
  const durationToZero = isCounter && result > 0 && firstV >= 0 ? sampledInterval * (firstV / result) : Infinity;
  if (prometheus2 && durationToZero < durationToStart) durationToStart = durationToZero;
  if (durationToStart >= extrapolationThreshold) durationToStart = averageDurationBetweenSamples / 2;
  if (!prometheus2 && durationToZero < durationToStart) durationToStart = durationToZero;
  if (durationToEnd >= extrapolationThreshold) durationToEnd = averageDurationBetweenSamples / 2;
  let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= rangeMs / 1000;
  return result * factor;
}

/** irate (isRate) / idelta: from the last two samples only. */
export function instantValue(w: Window, isRate: boolean): number | undefined {
  if (w.hi - w.lo < 2) return undefined;
  const t0 = w.ts[w.hi - 2];
  const t1 = w.ts[w.hi - 1];
  const v0 = w.vs[w.hi - 2];
  const v1 = w.vs[w.hi - 1];
  const sampledInterval = t1 - t0;
  if (sampledInterval === 0) return undefined;
  // On a counter reset irate uses the last value alone, as if the counter restarted from zero.
  let result = !isRate || !(v1 < v0) ? v1 - v0 : v1;
  if (isRate) result /= sampledInterval / 1000;
  return result;
}
