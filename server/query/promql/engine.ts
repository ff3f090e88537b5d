/**
 * Public entry points of the PromQL engine: parse, instant query, range query. Results use the
 * shapes of ./types.ts, which the HTTP API serialises the way Prometheus's /api/v1 does.
 *
 * Errors are PromQLError: 'bad_data' for parse/type errors and invalid ranges, 'execution' for
 * evaluation failures (too many samples, many-to-many matching, …), 'timeout' past
 * opts.timeoutMs.
 */
import type { Expr } from './ast';
import { parsePromQL as parse } from './parser/parse';
import { exprType } from './parser/validate';
import { documentedType } from './parser/functions';
import { compareLabels } from './labels';
import { evaluate } from './evaluator';
import { fetchAll, planFetches } from './eval/fetch';
import { Limits, type EvalContext, type Matrix } from './eval/context';
import { PromQLError, type QueryOptions, type QueryValue, type SeriesSource } from './types';

const DEFAULT_LOOKBACK_MS = 5 * 60_000;
const DEFAULT_MAX_SAMPLES = 50_000_000;
const DEFAULT_SUBQUERY_STEP_MS = 60_000;
/** Prometheus's API refuses range queries with more points per series than this. */
const MAX_POINTS_PER_SERIES = 11_000;

export type { Expr } from './ast';

/** Parses and type-checks a query. Throws PromQLError('bad_data', 'parse error at char N: …'). */
export function parsePromQL(query: string): Expr {
  return parse(query);
}

function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PromQLError) throw err;
    // A bug, not a query error: report it the way Prometheus reports runtime panics.
    throw new PromQLError('execution', `unexpected error: ${(err as Error).message}`);
  }
}

function context(expr: Expr, source: SeriesSource, start: number, end: number, interval: number, opts: QueryOptions): EvalContext {
  const lookback = opts.lookbackMs && opts.lookbackMs > 0 ? opts.lookbackMs : DEFAULT_LOOKBACK_MS;
  const limits = new Limits(
    opts.timeoutMs !== undefined ? Date.now() + opts.timeoutMs : Infinity,
    opts.maxSamples ?? DEFAULT_MAX_SAMPLES,
  );
  const prometheus2 = opts.prometheusVersion === 2;
  const data = fetchAll(planFetches(expr, { start, end, lookback, prometheus2 }), source);
  limits.checkTime();
  return {
    start, end, interval, lookback, prometheus2, queryStart: start, queryEnd: end,
    defaultSubqueryStep: opts.defaultSubqueryStepMs && opts.defaultSubqueryStepMs > 0 ? opts.defaultSubqueryStepMs : DEFAULT_SUBQUERY_STEP_MS,
    data, limits,
  };
}

const sortByLabels = (m: Matrix): Matrix => [...m].sort((a, b) => compareLabels(a.labels, b.labels));

const toSamples = (ts: number[], vs: number[]) => ts.map((t, i) => ({ t, v: vs[i] }));

/** Evaluates `query` at `timeMs`: a vector, scalar, string, or (for a bare range selector or subquery) a matrix. */
export function instantQuery(source: SeriesSource, query: string, timeMs: number, opts: QueryOptions = {}): QueryValue {
  return run(() => {
    const expr = parse(query);
    // Prometheus runs an instant query as a one-step range evaluation with a 1 ms interval.
    const ctx = context(expr, source, timeMs, timeMs, 1, opts);
    const value = evaluate(expr, ctx);
    if (value.kind === 'string') return { type: 'string', value: { t: timeMs, v: value.value } };
    const m = value.matrix;
    switch (exprType(expr)) {
      case 'scalar':
        return { type: 'scalar', value: { t: timeMs, v: m[0]?.vs[0] ?? NaN } };
      case 'vector':
        return { type: 'vector', value: m.map((s) => ({ labels: s.labels, sample: { t: timeMs, v: s.vs[0] } })) };
      default:
        return { type: 'matrix', value: sortByLabels(m).map((s) => ({ labels: s.labels, samples: toSamples(s.ts, s.vs) })) };
    }
  });
}

/**
 * Evaluates `query` at start, start+step, … ≤ end. Always a matrix sorted by labels; a scalar
 * query yields one series without labels.
 */
export function rangeQuery(
  source: SeriesSource, query: string, startMs: number, endMs: number, stepMs: number, opts: QueryOptions = {},
): QueryValue {
  return run(() => {
    if (!(stepMs > 0)) throw new PromQLError('bad_data', 'zero or negative query resolution step widths are not accepted. Try a positive integer');
    if (endMs < startMs) throw new PromQLError('bad_data', 'end timestamp must not be before start time');
    if ((endMs - startMs) / stepMs > MAX_POINTS_PER_SERIES) {
      throw new PromQLError('bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
    }
    const expr = parse(query);
    const type = exprType(expr);
    if (type !== 'vector' && type !== 'scalar') {
      throw new PromQLError('bad_data', `invalid expression type ${JSON.stringify(documentedType(type))} for range query, must be Scalar or instant Vector`);
    }
    const ctx = context(expr, source, startMs, endMs, stepMs, opts);
    const value = evaluate(expr, ctx);
    const m = value.kind === 'matrix' ? value.matrix : [];
    ctx.limits.checkTime();
    return { type: 'matrix', value: sortByLabels(m).map((s) => ({ labels: s.labels, samples: toSamples(s.ts, s.vs) })) };
  });
}
