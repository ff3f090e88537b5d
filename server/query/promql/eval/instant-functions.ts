/**
 * Functions of instant vectors and scalars. Element-wise functions run series by series (each
 * input series maps to one output series, so this equals Prometheus's step-by-step evaluation,
 * including the duplicate-labelset rule via mergeSameLabelset); functions that look across a
 * whole step (histogram_quantile, sort, scalar, absent, …) run step by step.
 */
import { unwrapParens, type Expr, type FunctionCall, type StringLiteral } from '../ast';
import { dropMetricName } from '../labels';
import type { Labels } from '../types';
import { compareNaNFirst } from '../functions/quantile';
import { bucketFraction, bucketQuantile, type Bucket } from '../functions/histogram-quantile';
import { clampValue, roundTo, SIMPLE_MATH } from '../functions/math';
import { DATE_FUNCTIONS, dateOf } from '../functions/date';
import { isValidLabelName, labelJoin, labelReplace } from '../functions/labels';
import { compileAnchoredRegex } from '../matchers';
import { parseGoFloat } from '../functions/go-float';
import { createLabelsForAbsent } from './absent';
import { evalVectorSelector } from './selector';
import { evalError, scalarAt, scalarSeries, stepCount, type EvalContext, type Matrix, type Series } from './context';
import { mergeSameLabelset, SeriesAccumulator, StepCursor } from './merge';

type EvalMatrix = (e: Expr, ctx: EvalContext) => Matrix;

/** Series-wise value mapping with the metric name dropped; `fn` returning undefined drops the point. */
function mapValues(ctx: EvalContext, input: Matrix, fn: (v: number, k: number, t: number) => number | undefined): Matrix {
  const out: Matrix = [];
  for (const s of input) {
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < s.ts.length; i++) {
      const t = s.ts[i];
      const k = Math.round((t - ctx.start) / ctx.interval);
      const v = fn(s.vs[i], k, t);
      if (v !== undefined) {
        ts.push(t);
        vs.push(v);
      }
    }
    if (ts.length) out.push({ labels: dropMetricName(s.labels), ts, vs });
  }
  return mergeSameLabelset(out);
}

const stringArg = (e: Expr): StringLiteral => unwrapParens(e) as StringLiteral;

export function evalInstantFunction(ctx: EvalContext, call: FunctionCall, evalMatrix: EvalMatrix): Matrix {
  const { func, args } = call;
  const arg = (i: number) => evalMatrix(args[i], ctx);

  if (func in SIMPLE_MATH) {
    const f = SIMPLE_MATH[func];
    return mapValues(ctx, arg(0), (v) => f(v));
  }
  if (func in DATE_FUNCTIONS) {
    if (args.length === 0) return vectorOf(scalarSeries(ctx, (t) => dateOf(func, Math.trunc(t / 1000))));
    return mapValues(ctx, arg(0), (v) => dateOf(func, v));
  }
  switch (func) {
    case 'round': {
      const v = arg(0);
      const to = args.length > 1 ? arg(1) : null;
      return mapValues(ctx, v, (x, k) => roundTo(x, to ? scalarAt(to, k) : 1));
    }
    case 'clamp':
    case 'clamp_min':
    case 'clamp_max': {
      const v = arg(0);
      const a = arg(1);
      const b = func === 'clamp' ? arg(2) : null;
      return mapValues(ctx, v, (x, k) => {
        const min = func === 'clamp_max' ? -Infinity : scalarAt(a, k);
        const max = func === 'clamp' ? scalarAt(b!, k) : func === 'clamp_max' ? scalarAt(a, k) : Infinity;
        return max < min ? undefined : clampValue(x, min, max);
      });
    }
    case 'timestamp': {
      // On a selector, the sample's own timestamp (not the step's): Prometheus special-cases it.
      const inner = unwrapParens(args[0]);
      if (inner.type === 'VectorSelector') return mapValues(ctx, evalVectorSelector(ctx, inner, true), (origT) => origT / 1000);
      return mapValues(ctx, arg(0), (_v, _k, t) => t / 1000);
    }
    case 'vector':
      return vectorOf(arg(0));
    case 'scalar':
      return scalarOf(ctx, arg(0));
    case 'time':
      return scalarSeries(ctx, (t) => t / 1000);
    case 'pi':
      return scalarSeries(ctx, () => Math.PI);
    case 'absent':
      return absent(ctx, arg(0), unwrapParens(args[0]));
    case 'sort':
    case 'sort_desc':
      return sortVector(ctx, arg(0), func === 'sort_desc');
    case 'label_replace':
      return labelReplaceAll(call, arg(0));
    case 'label_join':
      return labelJoinAll(call, arg(0));
    case 'histogram_quantile':
      return histogramQuantile(ctx, arg(0), arg(1));
    case 'histogram_fraction':
      return histogramFraction(ctx, arg(0), arg(1), arg(2));
    case 'histogram_avg':
    case 'histogram_count':
    case 'histogram_sum':
    case 'histogram_stddev':
    case 'histogram_stdvar':
      // These read native histograms only; float samples (all this store holds) yield nothing.
      arg(0);
      return [];
    default:
      throw evalError(`function ${JSON.stringify(func)} is not implemented`);
  }
}

/** vector(s) and label-less date functions: the scalar as a series with no labels. */
function vectorOf(scalar: Matrix): Matrix {
  return [{ labels: {}, ts: scalar[0].ts, vs: scalar[0].vs }];
}

/** scalar(v): the single sample's value, NaN when there are zero or several. */
function scalarOf(ctx: EvalContext, v: Matrix): Matrix {
  const cur = new StepCursor(v);
  return scalarSeries(ctx, (t) => {
    let value = NaN;
    let found = 0;
    for (let i = 0; i < v.length && found < 2; i++) {
      const p = cur.at(i, t);
      if (p >= 0) {
        found++;
        value = v[i].vs[p];
      }
    }
    return found === 1 ? value : NaN;
  });
}

function absent(ctx: EvalContext, v: Matrix, argExpr: Expr): Matrix {
  const cur = new StepCursor(v);
  const s: Series = { labels: createLabelsForAbsent(argExpr), ts: [], vs: [] };
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    const t = ctx.start + k * ctx.interval;
    if (!v.some((_, i) => cur.at(i, t) >= 0)) {
      s.ts.push(t);
      s.vs.push(1);
    }
  }
  return s.ts.length ? [s] : [];
}

/**
 * sort / sort_desc order an instant query's result (NaN last either way); a range query's
 * matrix is sorted by labels anyway, so there the input passes through.
 */
function sortVector(ctx: EvalContext, v: Matrix, desc: boolean): Matrix {
  if (ctx.start !== ctx.end) return v;
  const sorted = [...v];
  sorted.sort((a, b) => {
    const x = a.vs[0];
    const y = b.vs[0];
    if (Number.isNaN(x) || Number.isNaN(y)) return compareNaNFirst(y, x);
    return desc ? y - x : x - y;
  });
  return sorted;
}

function labelReplaceAll(call: FunctionCall, v: Matrix): Matrix {
  const [dst, repl, src, regex] = call.args.slice(1).map(stringArg);
  let re: RegExp;
  try {
    re = compileAnchoredRegex(regex.val);
  } catch {
    throw evalError(`invalid regular expression in label_replace(): ${regex.val}`);
  }
  if (!isValidLabelName(dst.val, dst.invalidUtf8)) throw evalError(`invalid destination label name in label_replace(): ${dst.val}`);
  return mergeSameLabelset(v.map((s) => ({ ...s, labels: labelReplace(s.labels, dst.val, repl.val, src.val, re) })));
}

function labelJoinAll(call: FunctionCall, v: Matrix): Matrix {
  const [dst, sep, ...srcs] = call.args.slice(1).map(stringArg);
  for (const s of srcs) if (!isValidLabelName(s.val, s.invalidUtf8)) throw evalError(`invalid source label name in label_join(): ${s.val}`);
  if (!isValidLabelName(dst.val, dst.invalidUtf8)) throw evalError(`invalid destination label name in label_join(): ${dst.val}`);
  const names = srcs.map((s) => s.val);
  return mergeSameLabelset(v.map((s) => ({ ...s, labels: labelJoin(s.labels, dst.val, sep.val, names) })));
}

interface BucketSeriesInfo {
  /** Labels without `le` (name included, as Prometheus 3 groups). */
  key: string;
  labels: Labels;
  upperBound: number | undefined;
}

/** Per input series, computed once: its bucket group and upper bound. */
function bucketInfo(v: Matrix): BucketSeriesInfo[] {
  const groupLabels = new Map<string, Labels>();
  return v.map((s) => {
    const rest: Labels = { ...s.labels };
    delete rest.le;
    const key = Object.keys(rest).sort().map((k) => `${k}\u0000${rest[k]}`).join('\u0001');
    let labels = groupLabels.get(key);
    if (!labels) groupLabels.set(key, (labels = dropMetricName(rest)));
    return { key, labels, upperBound: parseGoFloat(s.labels.le ?? '') };
  });
}

/** Groups a step's bucket samples by their labels without `le`; samples without a valid le are skipped (Prometheus warns). */
function bucketGroups(v: Matrix, info: BucketSeriesInfo[], cur: StepCursor, t: number): Map<string, { labels: Labels; buckets: Bucket[] }> {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[] }>();
  for (let i = 0; i < v.length; i++) {
    const { key, labels, upperBound } = info[i];
    if (upperBound === undefined) continue;
    const p = cur.at(i, t);
    if (p < 0) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, buckets: [] }));
    g.buckets.push({ upperBound, count: v[i].vs[p] });
  }
  return groups;
}

function histogramQuantile(ctx: EvalContext, q: Matrix, v: Matrix): Matrix {
  const cur = new StepCursor(v);
  const info = bucketInfo(v);
  const acc = new SeriesAccumulator();
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    const qv = scalarAt(q, k);
    for (const g of bucketGroups(v, info, cur, t).values()) acc.add(g.labels, t, bucketQuantile(qv, g.buckets));
  }
  return acc.result();
}

function histogramFraction(ctx: EvalContext, lower: Matrix, upper: Matrix, v: Matrix): Matrix {
  const cur = new StepCursor(v);
  const info = bucketInfo(v);
  const acc = new SeriesAccumulator();
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    const t = ctx.start + k * ctx.interval;
    for (const g of bucketGroups(v, info, cur, t).values()) acc.add(g.labels, t, bucketFraction(scalarAt(lower, k), scalarAt(upper, k), g.buckets));
  }
  return acc.result();
}
