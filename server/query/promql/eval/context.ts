/**
 * The evaluator's internal data model and per-evaluation context.
 *
 * Like Prometheus's engine, every node is evaluated once for all steps and yields a matrix whose
 * points sit exactly on the step timestamps (selectors excepted inside range functions).
 * Series are parallel number arrays rather than {t, v} objects: 10,000 series × 240 steps
 * stays compact, and the hot loops index arrays instead of chasing objects.
 */
import type { Labels } from '../types';
import { PromQLError } from '../types';
import type { VectorSelector } from '../ast';

export interface Series {
  labels: Labels;
  ts: number[];
  vs: number[];
}

export type Matrix = Series[];

export type EvalValue = { kind: 'matrix'; matrix: Matrix } | { kind: 'string'; value: string };

/** A raw series from the SeriesSource, as arrays, with its staleness markers. */
export interface RawSeriesArrays {
  labels: Labels;
  ts: number[];
  vs: number[];
  stale: number[];
}

const TOO_MANY_SAMPLES = 'query processing would load too many samples into memory in query execution';

/** Time and memory budgets shared by all (sub-)evaluations of one query. */
export class Limits {
  current = 0;
  private ticks = 0;

  constructor(private readonly deadline: number, private readonly maxSamples: number) {}

  /** Counts samples held in memory, failing like Prometheus once over the limit. */
  acquire(n: number): void {
    this.current += n;
    if (this.current > this.maxSamples) throw new PromQLError('execution', TOO_MANY_SAMPLES);
  }

  /** Checks the deadline; cheap enough for inner loops because the clock is read every 256 calls. */
  tick(): void {
    if ((++this.ticks & 255) === 0) this.checkTime();
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw new PromQLError('timeout', 'query timed out in expression evaluation');
  }
}

export interface EvalContext {
  /** Evaluation range of this (sub-)evaluator, ms. */
  start: number;
  end: number;
  /** Step, ms (1 for instant queries, as Prometheus). */
  interval: number;
  lookback: number;
  /**
   * Prometheus 2.x semantics where 2 and 3 differ: closed windows [t - range, t] (3: left-open
   * (t - range, t]), and rate's zero-point clamp applied before the extrapolation threshold.
   */
  prometheus2: boolean;
  /** The outer query's range, for `@ start()` / `@ end()`. */
  queryStart: number;
  queryEnd: number;
  defaultSubqueryStep: number;
  data: Map<VectorSelector, RawSeriesArrays[]>;
  limits: Limits;
}

export function stepCount(ctx: EvalContext): number {
  return ctx.end < ctx.start ? 0 : Math.floor((ctx.end - ctx.start) / ctx.interval) + 1;
}

export function totalPoints(m: Matrix): number {
  let n = 0;
  for (const s of m) n += s.ts.length;
  return n;
}

/** A scalar as Prometheus represents it during evaluation: one label-less series, a point per step. */
export function scalarSeries(ctx: EvalContext, valueAt: (t: number, step: number) => number): Matrix {
  const n = stepCount(ctx);
  const ts = new Array<number>(n);
  const vs = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = ctx.start + i * ctx.interval;
    ts[i] = t;
    vs[i] = valueAt(t, i);
  }
  return [{ labels: {}, ts, vs }];
}

/** The value of a scalar-typed result at step `i` (scalars have a point at every step). */
export function scalarAt(m: Matrix, i: number): number {
  return m[0].vs[i];
}

export function evalError(msg: string): PromQLError {
  return new PromQLError('execution', msg);
}
