/**
 * The PromQL engine's data model, shared by the evaluator, the function library, the storage
 * adapter (server/store/read-prom-series.ts) and the HTTP API (app/api/v1/*).
 *
 * Units: timestamps are epoch MILLISECONDS (as Prometheus's engine), values float64.
 */

/** A label set including `__name__` when the series has a metric name. Keys are unique; order is irrelevant. */
export type Labels = Record<string, string>;

/** One raw or computed sample. */
export interface Sample {
  /** epoch ms */
  t: number;
  v: number;
}

/**
 * A raw series as stored, in columns: `ts[i]` (epoch ms, ascending, no duplicates) and `vs[i]` are one
 * sample. Columns rather than {t, v} objects: a query can read millions of samples, and the engine
 * evaluates on arrays anyway.
 */
export interface RawSeries {
  labels: Labels;
  ts: number[];
  vs: number[];
  /**
   * Epoch ms of staleness markers (Prometheus's StaleNaN; stored as OTLP points flagged
   * NO_RECORDED_VALUE), sorted ascending. A stale marker at t hides every sample at or before t
   * from lookback at times >= t.
   */
  staleMarkers: number[];
}

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  type: MatchType;
  /** For =~ and !~: an RE2-style regex, fully anchored by the matcher (^(?:value)$). */
  value: string;
}

/** Where the engine reads raw data. Implemented over SQLite by server/store/read-prom-series.ts. */
export interface SeriesSource {
  /**
   * Every series matching ALL matchers that has at least one sample or staleness marker in
   * [startMs, endMs] (inclusive), with its samples and markers restricted to that window.
   */
  select(matchers: LabelMatcher[], startMs: number, endMs: number): RawSeries[];
}

/** Result values, as Prometheus's engine types them. */
export type InstantVector = { labels: Labels; sample: Sample }[];
export type RangeVector = { labels: Labels; samples: Sample[] }[];
export type Matrix = { labels: Labels; samples: Sample[] }[];

export type QueryValue =
  | { type: 'vector'; value: InstantVector }
  | { type: 'matrix'; value: Matrix }
  | { type: 'scalar'; value: Sample }
  | { type: 'string'; value: { t: number; v: string } };

/** Prometheus API error types: bad_data (parse/validation), execution (evaluation), timeout. */
export class PromQLError extends Error {
  constructor(readonly errorType: 'bad_data' | 'execution' | 'timeout', message: string) {
    super(message);
    this.name = 'PromQLError';
  }
}

export interface QueryOptions {
  /**
   * Whose semantics to follow where Prometheus 2 and 3 differ (default 3). 3: lookback, range and
   * subquery windows are left-open, (t - range, t]; 2: closed, [t - range, t] (only samples exactly on a
   * window's start differ: regular scrapes hit it, jittered ones rarely), and rate/increase clamp
   * extrapolation at the counter's zero point before applying the 1.1× threshold rather than after.
   */
  prometheusVersion?: 2 | 3;
  /** Lookback delta, ms. Prometheus default: 5 minutes. */
  lookbackMs?: number;
  /** Abort with a `timeout` error after this long, ms. */
  timeoutMs?: number;
  /**
   * Maximum number of samples the evaluation may hold in memory at once (Prometheus's
   * --query.max-samples, default 50,000,000); beyond it the query fails with an `execution` error.
   * (The 11,000 points-per-series resolution limit of range queries is separate and fixed.)
   */
  maxSamples?: number;
  /**
   * Step of subqueries written without one (`expr[30m:]`), ms. Prometheus uses the global
   * evaluation interval, 1 minute by default, whatever the query's step: so does the default here.
   */
  defaultSubqueryStepMs?: number;
}
