/**
 * The *_over_time family (functions.go): pure reductions of one window. Each returns undefined
 * when Prometheus would emit no sample (empty window).
 */
import { kahanInc } from './kahan';
import { quantile } from './quantile';
import type { Window } from './window';

export function sumOverTime(w: Window): number {
  let sum = 0;
  let c = 0;
  for (let i = w.lo; i < w.hi; i++) [sum, c] = kahanInc(w.vs[i], sum, c);
  return Number.isFinite(sum) || Number.isNaN(sum) ? sum + c : sum;
}

/**
 * Direct mean with Kahan summation while the running sum stays finite, switching to an
 * incremental mean once it would overflow (Prometheus issue 16714 explains why).
 */
export function avgOverTime(w: Window): number {
  let sum = w.vs[w.lo];
  let count = 1;
  let mean = 0;
  let c = 0;
  let incremental = false;
  for (let i = w.lo + 1; i < w.hi; i++) {
    const f = w.vs[i];
    count = i - w.lo + 1;
    if (!incremental) {
      const [newSum, newC] = kahanInc(f, sum, c);
      if (!(newSum === Infinity || newSum === -Infinity)) {
        sum = newSum;
        c = newC;
        continue;
      }
      incremental = true;
      mean = sum / (count - 1);
      c /= count - 1;
    }
    const q = (count - 1) / count;
    [mean, c] = kahanInc(f / count, q * mean, q * c);
  }
  if (incremental) return mean + c;
  return sum / count + c / count;
}

export const countOverTime = (w: Window): number => w.hi - w.lo;

export const lastOverTime = (w: Window): number => w.vs[w.hi - 1];

export const presentOverTime = (): number => 1;

/** max/min_over_time: a NaN is replaced by any later value, so NaN wins only if all are NaN. */
export function maxOverTime(w: Window): number {
  let m = w.vs[w.lo];
  for (let i = w.lo; i < w.hi; i++) if (w.vs[i] > m || Number.isNaN(m)) m = w.vs[i];
  return m;
}

export function minOverTime(w: Window): number {
  let m = w.vs[w.lo];
  for (let i = w.lo; i < w.hi; i++) if (w.vs[i] < m || Number.isNaN(m)) m = w.vs[i];
  return m;
}

export function quantileOverTime(q: number, w: Window): number {
  const values: number[] = [];
  for (let i = w.lo; i < w.hi; i++) values.push(w.vs[i]);
  return quantile(q, values);
}

/** Welford's variance with Kahan-compensated mean and M2, as varianceOverTime. */
export function stdvarOverTime(w: Window): number {
  let count = 0;
  let mean = 0;
  let cMean = 0;
  let aux = 0;
  let cAux = 0;
  for (let i = w.lo; i < w.hi; i++) {
    const f = w.vs[i];
    count++;
    const delta = f - (mean + cMean);
    [mean, cMean] = kahanInc(delta / count, mean, cMean);
    [aux, cAux] = kahanInc(delta * (f - (mean + cMean)), aux, cAux);
  }
  return (aux + cAux) / count;
}

export const stddevOverTime = (w: Window): number => Math.sqrt(stdvarOverTime(w));

/** changes(): value changes between consecutive samples; NaN→NaN is not a change. */
export function changes(w: Window): number {
  let n = 0;
  for (let i = w.lo + 1; i < w.hi; i++) {
    const prev = w.vs[i - 1];
    const cur = w.vs[i];
    if (cur !== prev && !(Number.isNaN(cur) && Number.isNaN(prev))) n++;
  }
  return n;
}

/** resets(): decreases between consecutive samples. */
export function resets(w: Window): number {
  let n = 0;
  for (let i = w.lo + 1; i < w.hi; i++) if (w.vs[i] < w.vs[i - 1]) n++;
  return n;
}
