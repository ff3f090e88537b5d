/**
 * The evaluator: dispatches each AST node to its module in ./eval and keeps Prometheus's
 * memory accounting (after a node is evaluated, its inputs are released and only its output
 * counts against the sample limit, as engine.go does with currentSamples).
 */
import { unwrapParens, type Expr, type FunctionCall, type StringLiteral } from './ast';
import { dropMetricName } from './labels';
import { exprType } from './parser/validate';
import { evalAggregate } from './eval/aggregate';
import { scalarScalar, setOperation, vectorScalar, vectorVector } from './eval/binary';
import { evalError, scalarSeries, totalPoints, type EvalContext, type EvalValue, type Matrix } from './eval/context';
import { evalInstantFunction } from './eval/instant-functions';
import { mergeSameLabelset } from './eval/merge';
import { evalRangeFunction, isRangeFunction } from './eval/range-functions';
import { evalMatrixSelector, evalVectorSelector } from './eval/selector';
import { evalSubquery } from './eval/subquery';
import { SET_OPS } from './ast';

export function evaluate(e: Expr, ctx: EvalContext): EvalValue {
  if (e.type === 'StringLiteral') return { kind: 'string', value: e.val };
  if (e.type === 'ParenExpr') return evaluate(e.expr, ctx);
  return { kind: 'matrix', matrix: evalMatrix(e, ctx) };
}

export function evalMatrix(e: Expr, ctx: EvalContext): Matrix {
  ctx.limits.checkTime();
  const before = ctx.limits.current;
  const result = dispatch(e, ctx);
  // Inputs are garbage now; only this node's output stays in memory.
  ctx.limits.current = before;
  ctx.limits.acquire(totalPoints(result));
  return result;
}

function dispatch(e: Expr, ctx: EvalContext): Matrix {
  switch (e.type) {
    case 'NumberLiteral':
      return scalarSeries(ctx, () => e.val);
    case 'StringLiteral':
      throw evalError('string literal used where a series value was expected');
    case 'ParenExpr':
      return evalMatrix(e.expr, ctx);
    case 'VectorSelector':
      return evalVectorSelector(ctx, e);
    case 'MatrixSelector':
      if (ctx.start !== ctx.end) throw evalError('cannot do range evaluation of matrix selector');
      return evalMatrixSelector(ctx, e);
    case 'SubqueryExpr':
      return evalSubquery(ctx, e, evalMatrix);
    case 'UnaryExpr': {
      const m = evalMatrix(e.expr, ctx);
      if (e.op === '+') return m;
      // Negation changes the meaning: the name goes, which can merge series.
      return mergeSameLabelset(m.map((s) => ({ labels: dropMetricName(s.labels), ts: s.ts, vs: s.vs.map((v) => -v) })));
    }
    case 'BinaryExpr': {
      const lt = exprType(e.lhs);
      const rt = exprType(e.rhs);
      const lhs = evalMatrix(e.lhs, ctx);
      const rhs = evalMatrix(e.rhs, ctx);
      if (lt === 'scalar' && rt === 'scalar') return scalarScalar(ctx, e, lhs, rhs);
      if (lt === 'vector' && rt === 'scalar') return vectorScalar(ctx, e, lhs, rhs, false);
      if (lt === 'scalar' && rt === 'vector') return vectorScalar(ctx, e, rhs, lhs, true);
      if (SET_OPS.has(e.op)) return setOperation(ctx, e, lhs, rhs);
      return vectorVector(ctx, e, lhs, rhs);
    }
    case 'AggregateExpr': {
      const paramExpr = e.param ? unwrapParens(e.param) : null;
      const stringParam = paramExpr?.type === 'StringLiteral' ? paramExpr.val : null;
      const param = paramExpr && paramExpr.type !== 'StringLiteral' ? evalMatrix(paramExpr, ctx) : null;
      return evalAggregate(ctx, e, evalMatrix(e.expr, ctx), param, stringParam);
    }
    case 'FunctionCall':
      return evalCall(ctx, e);
  }
}

function evalCall(ctx: EvalContext, call: FunctionCall): Matrix {
  if (isRangeFunction(call.func)) return evalRangeFunction(ctx, call, evalMatrix);
  return evalInstantFunction(ctx, call, (arg, c) => {
    const u = unwrapParens(arg);
    if (u.type === 'StringLiteral') return stringPlaceholder(u);
    return evalMatrix(arg, c);
  });
}

/** String arguments are read from the AST by the functions that take them; never evaluated. */
function stringPlaceholder(_s: StringLiteral): Matrix {
  return [];
}
