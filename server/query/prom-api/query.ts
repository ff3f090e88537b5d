import { instantQuery, parsePromQL, rangeQuery } from '@/server/query/promql/engine';
import type { QueryOptions, QueryValue } from '@/server/query/promql/types';
import { serverEnv } from '@/server/env';
import { formatPromTimestamp, formatSamplePair, sortedLabelSet } from '@/lib/prom-format';
import { invalidParam, PromApiError } from './errors';
import type { PromSuccess } from './http';
import { durationParam, limitParam, requiredTimeParam, timeParam, type PromParams } from './params';
import { promSource } from './source';

/** Prometheus's -query.timeout default; a `timeout` parameter can only shorten it. */
export const DEFAULT_QUERY_TIMEOUT_MS = 120_000;
/** Points per series a range query may ask for (Prometheus's fixed limit). */
export const MAX_POINTS_PER_SERIES = 11_000;

const TRUNCATED = 'results truncated due to limit';

/** GET|POST /api/v1/query: query, time (default now), timeout, limit, lookback_delta. */
export function queryVerb(p: PromParams, _path?: unknown, now: () => number = Date.now): PromSuccess {
  const limit = limitParam(p);
  const timeMs = timeParam(p, 'time', now());
  const opts = queryOptions(p);
  const query = checkedQuery(p);
  return formatQueryValue(instantQuery(promSource(), query, timeMs, opts), limit);
}

/** GET|POST /api/v1/query_range: query, start, end, step, timeout, limit, lookback_delta. */
export function queryRangeVerb(p: PromParams): PromSuccess {
  const limit = limitParam(p);
  const start = requiredTimeParam(p, 'start');
  const end = requiredTimeParam(p, 'end');
  if (end < start) throw new PromApiError('bad_data', 'end timestamp must not be before start time');
  const step = durationParam(p, 'step');
  if (step === undefined) throw invalidParam('step', new Error('cannot parse "" to a valid duration'));
  // The engine steps in whole milliseconds, as Prometheus's does (a sub-ms step truncates to 0).
  const stepMs = Math.trunc(step);
  if (stepMs <= 0) {
    throw new PromApiError('bad_data', 'zero or negative query resolution step widths are not accepted. Try a positive integer');
  }
  if (Math.trunc((end - start) / step) > MAX_POINTS_PER_SERIES) {
    throw new PromApiError('bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  }
  const opts = queryOptions(p);
  const query = checkedQuery(p);
  return formatQueryValue(rangeQuery(promSource(), query, start, end, stepMs, opts), limit);
}

function queryOptions(p: PromParams): QueryOptions {
  const timeout = durationParam(p, 'timeout');
  const lookback = durationParam(p, 'lookback_delta');
  const opts: QueryOptions = {
    prometheusVersion: serverEnv().SIGHTLINE_PROMETHEUS_COMPAT === '2' ? 2 : 3,
    timeoutMs: timeout === undefined ? DEFAULT_QUERY_TIMEOUT_MS : Math.min(Math.max(timeout, 0), DEFAULT_QUERY_TIMEOUT_MS),
  };
  // Prometheus ignores a zero or negative lookback (the engine's default applies).
  if (lookback !== undefined && lookback > 0) opts.lookbackMs = lookback;
  return opts;
}

/** Parses first so syntax errors read `invalid parameter "query": …` (400), as in Prometheus. */
function checkedQuery(p: PromParams): string {
  const query = p.get('query') ?? '';
  try {
    parsePromQL(query);
  } catch (err) {
    throw invalidParam('query', err);
  }
  return query;
}

/** The engine's value as the API's `data`: `{resultType, result}`; `limit` caps vectors and matrices. */
export function formatQueryValue(value: QueryValue, limit = 0): PromSuccess {
  const warnings: string[] = [];
  const cap = <T>(list: T[]): T[] => {
    if (limit > 0 && list.length > limit) {
      warnings.push(TRUNCATED);
      return list.slice(0, limit);
    }
    return list;
  };
  switch (value.type) {
    case 'vector':
      return {
        data: { resultType: 'vector', result: cap(value.value).map((e) => ({ metric: sortedLabelSet(e.labels), value: formatSamplePair(e.sample.t, e.sample.v) })) },
        warnings,
      };
    case 'matrix':
      return {
        data: {
          resultType: 'matrix',
          result: cap(value.value).map((s) => ({ metric: sortedLabelSet(s.labels), values: s.samples.map((x) => formatSamplePair(x.t, x.v)) })),
        },
        warnings,
      };
    case 'scalar':
      return { data: { resultType: 'scalar', result: formatSamplePair(value.value.t, value.value.v) } };
    case 'string':
      return { data: { resultType: 'string', result: [formatPromTimestamp(value.value.t), value.value.v] } };
  }
}
