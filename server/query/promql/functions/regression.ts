/**
 * Least-squares regression for deriv() and predict_linear(), as Prometheus's linearRegression:
 * x in seconds relative to `interceptTime` (which keeps the numbers small), Kahan sums, and a
 * constant series short-cut (slope 0, or NaN for a constant ±Inf).
 */
import { kahanInc } from './kahan';
import type { Window } from './window';

export function linearRegression(w: Window, interceptTime: number): { slope: number; intercept: number } {
  let n = 0;
  let sumX = 0, cX = 0, sumY = 0, cY = 0, sumXY = 0, cXY = 0, sumX2 = 0, cX2 = 0;
  const initY = w.vs[w.lo];
  let constY = true;
  for (let i = w.lo; i < w.hi; i++) {
    const y = w.vs[i];
    if (constY && i > w.lo && y !== initY) constY = false;
    n += 1;
    const x = (w.ts[i] - interceptTime) / 1e3;
    [sumX, cX] = kahanInc(x, sumX, cX);
    [sumY, cY] = kahanInc(y, sumY, cY);
    [sumXY, cXY] = kahanInc(x * y, sumXY, cXY);
    [sumX2, cX2] = kahanInc(x * x, sumX2, cX2);
  }
  if (constY) {
    if (initY === Infinity || initY === -Infinity) return { slope: NaN, intercept: NaN };
    return { slope: 0, intercept: initY };
  }
  sumX += cX;
  sumY += cY;
  sumXY += cXY;
  sumX2 += cX2;
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const slope = covXY / varX;
  const intercept = sumY / n - (slope * sumX) / n;
  return { slope, intercept };
}

export function deriv(w: Window): number | undefined {
  if (w.hi - w.lo < 2) return undefined;
  return linearRegression(w, w.ts[w.lo]).slope;
}

/** `evalTime` is the step's evaluation time (not the @ time): Prometheus predicts from there. */
export function predictLinear(w: Window, evalTime: number, durationSeconds: number): number | undefined {
  if (w.hi - w.lo < 2) return undefined;
  const { slope, intercept } = linearRegression(w, evalTime);
  return slope * durationSeconds + intercept;
}
