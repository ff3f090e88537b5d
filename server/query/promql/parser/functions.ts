/**
 * Function signatures, as Prometheus's promql/parser/functions.go declares them. The validator
 * uses them for arity and argument-type checks (with Prometheus's exact messages); the evaluator
 * for the return type. Experimental functions are listed so that using one fails the way
 * Prometheus fails without --enable-feature=promql-experimental-functions.
 */
import type { ValueType } from '../ast';

export interface FunctionSig {
  argTypes: ValueType[];
  /** 0: exactly argTypes; n > 0: up to n more of the last type; -1: any number more. */
  variadic: number;
  returnType: ValueType;
  experimental?: boolean;
}

const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

const sig = (argTypes: ValueType[], returnType: ValueType = V, variadic = 0, experimental = false): FunctionSig =>
  ({ argTypes, returnType, variadic, experimental });

const vectorMath = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor',
  'ln', 'log10', 'log2', 'rad', 'sgn', 'sin', 'sinh', 'sqrt', 'tan', 'tanh'];
const overTime = ['absent_over_time', 'avg_over_time', 'changes', 'count_over_time', 'delta', 'deriv', 'idelta', 'increase',
  'irate', 'last_over_time', 'max_over_time', 'min_over_time', 'present_over_time', 'rate', 'resets', 'stddev_over_time',
  'stdvar_over_time', 'sum_over_time'];
const dates = ['day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'hour', 'minute', 'month', 'year'];
const nativeHistogram = ['histogram_avg', 'histogram_count', 'histogram_sum', 'histogram_stddev', 'histogram_stdvar'];

export const FUNCTIONS: Readonly<Record<string, FunctionSig>> = {
  ...Object.fromEntries(vectorMath.map((n) => [n, sig([V])])),
  ...Object.fromEntries(overTime.map((n) => [n, sig([M])])),
  ...Object.fromEntries(dates.map((n) => [n, sig([V], V, 1)])),
  ...Object.fromEntries(nativeHistogram.map((n) => [n, sig([V])])),
  absent: sig([V]),
  clamp: sig([V, S, S]),
  clamp_max: sig([V, S]),
  clamp_min: sig([V, S]),
  histogram_fraction: sig([S, S, V]),
  histogram_quantile: sig([S, V]),
  label_join: sig([V, STR, STR, STR], V, -1),
  label_replace: sig([V, STR, STR, STR, STR]),
  pi: sig([], S),
  predict_linear: sig([M, S]),
  quantile_over_time: sig([S, M]),
  round: sig([V, S], V, 1),
  scalar: sig([V], S),
  sort: sig([V]),
  sort_desc: sig([V]),
  time: sig([], S),
  timestamp: sig([V]),
  vector: sig([S]),
  // Experimental in Prometheus: rejected unless enabled there, so rejected here.
  double_exponential_smoothing: sig([M, S, S], V, 0, true),
  first_over_time: sig([M], V, 0, true),
  histogram_quantiles: sig([V, STR, S, S], V, 9, true),
  info: sig([V, V], V, 1, true),
  mad_over_time: sig([M], V, 0, true),
  sort_by_label: sig([V, STR], V, -1, true),
  sort_by_label_desc: sig([V, STR], V, -1, true),
  ts_of_first_over_time: sig([M], V, 0, true),
  ts_of_last_over_time: sig([M], V, 0, true),
  ts_of_max_over_time: sig([M], V, 0, true),
  ts_of_min_over_time: sig([M], V, 0, true),
  start: sig([], S, 0, true),
  end: sig([], S, 0, true),
  range: sig([], S, 0, true),
  step: sig([], S, 0, true),
};

/** Prometheus's DocumentedType: the words used in type error messages. */
export function documentedType(t: ValueType): string {
  switch (t) {
    case 'vector': return 'instant vector';
    case 'matrix': return 'range vector';
    default: return t;
  }
}
