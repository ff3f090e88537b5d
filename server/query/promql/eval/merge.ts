/**
 * Assembling output series. Prometheus builds outputs step by step and fails with "vector
 * cannot contain metrics with the same labelset" when two samples with equal labels meet at one
 * step; series that collide at different steps simply become one series. Both helpers here keep
 * that rule (and the first-seen order, which instant queries expose).
 */
import type { Labels } from '../types';
import { labelsKey } from '../labels';
import { evalError, type Matrix, type Series } from './context';

export const DUPLICATE_LABELSET = 'vector cannot contain metrics with the same labelset';

/** Collects samples step by step into series keyed by label set. */
export class SeriesAccumulator {
  private readonly byKey = new Map<string, Series>();

  add(labels: Labels, t: number, v: number): void {
    const key = labelsKey(labels);
    let s = this.byKey.get(key);
    if (!s) {
      s = { labels, ts: [], vs: [] };
      this.byKey.set(key, s);
    } else if (s.ts[s.ts.length - 1] === t) {
      throw evalError(DUPLICATE_LABELSET);
    }
    s.ts.push(t);
    s.vs.push(v);
  }

  result(): Matrix {
    return [...this.byKey.values()];
  }
}

/** Merges series whose label sets became equal (e.g. after dropping names), failing on shared steps. */
export function mergeSameLabelset(m: Matrix): Matrix {
  if (m.length <= 1) return m;
  const groups = new Map<string, Series[]>();
  for (const s of m) {
    const key = labelsKey(s.labels);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  if (groups.size === m.length) return m;
  const out: Matrix = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]);
      continue;
    }
    const points = g.flatMap((s) => s.ts.map((t, i) => [t, s.vs[i]] as const)).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < points.length; i++) if (points[i][0] === points[i - 1][0]) throw evalError(DUPLICATE_LABELSET);
    out.push({ labels: g[0].labels, ts: points.map((p) => p[0]), vs: points.map((p) => p[1]) });
  }
  return out;
}

/** Error if two non-empty series share a label set at all (what range-vector functions check). */
export function assertUniqueLabelsets(m: Matrix): void {
  const seen = new Set<string>();
  for (const s of m) {
    const key = labelsKey(s.labels);
    if (seen.has(key)) throw evalError(DUPLICATE_LABELSET);
    seen.add(key);
  }
}

/**
 * Per-step access to the samples of a matrix whose points lie on step timestamps: one cursor per
 * series, advanced monotonically, so gathering all steps costs O(points) overall.
 */
export class StepCursor {
  private readonly pos: Int32Array;

  constructor(readonly matrix: Matrix) {
    this.pos = new Int32Array(matrix.length);
  }

  /** Index into series i's arrays of its point at t, or -1. Call with non-decreasing t. */
  at(i: number, t: number): number {
    const s = this.matrix[i];
    let p = this.pos[i];
    while (p < s.ts.length && s.ts[p] < t) p++;
    this.pos[i] = p;
    return p < s.ts.length && s.ts[p] === t ? p : -1;
  }
}
