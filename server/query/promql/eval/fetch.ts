/**
 * Loads raw data once per selector for the whole query, like Prometheus's populateSeries: the
 * time window of each selector is computed up front from the query range, the enclosing
 * subqueries' offsets and ranges, @ modifiers, offsets, and the lookback (instant selectors) or
 * range (range selectors). Evaluation then slices these arrays per step and never calls the
 * source again.
 */
import type { AtModifier, Expr, VectorSelector } from '../ast';
import type { SeriesSource } from '../types';
import type { RawSeriesArrays } from './context';

export interface FetchWindow {
  start: number;
  end: number;
}

export function resolveAt(at: AtModifier | null, queryStart: number, queryEnd: number): number | null {
  if (!at) return null;
  if (at.kind === 'start') return queryStart;
  if (at.kind === 'end') return queryEnd;
  return at.ms;
}

interface PathState {
  subqOffset: number;
  subqRange: number;
  subqTs: number | null;
}

/** Prometheus's getTimeRangesForSelector. */
interface QueryWindow {
  start: number;
  end: number;
  lookback: number;
  prometheus2: boolean;
}

function selectorWindow(vs: VectorSelector, evalRange: number, path: PathState, q: QueryWindow): FetchWindow {
  let start = q.start;
  let end = q.end;
  if (path.subqTs !== null) {
    start = path.subqTs;
    end = path.subqTs;
  }
  const at = resolveAt(vs.at, q.start, q.end);
  if (at !== null) {
    start = at;
    end = at;
  } else {
    start -= path.subqOffset + path.subqRange;
    end -= path.subqOffset;
  }
  // Left-open windows exclude a sample exactly lookback/range before the evaluation time.
  start -= (evalRange === 0 ? q.lookback : evalRange) - (q.prometheus2 ? 0 : 1);
  start -= vs.offsetMs;
  end -= vs.offsetMs;
  return { start, end };
}

/** Every selector of the expression with the window it needs. */
export function planFetches(root: Expr, q: QueryWindow): Map<VectorSelector, FetchWindow> {
  const plan = new Map<VectorSelector, FetchWindow>();
  const walk = (e: Expr, path: PathState): void => {
    switch (e.type) {
      case 'VectorSelector':
        plan.set(e, selectorWindow(e, 0, path, q));
        return;
      case 'MatrixSelector':
        plan.set(e.vectorSelector, selectorWindow(e.vectorSelector, e.rangeMs, path, q));
        return;
      case 'SubqueryExpr': {
        // The @ modifier on a subquery resets the accumulated offset and range (subqueryTimes).
        const at = resolveAt(e.at, q.start, q.end);
        const next: PathState = at !== null
          ? { subqOffset: e.offsetMs, subqRange: e.rangeMs, subqTs: at }
          : { subqOffset: path.subqOffset + e.offsetMs, subqRange: path.subqRange + e.rangeMs, subqTs: path.subqTs };
        walk(e.expr, next);
        return;
      }
      case 'ParenExpr':
      case 'UnaryExpr':
        walk(e.expr, path);
        return;
      case 'BinaryExpr':
        walk(e.lhs, path);
        walk(e.rhs, path);
        return;
      case 'AggregateExpr':
        if (e.param) walk(e.param, path);
        walk(e.expr, path);
        return;
      case 'FunctionCall':
        for (const a of e.args) walk(a, path);
        return;
      default:
        return;
    }
  };
  walk(root, { subqOffset: 0, subqRange: 0, subqTs: null });
  return plan;
}

/** Runs the plan: one select() per selector. */
export function fetchAll(plan: Map<VectorSelector, FetchWindow>, source: SeriesSource): Map<VectorSelector, RawSeriesArrays[]> {
  const data = new Map<VectorSelector, RawSeriesArrays[]>();
  for (const [vs, w] of plan) {
    const raw = source.select(vs.matchers, w.start, w.end);
    // The source's arrays are fresh per select and only read by the evaluator: no copy.
    data.set(vs, raw.map((s) => ({ labels: s.labels, ts: s.ts, vs: s.vs, stale: s.staleMarkers ?? [] })));
  }
  return data;
}
