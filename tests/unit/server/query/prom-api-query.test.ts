import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryValue } from '@/server/query/promql/types';
import { PromQLError } from '@/server/query/promql/types';

// /api/v1/query and /api/v1/query_range: parameters, envelopes, formatting and errors. The PromQL
// engine is replaced by a recorder (evaluation is tested with the engine); nothing reads the database.
const engine = vi.hoisted(() => ({
  result: { type: 'vector', value: [] } as QueryValue,
  error: null as Error | null,
  calls: [] as unknown[][],
}));
vi.mock('@/server/query/promql/engine', async () => {
  const types = await import('@/server/query/promql/types');
  const run = (...args: unknown[]) => {
    engine.calls.push(args.slice(1));
    if (engine.error) throw engine.error;
    return engine.result;
  };
  return {
    instantQuery: run,
    rangeQuery: run,
    parsePromQL: (q: string) => {
      if (q === '' || q.includes('(((')) throw new types.PromQLError('bad_data', '1:1: parse error: unexpected end of input');
      return {};
    },
  };
});
vi.mock('@/server/query/prom-api/source', () => ({ promSource: () => ({}) }));

const { handlePromRequest } = await import('@/server/query/prom-api/http');
const { queryVerb, queryRangeVerb } = await import('@/server/query/prom-api/query');

beforeEach(() => {
  engine.result = { type: 'vector', value: [] };
  engine.error = null;
  engine.calls = [];
});

const get = (path: string) => new Request(`http://localhost${path}`);
const post = (path: string, form: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
async function call(request: Request, verb: Parameters<typeof handlePromRequest>[1]) {
  const res = await handlePromRequest(request, verb);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: unknown } };
}
const qs = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('/api/v1/query and /api/v1/query_range', () => {
  it('formats vectors, scalars and strings as Prometheus does', async () => {
    engine.result = { type: 'vector', value: [{ labels: { __name__: 'up', job: 'api' }, sample: { t: 1435781451781, v: 1 } }, { labels: {}, sample: { t: 1435781451781, v: -Infinity } }] };
    expect((await call(get(`/api/v1/query${qs({ query: 'up', time: '2015-07-01T20:10:51.781Z' })}`), queryVerb)).body).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { __name__: 'up', job: 'api' }, value: [1435781451.781, '1'] }, { metric: {}, value: [1435781451.781, '-Inf'] }] },
    });
    expect(engine.calls[0]).toEqual(['up', 1435781451781, { prometheusVersion: 3, timeoutMs: 120_000 }]);

    engine.result = { type: 'scalar', value: { t: 1000, v: 0.1 + 0.2 } };
    expect((await call(get('/api/v1/query?query=0.3&time=1'), queryVerb)).body.data).toEqual({ resultType: 'scalar', result: [1, '0.30000000000000004'] });
    engine.result = { type: 'string', value: { t: 1500, v: 'hi' } };
    expect((await call(get('/api/v1/query?query="hi"&time=1.5'), queryVerb)).body.data).toEqual({ resultType: 'string', result: [1.5, 'hi'] });
  });

  it('reads POST form bodies, timeout, lookback_delta and limit', async () => {
    engine.result = { type: 'vector', value: [1, 2, 3].map((i) => ({ labels: { i: String(i) }, sample: { t: 0, v: NaN } })) };
    const { body } = await call(post('/api/v1/query', { query: 'x', time: '10', timeout: '5s', lookback_delta: '1m', limit: '2' }), queryVerb);
    expect(engine.calls[0]).toEqual(['x', 10_000, { prometheusVersion: 3, timeoutMs: 5000, lookbackMs: 60_000 }]);
    expect(body).toEqual({ status: 'success', data: { resultType: 'vector', result: [{ metric: { i: '1' }, value: [0, 'NaN'] }, { metric: { i: '2' }, value: [0, 'NaN'] }] }, warnings: ['results truncated due to limit'] });
  });

  it('runs range queries with a step in duration or float seconds', async () => {
    engine.result = { type: 'matrix', value: [{ labels: { __name__: 'up' }, samples: [{ t: 1435781430781, v: 1 }, { t: 1435781445781, v: 0 }] }] };
    const { body } = await call(get(`/api/v1/query_range${qs({ query: 'up', start: '2015-07-01T20:10:30.781Z', end: '2015-07-01T20:11:00.781Z', step: '15s' })}`), queryRangeVerb);
    expect(body).toEqual({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'up' }, values: [[1435781430.781, '1'], [1435781445.781, '0']] }] } });
    expect(engine.calls[0]).toEqual(['up', 1435781430781, 1435781460781, 15_000, { prometheusVersion: 3, timeoutMs: 120_000 }]);
    await call(post('/api/v1/query_range', { query: 'up', start: '0', end: '60', step: '0.5' }), queryRangeVerb);
    expect(engine.calls[1]).toEqual(['up', 0, 60_000, 500, { prometheusVersion: 3, timeoutMs: 120_000 }]);
  });

  it.each([
    [{ query: 'up', start: 'x', end: '1', step: '1' }, 'invalid parameter "start": cannot parse "x" to a valid timestamp'],
    [{ query: 'up', end: '1', step: '1' }, 'invalid parameter "start": cannot parse "" to a valid timestamp'],
    [{ query: 'up', start: '10', end: '1', step: '1' }, 'end timestamp must not be before start time'],
    [{ query: 'up', start: '0', end: '1', step: 'abc' }, 'invalid parameter "step": cannot parse "abc" to a valid duration'],
    [{ query: 'up', start: '0', end: '1', step: '0' }, 'zero or negative query resolution step widths are not accepted. Try a positive integer'],
    [{ query: 'up', start: '0', end: '1', step: '-1s' }, 'invalid parameter "step": cannot parse "-1s" to a valid duration'],
    [{ query: 'up', start: '0', end: '11001', step: '1' }, 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'],
    [{ query: 'up', start: '0', end: '1', step: '1', limit: 'x' }, 'invalid parameter "limit": strconv.Atoi: parsing "x": invalid syntax'],
    [{ query: '(((', start: '0', end: '1', step: '1' }, 'invalid parameter "query": 1:1: parse error: unexpected end of input'],
  ])('answers 400 bad_data for %j', async (params, error) => {
    expect(await call(get(`/api/v1/query_range${qs(params)}`), queryRangeVerb)).toEqual({ status: 400, body: { status: 'error', errorType: 'bad_data', error } });
    expect(engine.calls).toEqual([]);
  });

  it('accepts exactly 11,000 steps', async () => {
    engine.result = { type: 'matrix', value: [] };
    expect((await call(get('/api/v1/query_range?query=up&start=0&end=11000&step=1'), queryRangeVerb)).status).toBe(200);
  });

  it('maps engine errors to 422 execution and 503 timeout', async () => {
    engine.error = new PromQLError('execution', 'vector cannot contain metrics with the same labelset');
    expect(await call(get('/api/v1/query?query=up'), queryVerb)).toEqual({
      status: 422, body: { status: 'error', errorType: 'execution', error: 'vector cannot contain metrics with the same labelset' },
    });
    engine.error = new PromQLError('timeout', 'query timed out in expression evaluation');
    expect((await call(get('/api/v1/query?query=up'), queryVerb)).status).toBe(503);
    engine.error = new TypeError('boom');
    expect((await call(get('/api/v1/query?query=up'), queryVerb)).body.errorType).toBe('execution');
  });

  it('defaults the instant query time to now and rejects a bad time', async () => {
    const before = Date.now();
    await call(get('/api/v1/query?query=up'), queryVerb);
    expect(engine.calls[0][1]).toBeGreaterThanOrEqual(before);
    expect((await call(get('/api/v1/query?query=up&time=yesterday'), queryVerb)).body.error)
      .toBe('invalid parameter "time": cannot parse "yesterday" to a valid timestamp');
    expect((await call(get('/api/v1/query'), queryVerb)).body.error).toMatch(/^invalid parameter "query": /);
  });
});
