/**
 * Aggregation operators, ported from Prometheus's rangeEvalAgg / aggregation / aggregationK /
 * aggregationCountValues for float samples. Input series are mapped to groups once; each step
 * then folds the series that have a sample into per-group state, in input order, with the same
 * initialisation and update rules (Kahan sums, overflow-safe mean, Welford variance, NaN
 * handling of min/max) so results match Prometheus exactly.
 */
import type { AggregateExpr } from '../ast';
import { deleteLabels, keepLabels, METRIC_NAME, withLabel } from '../labels';
import type { Labels } from '../types';
import { kahanInc } from '../functions/kahan';
import { quantile } from '../functions/quantile';
import { formatFloatF } from '../functions/format';
import { isValidLabelName } from '../functions/labels';
import { evalError, scalarAt, stepCount, type EvalContext, type Matrix, type Series } from './context';
import { SeriesAccumulator, StepCursor } from './merge';

const MAX_INT64 = 9223372036854774784; // largest float64 convertible to int64
const MIN_INT64 = -9223372036854775808;
/** Up to this k, insertion into a sorted top-k list; beyond, one sort per group and step. */
const SELECTION_LIMIT = 64;

function groupingKey(labels: Labels, grouping: string[], without: boolean): string {
  if (without) {
    const skip = new Set([...grouping, METRIC_NAME]);
    return Object.keys(labels).filter((n) => !skip.has(n)).sort().map((n) => `${n}\u0000${labels[n]}`).join('\u0001');
  }
  return grouping.map((n) => `${n}\u0000${labels[n] ?? ''}`).join('\u0001');
}

function groupingLabels(labels: Labels, grouping: string[], without: boolean): Labels {
  if (without) return deleteLabels(labels, [...grouping, METRIC_NAME]);
  return keepLabels(labels, grouping);
}

/** `param` is the evaluated parameter (scalar series) or null; `stringParam` the count_values label. */
export function evalAggregate(ctx: EvalContext, e: AggregateExpr, input: Matrix, param: Matrix | null, stringParam: string | null): Matrix {
  const grouping = [...e.grouping].sort();
  if (e.op === 'count_values') return countValues(ctx, e, grouping, input, stringParam!);
  if (e.op === 'topk' || e.op === 'bottomk') return topBottomK(ctx, e, grouping, input, param!);
  return foldGroups(ctx, e, grouping, input, param);
}

/** sum, avg, min, max, count, group, stddev, stdvar, quantile. */
function foldGroups(ctx: EvalContext, e: AggregateExpr, grouping: string[], input: Matrix, param: Matrix | null): Matrix {
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(input.length);
  const out: Series[] = [];
  input.forEach((s, i) => {
    const key = groupingKey(s.labels, grouping, e.without);
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = out.length;
      groupIndex.set(key, g);
      out.push({ labels: groupingLabels(s.labels, grouping, e.without), ts: [], vs: [] });
    }
    groupOf[i] = g;
  });
  const G = out.length;
  const seen = new Int32Array(G).fill(-1);
  const value = new Float64Array(G);
  const mean = new Float64Array(G);
  const kahanC = new Float64Array(G);
  const count = new Float64Array(G);
  const incremental = new Uint8Array(G);
  const values: number[][] = e.op === 'quantile' ? Array.from({ length: G }, () => []) : [];
  const cursor = new StepCursor(input);
  const n = stepCount(ctx);
  const touched: number[] = [];
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    touched.length = 0;
    for (let si = 0; si < input.length; si++) {
      const p = cursor.at(si, t);
      if (p < 0) continue;
      const f = input[si].vs[p];
      const g = groupOf[si];
      if (seen[g] !== k) {
        seen[g] = k;
        touched.push(g);
        value[g] = f;
        mean[g] = f;
        kahanC[g] = 0;
        count[g] = 1;
        incremental[g] = 0;
        if (e.op === 'stddev' || e.op === 'stdvar') value[g] = Number.isFinite(f) ? 0 : NaN;
        else if (e.op === 'group') value[g] = 1;
        else if (e.op === 'quantile') values[g] = [f];
        continue;
      }
      switch (e.op) {
        case 'sum':
          [value[g], kahanC[g]] = kahanInc(f, value[g], kahanC[g]);
          break;
        case 'avg': {
          count[g]++;
          if (!incremental[g]) {
            const [nv, nc] = kahanInc(f, value[g], kahanC[g]);
            if (nv !== Infinity && nv !== -Infinity) {
              value[g] = nv;
              kahanC[g] = nc;
              break;
            }
            // The running sum would overflow: continue with an incremental mean.
            incremental[g] = 1;
            mean[g] = value[g] / (count[g] - 1);
            kahanC[g] /= count[g] - 1;
          }
          const q = (count[g] - 1) / count[g];
          [mean[g], kahanC[g]] = kahanInc(f / count[g], q * mean[g], q * kahanC[g]);
          break;
        }
        case 'max':
          if (value[g] < f || Number.isNaN(value[g])) value[g] = f;
          break;
        case 'min':
          if (value[g] > f || Number.isNaN(value[g])) value[g] = f;
          break;
        case 'count':
          count[g]++;
          break;
        case 'stddev':
        case 'stdvar': {
          count[g]++;
          const delta = f - mean[g];
          mean[g] += delta / count[g];
          value[g] += delta * (f - mean[g]);
          break;
        }
        case 'quantile':
          values[g].push(f);
          break;
        default:
          break; // group
      }
    }
    const q = param ? scalarAt(param, k) : 0;
    touched.sort((a, b) => a - b);
    for (const g of touched) {
      let v: number;
      switch (e.op) {
        case 'avg': v = incremental[g] ? mean[g] + kahanC[g] : value[g] / count[g] + kahanC[g] / count[g]; break;
        case 'count': v = count[g]; break;
        case 'stdvar': v = value[g] / count[g]; break;
        case 'stddev': v = Math.sqrt(value[g] / count[g]); break;
        case 'quantile': v = quantile(q, values[g]); break;
        case 'sum': v = value[g] + kahanC[g]; break;
        default: v = value[g];
      }
      out[g].ts.push(t);
      out[g].vs.push(v);
    }
  }
  return out.filter((s) => s.ts.length > 0);
}

/**
 * topk / bottomk: the k largest (smallest) samples per group at each step, NaN ranked last,
 * keeping the input series' labels. Instant queries return them best first.
 */
function topBottomK(ctx: EvalContext, e: AggregateExpr, grouping: string[], input: Matrix, param: Matrix): Matrix {
  const n = stepCount(ctx);
  const ks = param[0].vs;
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(ks[k])) throw evalError('Parameter value is NaN');
    max = Math.max(max, ks[k]);
    min = Math.min(min, ks[k]);
  }
  if (n === 0 || max < 1) return [];
  if (min <= MIN_INT64) throw evalError(`Scalar value ${goFloatV(min)} underflows int64`);
  if (max >= MAX_INT64) throw evalError(`Scalar value ${goFloatV(max)} overflows int64`);
  const groupIndex = new Map<string, number>();
  const groupOf = input.map((s) => {
    const key = groupingKey(s.labels, grouping, e.without);
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupIndex.size;
      groupIndex.set(key, g);
    }
    return g;
  });
  const cursor = new StepCursor(input);
  const out = new Map<number, Series>();
  const order: number[] = [];
  const desc = e.op === 'topk';
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    const limit = Math.min(Math.trunc(ks[k]), input.length);
    if (limit < 1) continue;
    // Per group, the best `limit` samples so far in rank order (NaN ranks last; on ties the
    // earlier series stays, as a strict comparison in Prometheus's heap keeps it).
    const best = new Map<number, { si: number; v: number }[]>();
    const better = desc
      ? (a: number, b: number) => a > b || (Number.isNaN(b) && !Number.isNaN(a))
      : (a: number, b: number) => a < b || (Number.isNaN(b) && !Number.isNaN(a));
    for (let si = 0; si < input.length; si++) {
      const p = cursor.at(si, t);
      if (p < 0) continue;
      const v = input[si].vs[p];
      const g = groupOf[si];
      let list = best.get(g);
      if (!list) best.set(g, (list = []));
      if (limit > SELECTION_LIMIT) {
        list.push({ si, v }); // large k: collect, then sort once below
        continue;
      }
      if (list.length === limit && !better(v, list[limit - 1].v)) continue;
      let pos = list.length;
      while (pos > 0 && better(v, list[pos - 1].v)) pos--;
      list.splice(pos, 0, { si, v });
      if (list.length > limit) list.pop();
    }
    for (let list of best.values()) {
      if (limit > SELECTION_LIMIT) {
        // Stable sort: equal values keep input order, like the insertion above.
        list = list.sort((a, b) => (better(a.v, b.v) ? -1 : better(b.v, a.v) ? 1 : 0)).slice(0, limit);
      }
      for (const { si, v } of list) {
        let s = out.get(si);
        if (!s) {
          s = { labels: input[si].labels, ts: [], vs: [] };
          out.set(si, s);
        }
        if (ctx.start === ctx.end) order.push(si);
        s.ts.push(t);
        s.vs.push(v);
      }
    }
  }
  if (ctx.start === ctx.end) return order.map((si) => out.get(si)!);
  return [...out.values()];
}

/** count_values: one series per distinct value (formatted as Go does) per group. */
function countValues(ctx: EvalContext, e: AggregateExpr, grouping: string[], input: Matrix, label: string): Matrix {
  if (!isValidLabelName(label)) throw evalError(`invalid label name ${JSON.stringify(label)}`);
  const keyLabels = e.without ? grouping : [...grouping, label].sort();
  const cursor = new StepCursor(input);
  const acc = new SeriesAccumulator();
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    const groups = new Map<string, { labels: Labels; count: number }>();
    for (let si = 0; si < input.length; si++) {
      const p = cursor.at(si, t);
      if (p < 0) continue;
      const metric = withLabel(input[si].labels, label, formatFloatF(input[si].vs[p]));
      const key = groupingKey(metric, keyLabels, e.without);
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { labels: groupingLabels(metric, keyLabels, e.without), count: 1 });
    }
    for (const g of groups.values()) acc.add(g.labels, t, g.count);
  }
  return acc.result();
}

/** Go's %v for a float64 in the int64 bounds errors. */
function goFloatV(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v).replace(/e\+?/, 'e+').replace('e+-', 'e-');
}
