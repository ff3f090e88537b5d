import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricPoint, MetricRow, MetricSeriesKey, ResourceRow, ScopeRow } from '@/server/store/rows';

// The HTTP layer of the Prometheus API (metadata verbs) over a real SQLite file; the query verbs,
// which need the PromQL engine, are in prom-api-query.test.ts.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-prom-api-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { handlePromRequest } = await import('@/server/query/prom-api/http');
const { seriesVerb, labelsVerb, labelValuesVerb, metadataVerb, queryExemplarsVerb, unescapeLabelName } = await import('@/server/query/prom-api/metadata');
const { buildinfoVerb, targetsVerb } = await import('@/server/query/prom-api/status');
const { parseSeriesSelector, extractSelectors, unquote } = await import('@/server/query/prom-api/parse-selector');

const T0 = 1_800_000_000_000;
const T0S = T0 / 1000;
const scope: ScopeRow = { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource: ResourceRow = { serviceName: 'api', droppedAttributesCount: 0, schemaUrl: '', attributesJson: '[{"key":"service.name","value":{"stringValue":"api"}}]' };
const key = (name: string, kind: MetricSeriesKey['kind'], attrs: Record<string, string> = {}, monotonic = false): MetricSeriesKey => ({
  name, kind, unit: kind === 'histogram' ? 's' : '', description: `${name} help`, temporality: 2, isMonotonic: monotonic, metadataJson: '[]',
  attributesJson: JSON.stringify(Object.entries(attrs).map(([k, v]) => ({ key: k, value: { stringValue: v } }))),
});
const point = (ms: number, value: number): MetricPoint => ({
  kind: 'number', value, timeUnixNano: BigInt(ms) * 1_000_000n, startTimeUnixNano: 0n, flags: 0,
  exemplars: [{ timeUnixNano: BigInt(ms - 10) * 1_000_000n, value: 0.25, traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), filteredAttributesJson: '[]' }],
});
const histogram = (ms: number): MetricPoint => ({
  kind: 'histogram', timeUnixNano: BigInt(ms) * 1_000_000n, startTimeUnixNano: 0n, flags: 0, count: 3n, sum: 1.5, min: null, max: null,
  bucketCounts: [1n, 2n], explicitBounds: [0.5], exemplars: [],
});

beforeAll(() => {
  const rows: MetricRow[] = [
    { series: key('http.requests', 'sum', { method: 'GET' }, true), point: point(T0, 5) },
    { series: key('http.requests', 'sum', { method: 'POST' }, true), point: point(T0, 2) },
    { series: key('temperature', 'gauge', { 'room/name': 'lab' }), point: point(T0, 21.5) },
    { series: key('latency', 'histogram'), point: histogram(T0) },
  ];
  createRowWriter(getSqlite())([{ metrics: [{ resource, scope, rows }] }]);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => new Request(`http://localhost${path}`);
const post = (path: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  return new Request(`http://localhost${path}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
};
async function call<P>(request: Request, verb: Parameters<typeof handlePromRequest<P>>[1], pathParams?: P) {
  const res = await handlePromRequest(request, verb, pathParams);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: unknown } };
}
const qs = (params: Record<string, string | string[]>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) u.append(k, x);
  return `?${u}`;
};

describe('/api/v1/series, /labels, /label/<name>/values', () => {
  it('lists series for repeated match[] (GET and POST)', async () => {
    const { body } = await call(get(`/api/v1/series${qs({ 'match[]': ['http_requests_total{method="GET"}', 'latency_seconds_count'] })}`), seriesVerb);
    expect(body).toEqual({ status: 'success', data: [
      { __name__: 'http_requests_total', method: 'GET', job: 'api' },
      { __name__: 'latency_seconds_count', job: 'api' },
    ] });
    const viaPost = await call(post('/api/v1/series', { 'match[]': '{__name__=~"latency_seconds_bucket"}', start: String(T0S - 60), end: String(T0S) }), seriesVerb);
    expect((viaPost.body.data as { le: string }[]).map((s) => s.le).sort()).toEqual(['+Inf', '0.5']);
    const outside = await call(post('/api/v1/series', { 'match[]': 'http_requests_total', start: String(T0S + 1), end: String(T0S + 60) }), seriesVerb);
    expect(outside.body.data).toEqual([]);
  });

  it('truncates with limit and validates match[]', async () => {
    expect((await call(get(`/api/v1/series${qs({ 'match[]': 'http_requests_total', limit: '1' })}`), seriesVerb)).body)
      .toMatchObject({ data: [{ __name__: 'http_requests_total' }], warnings: ['results truncated due to limit'] });
    expect(await call(get('/api/v1/series'), seriesVerb)).toEqual({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'no match[] parameter provided' } });
    expect((await call(get(`/api/v1/series${qs({ 'match[]': '{job=~".*"}' })}`), seriesVerb)).body.error).toBe('vector selector must contain at least one non-empty matcher');
    expect((await call(get(`/api/v1/series${qs({ 'match[]': 'rate(up[5m])' })}`), seriesVerb)).status).toBe(400);
    expect((await call(get(`/api/v1/series${qs({ 'match[]': 'up{' })}`), seriesVerb)).body.errorType).toBe('bad_data');
  });

  it('lists label names and values', async () => {
    expect((await call(get('/api/v1/labels'), labelsVerb)).body).toEqual({ status: 'success', data: ['__name__', 'job', 'le', 'method', 'room_name'] });
    expect((await call(post('/api/v1/labels', { 'match[]': 'temperature' }), labelsVerb)).body.data).toEqual(['__name__', 'job', 'room_name']);
    expect((await call(get('/api/v1/label/method/values'), labelValuesVerb, { name: 'method' })).body.data).toEqual(['GET', 'POST']);
    expect((await call(get('/api/v1/label/__name__/values?limit=2'), labelValuesVerb, { name: '__name__' })).body)
      .toEqual({ status: 'success', data: ['http_requests_total', 'latency_seconds_bucket'], warnings: ['results truncated due to limit'] });
    expect((await call(get(`/api/v1/label/room_name/values${qs({ 'match[]': 'http_requests_total' })}`), labelValuesVerb, { name: 'room_name' })).body.data).toEqual([]);
    expect((await call(get('/api/v1/label/U__room__name/values'), labelValuesVerb, { name: 'U__room__name' })).body.data).toEqual(['lab']);
  });

  it('unescapes U__ label names', () => {
    expect(unescapeLabelName('U__http_2e_status__code')).toBe('http.status_code');
    expect(unescapeLabelName('plain_name')).toBe('plain_name');
    expect(unescapeLabelName('U__bad-char')).toBe('U__bad-char');
  });
});

describe('/api/v1/metadata and /api/v1/query_exemplars', () => {
  it('returns metadata per family, with limits', async () => {
    const { body } = await call(get('/api/v1/metadata'), metadataVerb);
    expect(body.data).toEqual({
      http_requests_total: [{ type: 'counter', help: 'http.requests help', unit: '' }],
      temperature: [{ type: 'gauge', help: 'temperature help', unit: '' }],
      latency_seconds: [{ type: 'histogram', help: 'latency help', unit: 'seconds' }],
    });
    expect(Object.keys((await call(get('/api/v1/metadata?limit=1'), metadataVerb)).body.data as object)).toHaveLength(1);
    expect((await call(get('/api/v1/metadata?limit=0'), metadataVerb)).body.data).toEqual({});
    expect((await call(get('/api/v1/metadata?metric=temperature'), metadataVerb)).body.data).toEqual({ temperature: [{ type: 'gauge', help: 'temperature help', unit: '' }] });
    expect((await call(get('/api/v1/metadata?limit=x'), metadataVerb)).body).toEqual({ status: 'error', errorType: 'bad_data', error: 'limit must be a number' });
  });

  it('returns the exemplars of every selector in a query', async () => {
    const { body } = await call(get(`/api/v1/query_exemplars${qs({ query: 'sum(rate(http_requests_total{method="GET"}[5m]))', start: String(T0S - 60), end: String(T0S) })}`), queryExemplarsVerb);
    expect(body).toEqual({ status: 'success', data: [{
      seriesLabels: { __name__: 'http_requests_total', method: 'GET', job: 'api' },
      exemplars: [{ labels: { trace_id: 'ab'.repeat(16), span_id: 'cd'.repeat(8) }, value: '0.25', timestamp: (T0 - 10) / 1000 }],
    }] });
    expect((await call(get(`/api/v1/query_exemplars${qs({ query: 'up{', start: '0', end: '1' })}`), queryExemplarsVerb)).body.errorType).toBe('bad_data');
    expect((await call(get(`/api/v1/query_exemplars${qs({ query: 'up', start: '10', end: '1' })}`), queryExemplarsVerb)).body.error)
      .toBe('end timestamp must not be before start timestamp');
  });
});

describe('/api/v1/status/buildinfo and /api/v1/targets', () => {
  it('answers build info with the package version', async () => {
    const { body } = await call(get('/api/v1/status/buildinfo'), buildinfoVerb);
    expect(body).toMatchObject({ status: 'success', data: { version: expect.stringMatching(/^\d+\.\d+\.\d+/), revision: expect.any(String), goVersion: expect.any(String) } });
  });

  it('answers the targets envelope, filtered by state', async () => {
    expect((await call(get('/api/v1/targets'), targetsVerb)).body).toEqual({ status: 'success', data: { activeTargets: expect.any(Array), droppedTargets: [] } });
    expect((await call(get('/api/v1/targets?state=dropped'), targetsVerb)).body.data).toEqual({ activeTargets: [], droppedTargets: [] });
  });
});

describe('selector parsing', () => {
  it('parses names, quoted names, all match types and string escapes', () => {
    expect(parseSeriesSelector('http_requests_total{method=~"GET|POST", code!="200", path!~`/x.*`, a=\'b\\\'c\'}')).toEqual([
      { name: '__name__', type: '=', value: 'http_requests_total' },
      { name: 'method', type: '=~', value: 'GET|POST' },
      { name: 'code', type: '!=', value: '200' },
      { name: 'path', type: '!~', value: '/x.*' },
      { name: 'a', type: '=', value: "b'c" },
    ]);
    expect(parseSeriesSelector('{"my.metric", "service.name"="x"}')).toEqual([
      { name: '__name__', type: '=', value: 'my.metric' },
      { name: 'service.name', type: '=', value: 'x' },
    ]);
    expect(unquote('"a\\n\\t\\u00e9\\x41\\101"')).toBe('a\n\té\x41A');
  });

  it('rejects the metric name twice and non-selectors', () => {
    expect(() => parseSeriesSelector('up{__name__="x"}')).toThrow(/metric name must not be set twice/);
    expect(() => parseSeriesSelector('up + up')).toThrow(/expected a series selector/);
    expect(() => parseSeriesSelector('{a=~"("}')).toThrow(/parse error/);
  });

  it('extracts every selector of a query', () => {
    expect(extractSelectors('histogram_quantile(0.9, sum by (le) (rate(a_bucket[5m]))) / on() group_left b{x="1"} offset 5m')).toEqual([
      [{ name: '__name__', type: '=', value: 'a_bucket' }],
      [{ name: '__name__', type: '=', value: 'b' }, { name: 'x', type: '=', value: '1' }],
    ]);
    expect(extractSelectors('1 + 2')).toEqual([]);
  });
});
