/**
 * Functions over range vectors (rate, *_over_time, …): for each series, for each step, the
 * window of samples in (ref - range, ref] goes to a pure function from ../functions. The
 * argument is a range selector (raw samples) or a subquery (its evaluated points).
 */
import { unwrapParens, type Expr, type FunctionCall, type MatrixSelector, type SubqueryExpr } from '../ast';
import { dropMetricName } from '../labels';
import type { Labels } from '../types';
import { extrapolatedRate, instantValue } from '../functions/rate';
import * as ot from '../functions/over-time';
import { deriv, predictLinear } from '../functions/regression';
import type { Window } from '../functions/window';
import { createLabelsForAbsent } from './absent';
import { resolveAt } from './fetch';
import { forEachWindow, type WindowStep } from './selector';
import { evalSubquery } from './subquery';
import { scalarAt, stepCount, type EvalContext, type Matrix, type Series } from './context';
import { assertUniqueLabelsets } from './merge';

interface WindowEnv extends WindowStep {
  rangeMs: number;
  /** Prometheus 2.x extrapolation order (see extrapolatedRate). */
  prometheus2: boolean;
  /** The call's scalar arguments at this step, in argument order (the range argument omitted). */
  scalars: number[];
}

type RangeFn = (w: Window, env: WindowEnv) => number | undefined;

const RANGE_FUNCTIONS: Readonly<Record<string, RangeFn>> = {
  rate: (w, e) => extrapolatedRate(w, e.rangeStart, e.rangeEnd, e.rangeMs, true, true, e.prometheus2),
  increase: (w, e) => extrapolatedRate(w, e.rangeStart, e.rangeEnd, e.rangeMs, true, false, e.prometheus2),
  delta: (w, e) => extrapolatedRate(w, e.rangeStart, e.rangeEnd, e.rangeMs, false, false, e.prometheus2),
  irate: (w) => instantValue(w, true),
  idelta: (w) => instantValue(w, false),
  deriv: (w) => deriv(w),
  predict_linear: (w, e) => predictLinear(w, e.t, e.scalars[0]),
  changes: ot.changes,
  resets: ot.resets,
  avg_over_time: ot.avgOverTime,
  sum_over_time: ot.sumOverTime,
  count_over_time: ot.countOverTime,
  min_over_time: ot.minOverTime,
  max_over_time: ot.maxOverTime,
  last_over_time: ot.lastOverTime,
  present_over_time: ot.presentOverTime,
  absent_over_time: ot.presentOverTime,
  stddev_over_time: ot.stddevOverTime,
  stdvar_over_time: ot.stdvarOverTime,
  quantile_over_time: (w, e) => ot.quantileOverTime(e.scalars[0], w),
};

export const isRangeFunction = (name: string): boolean => name in RANGE_FUNCTIONS;

export function evalRangeFunction(ctx: EvalContext, call: FunctionCall, evalMatrix: (e: Expr, ctx: EvalContext) => Matrix): Matrix {
  const argIndex = call.args.findIndex((a) => {
    const u = unwrapParens(a);
    return u.type === 'MatrixSelector' || u.type === 'SubqueryExpr';
  });
  const arg = unwrapParens(call.args[argIndex]) as MatrixSelector | SubqueryExpr;
  const scalarArgs = call.args.filter((_, i) => i !== argIndex).map((a) => evalMatrix(a, ctx));

  let sources: { labels: Labels; ts: number[]; vs: number[] }[];
  let rangeMs: number;
  let offsetMs: number;
  let at: number | null;
  if (arg.type === 'MatrixSelector') {
    sources = ctx.data.get(arg.vectorSelector) ?? [];
    rangeMs = arg.rangeMs;
    offsetMs = arg.vectorSelector.offsetMs;
    at = resolveAt(arg.vectorSelector.at, ctx.queryStart, ctx.queryEnd);
  } else {
    sources = evalSubquery(ctx, arg, evalMatrix);
    rangeMs = arg.rangeMs;
    offsetMs = arg.offsetMs;
    at = resolveAt(arg.at, ctx.queryStart, ctx.queryEnd);
  }

  const fn = RANGE_FUNCTIONS[call.func];
  // last_over_time acts like an offset and keeps the metric name; every other function drops it.
  const keepName = call.func === 'last_over_time';
  const scalars = new Array<number>(scalarArgs.length);
  const env: WindowEnv = { k: 0, t: 0, rangeStart: 0, rangeEnd: 0, rangeMs, prometheus2: ctx.prometheus2, scalars };
  const out: Matrix = [];
  for (const s of sources) {
    ctx.limits.tick();
    const ts: number[] = [];
    const vs: number[] = [];
    forEachWindow(ctx, s, rangeMs, offsetMs, at, (w, step) => {
      for (let i = 0; i < scalarArgs.length; i++) scalars[i] = scalarAt(scalarArgs[i], step.k);
      env.k = step.k;
      env.t = step.t;
      env.rangeStart = step.rangeStart;
      env.rangeEnd = step.rangeEnd;
      const v = fn(w, env);
      if (v !== undefined) {
        ts.push(step.t);
        vs.push(v);
      }
    });
    if (ts.length > 0) {
      ctx.limits.acquire(ts.length);
      out.push({ labels: keepName ? s.labels : dropMetricName(s.labels), ts, vs });
    }
  }
  if (call.func === 'absent_over_time') return absentOverTime(ctx, out, arg);
  assertUniqueLabelsets(out);
  return out;
}

/** 1 at every step where no series had a sample in its window, labelled from the selector's equality matchers. */
function absentOverTime(ctx: EvalContext, present: Matrix, arg: MatrixSelector | SubqueryExpr): Matrix {
  const n = stepCount(ctx);
  const found = new Set<number>();
  for (const s of present) {
    if (s.ts.length === n) return [];
    for (const t of s.ts) found.add(t);
  }
  const series: Series = { labels: createLabelsForAbsent(arg), ts: [], vs: [] };
  for (let k = 0; k < n; k++) {
    const t = ctx.start + k * ctx.interval;
    if (!found.has(t)) {
      series.ts.push(t);
      series.vs.push(1);
    }
  }
  return series.ts.length ? [series] : [];
}
