/**
 * Binary operators, ported from Prometheus's engine.go (VectorBinop, VectorAnd/Or/Unless,
 * VectorscalarBinop, scalarBinop) for float samples.
 *
 * Vector/vector matching works like Prometheus's rangeEval with signatures: every series gets a
 * matching-signature ordinal once, then each step matches by ordinal. Output label sets are
 * computed once per (lhs, rhs) series pair and cached, so a 10k × 10k one-to-one match over
 * hundreds of steps costs a few array lookups per sample.
 */
import { COMPARISON_OPS, SCHEMA_CHANGING_OPS, type BinaryExpr, type BinaryOp, type VectorMatching } from '../ast';
import { deleteLabels, dropMetricName, keepLabels, labelsKey, labelsToString, matchingKey, matchLabels } from '../labels';
import type { Labels } from '../types';
import { evalError, scalarAt, stepCount, type EvalContext, type Matrix, type Series } from './context';
import { DUPLICATE_LABELSET, mergeSameLabelset, StepCursor } from './merge';

/** Go's math.Pow differs from JS `**` for a NaN exponent of 1 and for (-1)^±Inf. */
function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** Arithmetic result, or for comparisons the truth value. */
export function arithmetic(op: BinaryOp, l: number, r: number): number {
  switch (op) {
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': return l / r;
    case '%': return l % r; // same as Go's math.Mod, sign of the dividend
    case '^': return goPow(l, r);
    case 'atan2': return Math.atan2(l, r);
    default: throw evalError(`operator ${JSON.stringify(op)} not allowed for arithmetic`);
  }
}

export function compare(op: BinaryOp, l: number, r: number): boolean {
  switch (op) {
    case '==': return l === r;
    case '!=': return l !== r;
    case '>': return l > r;
    case '<': return l < r;
    case '>=': return l >= r;
    case '<=': return l <= r;
    default: throw evalError(`operator ${JSON.stringify(op)} is not a comparison`);
  }
}

/** vectorElemBinop for floats: the value and whether the sample is kept (comparisons filter). */
function elemBinop(op: BinaryOp, l: number, r: number): [number, boolean] {
  if (COMPARISON_OPS.has(op)) return [l, compare(op, l, r)];
  return [arithmetic(op, l, r), true];
}

export function scalarScalar(ctx: EvalContext, e: BinaryExpr, lhs: Matrix, rhs: Matrix): Matrix {
  const n = stepCount(ctx);
  const s: Series = { labels: {}, ts: new Array(n), vs: new Array(n) };
  for (let k = 0; k < n; k++) {
    s.ts[k] = ctx.start + k * ctx.interval;
    const l = scalarAt(lhs, k);
    const r = scalarAt(rhs, k);
    s.vs[k] = COMPARISON_OPS.has(e.op) ? (compare(e.op, l, r) ? 1 : 0) : arithmetic(e.op, l, r);
  }
  return [s];
}

/**
 * Vector ⊕ scalar (or scalar ⊕ vector when `scalarOnLeft`). Comparisons keep the vector's value
 * even when the scalar is on the left; the name goes for arithmetic and bool.
 */
export function vectorScalar(ctx: EvalContext, e: BinaryExpr, vec: Matrix, scalar: Matrix, scalarOnLeft: boolean): Matrix {
  const isComparison = COMPARISON_OPS.has(e.op);
  const dropName = SCHEMA_CHANGING_OPS.has(e.op) || e.returnBool;
  const out: Matrix = [];
  for (const s of vec) {
    const ts: number[] = [];
    const vs: number[] = [];
    for (let i = 0; i < s.ts.length; i++) {
      const k = Math.round((s.ts[i] - ctx.start) / ctx.interval);
      const sv = scalarAt(scalar, k);
      const [l, r] = scalarOnLeft ? [sv, s.vs[i]] : [s.vs[i], sv];
      let [value, keep] = elemBinop(e.op, l, r);
      if (isComparison && scalarOnLeft) value = s.vs[i];
      if (e.returnBool) {
        value = keep ? 1 : 0;
        keep = true;
      }
      if (keep) {
        ts.push(s.ts[i]);
        vs.push(value);
      }
    }
    if (ts.length) out.push({ labels: dropName ? dropMetricName(s.labels) : s.labels, ts, vs });
  }
  return mergeSameLabelset(out);
}

/** Ordinals of the matching signatures of both sides (shared numbering). */
function signatureOrdinals(lhs: Matrix, rhs: Matrix, m: VectorMatching): { l: Int32Array; r: Int32Array; count: number } {
  const ords = new Map<string, number>();
  const ordinal = (labels: Labels) => {
    const key = matchingKey(labels, m.matchingLabels, m.on);
    let o = ords.get(key);
    if (o === undefined) {
      o = ords.size;
      ords.set(key, o);
    }
    return o;
  };
  const l = Int32Array.from(lhs, (s) => ordinal(s.labels));
  const r = Int32Array.from(rhs, (s) => ordinal(s.labels));
  return { l, r, count: ords.size };
}

/** Output series keyed by label set, with the one-sample-per-step rule. */
class OutputSet {
  readonly series: Series[] = [];
  private readonly byKey = new Map<string, number>();
  private lastStep: number[] = [];

  index(labels: Labels): number {
    const key = labelsKey(labels);
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.series.length;
      this.byKey.set(key, idx);
      this.series.push({ labels, ts: [], vs: [] });
      this.lastStep.push(-1);
    }
    return idx;
  }

  push(idx: number, k: number, t: number, v: number): void {
    if (this.lastStep[idx] === k) throw evalError(DUPLICATE_LABELSET);
    this.lastStep[idx] = k;
    const s = this.series[idx];
    s.ts.push(t);
    s.vs.push(v);
  }

  result(): Matrix {
    return this.series.filter((s) => s.ts.length > 0);
  }
}

/** and / or / unless: many-to-many, samples keep their own labels. */
export function setOperation(ctx: EvalContext, e: BinaryExpr, lhs: Matrix, rhs: Matrix): Matrix {
  const m = e.matching!;
  const sig = signatureOrdinals(lhs, rhs, m);
  const out = new OutputSet();
  const lOut = lhs.map((s) => out.index(s.labels));
  const rOut = e.op === 'or' ? rhs.map((s) => out.index(s.labels)) : [];
  const lc = new StepCursor(lhs);
  const rc = new StepCursor(rhs);
  const present = new Int32Array(sig.count).fill(-1); // step at which an ordinal was last seen on the "other" side
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    if (e.op === 'or') {
      for (let i = 0; i < lhs.length; i++) {
        const p = lc.at(i, t);
        if (p < 0) continue;
        present[sig.l[i]] = k;
        out.push(lOut[i], k, t, lhs[i].vs[p]);
      }
      for (let j = 0; j < rhs.length; j++) {
        const p = rc.at(j, t);
        if (p >= 0 && present[sig.r[j]] !== k) out.push(rOut[j], k, t, rhs[j].vs[p]);
      }
    } else {
      for (let j = 0; j < rhs.length; j++) if (rc.at(j, t) >= 0) present[sig.r[j]] = k;
      for (let i = 0; i < lhs.length; i++) {
        const p = lc.at(i, t);
        if (p < 0) continue;
        const matched = present[sig.l[i]] === k;
        if (matched === (e.op === 'and')) out.push(lOut[i], k, t, lhs[i].vs[p]);
      }
    }
  }
  return out.result();
}

/**
 * resultMetric: the "many" side's labels; for arithmetic without the name; for one-to-one
 * only the on() labels / without the ignoring() labels; group_x labels copied from the "one" side.
 */
function resultLabels(l: Labels, r: Labels, op: BinaryOp, m: VectorMatching, returnBool: boolean): Labels {
  let out = SCHEMA_CHANGING_OPS.has(op) ? dropMetricName(l) : l;
  if (m.card === 'one-to-one') out = m.on ? keepLabels(out, m.matchingLabels) : deleteLabels(out, m.matchingLabels);
  if (m.include.length) {
    out = { ...out };
    for (const name of m.include) {
      if (r[name]) out[name] = r[name];
      else delete out[name];
    }
  }
  return returnBool ? dropMetricName(out) : out;
}

/** Arithmetic and comparison between vectors: one-to-one, many-to-one or one-to-many. */
export function vectorVector(ctx: EvalContext, e: BinaryExpr, lhsIn: Matrix, rhsIn: Matrix): Matrix {
  const m = e.matching!;
  // One-to-many is many-to-one with the sides swapped (swapped back for the arithmetic).
  const swap = m.card === 'one-to-many';
  const [lhs, rhs] = swap ? [rhsIn, lhsIn] : [lhsIn, rhsIn];
  const sig = signatureOrdinals(lhs, rhs, m);
  return staticPairs(ctx, e, lhs, rhs, sig, swap) ?? matchByStep(ctx, e, lhs, rhs, sig, swap);
}

/**
 * Fast path for the usual case: every signature belongs to at most one "one"-side series (and,
 * for one-to-one, to one "many"-side series) and every matched pair has its own output label
 * set. Then no step can raise a matching error or a collision, pairs never change, and each
 * pair can be joined series by series on timestamps, with the same result as matching per step.
 * Returns null when the conditions do not hold.
 */
function staticPairs(
  ctx: EvalContext, e: BinaryExpr, lhs: Matrix, rhs: Matrix, sig: { l: Int32Array; r: Int32Array; count: number }, swap: boolean,
): Matrix | null {
  const m = e.matching!;
  const rightOf = new Int32Array(sig.count).fill(-1);
  for (let j = 0; j < rhs.length; j++) {
    if (rightOf[sig.r[j]] !== -1) return null;
    rightOf[sig.r[j]] = j;
  }
  if (m.card === 'one-to-one') {
    const seen = new Uint8Array(sig.count);
    for (let i = 0; i < lhs.length; i++) {
      if (seen[sig.l[i]]) return null;
      seen[sig.l[i]] = 1;
    }
  }
  const out = new OutputSet();
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < lhs.length; i++) {
    const j = rightOf[sig.l[i]];
    if (j < 0) continue;
    const oi = out.index(resultLabels(lhs[i].labels, rhs[j].labels, e.op, m, e.returnBool));
    if (oi !== pairs.length) return null; // two pairs share an output label set: match per step
    pairs.push([i, j, oi]);
  }
  const isComparison = COMPARISON_OPS.has(e.op);
  for (const [i, j, oi] of pairs) {
    ctx.limits.tick();
    const l = lhs[i];
    const r = rhs[j];
    const o = out.series[oi];
    let a = 0;
    let b = 0;
    while (a < l.ts.length && b < r.ts.length) {
      const ta = l.ts[a];
      const tb = r.ts[b];
      if (ta < tb) { a++; continue; }
      if (tb < ta) { b++; continue; }
      const lv = swap ? r.vs[b] : l.vs[a];
      const rv = swap ? l.vs[a] : r.vs[b];
      a++;
      b++;
      if (isComparison) {
        const keep = compare(e.op, lv, rv);
        if (e.returnBool) { o.ts.push(ta); o.vs.push(keep ? 1 : 0); } else if (keep) { o.ts.push(ta); o.vs.push(lv); }
      } else {
        o.ts.push(ta);
        o.vs.push(arithmetic(e.op, lv, rv));
      }
    }
  }
  return out.result();
}

/** The general case, step by step with Prometheus's matching errors (VectorBinop). */
function matchByStep(
  ctx: EvalContext, e: BinaryExpr, lhs: Matrix, rhs: Matrix, sig: { l: Int32Array; r: Int32Array; count: number }, swap: boolean,
): Matrix {
  const m = e.matching!;
  const lc = new StepCursor(lhs);
  const rc = new StepCursor(rhs);
  const out = new OutputSet();
  const pairOut = new Map<number, number>(); // lhs index × rhs count + rhs index → output index
  const rightAt = new Int32Array(sig.count).fill(-1); // rhs series index per ordinal this step
  const rightStep = new Int32Array(sig.count).fill(-1);
  const matchedStep = new Int32Array(sig.count).fill(-1);
  const matchedOut = new Map<number, Set<number>>();
  const oneSide = swap ? 'left' : 'right';
  const n = stepCount(ctx);
  for (let k = 0; k < n; k++) {
    ctx.limits.tick();
    const t = ctx.start + k * ctx.interval;
    // Nothing can match when either side is empty at this step (checked before duplicates, as Prometheus).
    let anyLeft = false;
    for (let i = 0; i < lhs.length && !anyLeft; i++) anyLeft = lc.at(i, t) >= 0;
    if (!anyLeft) continue;
    let anyRight = false;
    for (let j = 0; j < rhs.length; j++) {
      if (rc.at(j, t) < 0) continue;
      anyRight = true;
      const o = sig.r[j];
      if (rightStep[o] === k) {
        const dup = rhs[rightAt[o]];
        throw evalError(
          `found duplicate series for the match group ${labelsToString(matchLabels(rhs[j].labels, m.matchingLabels, m.on))} ` +
          `on the ${oneSide} hand-side of the operation: [${labelsToString(rhs[j].labels)}, ${labelsToString(dup.labels)}]` +
          ';many-to-many matching not allowed: matching labels must be unique on one side',
        );
      }
      rightStep[o] = k;
      rightAt[o] = j;
    }
    if (!anyRight) continue;
    for (let i = 0; i < lhs.length; i++) {
      const lp = lc.at(i, t);
      if (lp < 0) continue;
      const o = sig.l[i];
      if (rightStep[o] !== k) continue;
      const j = rightAt[o];
      const rp = rc.at(j, t);
      const lv = lhs[i].vs[lp];
      const rv = rhs[j].vs[rp];
      const [raw, keep] = swap ? elemBinop(e.op, rv, lv) : elemBinop(e.op, lv, rv);
      const value = e.returnBool ? (keep ? 1 : 0) : raw;
      const pairKey = i * rhs.length + j;
      let oi = pairOut.get(pairKey);
      if (oi === undefined) {
        oi = out.index(resultLabels(lhs[i].labels, rhs[j].labels, e.op, m, e.returnBool));
        pairOut.set(pairKey, oi);
      }
      if (m.card === 'one-to-one') {
        if (matchedStep[o] === k) throw evalError('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
        matchedStep[o] = k;
      } else {
        let set = matchedOut.get(o);
        if (matchedStep[o] !== k || !set) {
          set = new Set();
          matchedOut.set(o, set);
          matchedStep[o] = k;
        } else if (set.has(oi)) {
          throw evalError('multiple matches for labels: grouping labels must ensure unique matches');
        }
        set.add(oi);
      }
      if (!keep && !e.returnBool) continue;
      out.push(oi, k, t, value);
    }
  }
  return out.result();
}
