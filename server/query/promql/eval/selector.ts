/**
 * Selector evaluation over all steps with moving pointers over the sorted raw samples, so a
 * series costs O(samples + steps) no matter how many steps there are.
 */
import type { MatrixSelector, VectorSelector } from '../ast';
import type { Window } from '../functions/window';
import { resolveAt } from './fetch';
import { stepCount, type EvalContext, type Matrix, type Series } from './context';

/**
 * Instant vector selector: at each step t the last sample in (t - lookback, t] ([…] with
 * closed windows) (t shifted by
 * offset, or fixed by @), unless a staleness marker at or after that sample and ≤ t hides it.
 * The point is stamped with the step time. With `originalTime` the value is the sample's own
 * timestamp instead (what timestamp() reports).
 */
export function evalVectorSelector(ctx: EvalContext, vs: VectorSelector, originalTime = false): Matrix {
  const raw = ctx.data.get(vs) ?? [];
  const at = resolveAt(vs.at, ctx.queryStart, ctx.queryEnd);
  const n = stepCount(ctx);
  const out: Matrix = [];
  for (const s of raw) {
    ctx.limits.tick();
    // Preallocated to the step count and trimmed: growing by push would churn the GC at scale.
    const ts = new Array<number>(n);
    const vals = new Array<number>(n);
    let len = 0;
    let i = 0;
    let j = 0;
    for (let k = 0; k < n; k++) {
      const t = ctx.start + k * ctx.interval;
      const ref = (at ?? t) - vs.offsetMs;
      while (i < s.ts.length && s.ts[i] <= ref) i++;
      if (i === 0) continue;
      const sampleT = s.ts[i - 1];
      if (sampleT < ref - ctx.lookback || (sampleT === ref - ctx.lookback && !ctx.prometheus2)) continue;
      while (j < s.stale.length && s.stale[j] <= ref) j++;
      if (j > 0 && s.stale[j - 1] >= sampleT) continue;
      ts[len] = t;
      vals[len++] = originalTime ? sampleT : s.vs[i - 1];
    }
    ts.length = len;
    vals.length = len;
    if (len > 0) {
      ctx.limits.acquire(ts.length);
      out.push({ labels: s.labels, ts, vs: vals });
    }
  }
  return out;
}

export interface WindowStep {
  /** Step index and evaluation time. */
  k: number;
  t: number;
  /** The window covers (rangeStart, rangeEnd]. */
  rangeStart: number;
  rangeEnd: number;
}

/**
 * Calls `fn` for every step whose range window (ref - range, ref] holds at least one sample,
 * ref being the step time shifted by offset or fixed by @. The window object is reused.
 */
export function forEachWindow(
  ctx: EvalContext, s: { ts: number[]; vs: number[] }, rangeMs: number, offsetMs: number, at: number | null,
  fn: (w: Window, step: WindowStep) => void,
): void {
  const n = stepCount(ctx);
  const w: Window = { ts: s.ts, vs: s.vs, lo: 0, hi: 0 };
  const step: WindowStep = { k: 0, t: 0, rangeStart: 0, rangeEnd: 0 };
  let held = 0;
  for (let k = 0; k < n; k++) {
    const t = ctx.start + k * ctx.interval;
    const ref = (at ?? t) - offsetMs;
    const mint = ref - rangeMs;
    while (w.hi < s.ts.length && s.ts[w.hi] <= ref) w.hi++;
    while (w.lo < w.hi && (s.ts[w.lo] < mint || (s.ts[w.lo] === mint && !ctx.prometheus2))) w.lo++;
    // Samples held for the current window count against the query's sample limit.
    ctx.limits.acquire(w.hi - w.lo - held);
    held = w.hi - w.lo;
    if (held === 0) continue;
    step.k = k;
    step.t = t;
    step.rangeStart = mint;
    step.rangeEnd = ref;
    fn(w, step);
  }
  ctx.limits.acquire(-held);
}

/** A bare range selector (instant queries only): the raw points of the window, own timestamps. */
export function evalMatrixSelector(ctx: EvalContext, ms: MatrixSelector): Matrix {
  const raw = ctx.data.get(ms.vectorSelector) ?? [];
  const at = resolveAt(ms.vectorSelector.at, ctx.queryStart, ctx.queryEnd);
  const ref = (at ?? ctx.start) - ms.vectorSelector.offsetMs;
  const out: Series[] = [];
  for (const s of raw) {
    const ts: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < s.ts.length; i++) {
      const afterStart = ctx.prometheus2 ? s.ts[i] >= ref - ms.rangeMs : s.ts[i] > ref - ms.rangeMs;
      if (afterStart && s.ts[i] <= ref) {
        ts.push(s.ts[i]);
        vals.push(s.vs[i]);
      }
    }
    if (ts.length) {
      ctx.limits.acquire(ts.length);
      out.push({ labels: s.labels, ts, vs: vals });
    }
  }
  return out;
}
