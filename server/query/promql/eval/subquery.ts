/**
 * Subqueries: the inner expression is evaluated once as a range query at the subquery's own
 * step, over [first multiple of step after (start - offset - range), end - offset], exactly as
 * Prometheus aligns it (absolute multiples of the step, so results do not depend on the
 * query's start). With @ the window is the one ending at @ - offset, whatever the step.
 */
import type { Expr, SubqueryExpr } from '../ast';
import { resolveAt } from './fetch';
import type { EvalContext, Matrix } from './context';

export function subqueryContext(ctx: EvalContext, sq: SubqueryExpr): EvalContext {
  const step = sq.stepMs > 0 ? sq.stepMs : ctx.defaultSubqueryStep;
  const at = resolveAt(sq.at, ctx.queryStart, ctx.queryEnd);
  const outerStart = at ?? ctx.start;
  const outerEnd = at ?? ctx.end;
  const base = outerStart - sq.offsetMs - sq.rangeMs;
  // Go's integer division truncates toward zero; the correction makes it "first aligned > base"
  // (Prometheus 3) or "first aligned ≥ base" (Prometheus 2, closed windows).
  let start = step * Math.trunc(base / step);
  if (start < base || (start === base && !ctx.prometheus2)) start += step;
  return { ...ctx, start, end: outerEnd - sq.offsetMs, interval: step };
}

export function evalSubquery(ctx: EvalContext, sq: SubqueryExpr, evalMatrix: (e: Expr, ctx: EvalContext) => Matrix): Matrix {
  return evalMatrix(sq.expr, subqueryContext(ctx, sq));
}
