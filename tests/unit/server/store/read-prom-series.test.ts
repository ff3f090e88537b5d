import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExemplarRow, MetricPoint, MetricRow, MetricSeriesKey, PromSampleRow, ResourceRow, ScopeRow } from '@/server/store/rows';
import type { LabelMatcher, RawSeries } from '@/server/query/promql/types';

// A real SQLite file with the real migrations: the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-prom-series-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { createSqliteSeriesSource } = await import('@/server/store/read-prom-series');

const T0 = 1_800_000_000_000; // epoch ms; in ns (1.8e18) beyond 2^53
const ns = (ms: number, extraNs = 0n) => BigInt(ms) * 1_000_000n + extraNs;
const scope: ScopeRow = { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource = (serviceName: string): ResourceRow => ({
  serviceName, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: serviceName } }]),
});
const kv = (attrs: Record<string, string>) => JSON.stringify(Object.entries(attrs).map(([key, v]) => ({ key, value: { stringValue: v } })));

function key(name: string, kind: MetricSeriesKey['kind'], opts: { unit?: string; monotonic?: boolean; attrs?: Record<string, string>; description?: string } = {}): MetricSeriesKey {
  return {
    name, kind, unit: opts.unit ?? '', description: opts.description ?? '', temporality: kind === 'gauge' || kind === 'summary' ? 0 : 2,
    isMonotonic: opts.monotonic ?? false, attributesJson: kv(opts.attrs ?? {}), metadataJson: '[]',
  };
}
const base = (ms: number, flags = 0, exemplars: ExemplarRow[] = [], extraNs = 0n) =>
  ({ timeUnixNano: ns(ms, extraNs), startTimeUnixNano: ns(T0 - 60_000), flags, exemplars });
const num = (ms: number, value: number | bigint, opts: { flags?: number; exemplars?: ExemplarRow[]; extraNs?: bigint } = {}): MetricPoint =>
  ({ ...base(ms, opts.flags, opts.exemplars, opts.extraNs), kind: 'number', value });
const hist = (ms: number, counts: number[], bounds: number[], sum: number | null, opts: { flags?: number; exemplars?: ExemplarRow[] } = {}): MetricPoint => ({
  ...base(ms, opts.flags, opts.exemplars), kind: 'histogram', count: BigInt(counts.reduce((a, b) => a + b, 0)), sum, min: null, max: null,
  bucketCounts: counts.map(BigInt), explicitBounds: bounds,
});
const summary = (ms: number, count: number, sum: number, q: [number, number][], flags = 0): MetricPoint =>
  ({ ...base(ms, flags), kind: 'summary', count: BigInt(count), sum, quantileValues: q.map(([quantile, value]) => ({ quantile, value })) });
const expHist = (ms: number, count: number, sum: number): MetricPoint => ({
  ...base(ms), kind: 'exponentialHistogram', count: BigInt(count), sum, min: null, max: null, scale: 0, zeroCount: 0n, zeroThreshold: 0,
  positiveOffset: 0, positiveBucketCounts: [BigInt(count)], negativeOffset: 0, negativeBucketCounts: [],
});
const exemplar = (ms: number, value: number, traceHex: string, attrs: Record<string, string> = {}): ExemplarRow =>
  ({ timeUnixNano: ns(ms), value, traceId: traceHex.padStart(32, '0'), spanId: traceHex.padStart(16, '0'), filteredAttributesJson: kv(attrs) });

function write(service: string, rows: MetricRow[]) {
  createRowWriter(getSqlite())([{ metrics: [{ resource: resource(service), scope, rows }] }]);
}

const BOUNDS = [0.005, 0.1, 1];
const requests = (method: string) => key('http.requests', 'sum', { monotonic: true, attrs: { method }, description: 'Requests served' });
const latency = key('latency', 'histogram', { unit: 's', description: 'Request latency' });

beforeAll(() => {
  write('api', [
    { series: key('queue.depth', 'gauge', { attrs: { queue: 'jobs' } }), point: num(T0, 3) },
    { series: key('queue.depth', 'gauge', { attrs: { queue: 'jobs' } }), point: num(T0 + 15_000, 5) },
    { series: key('queue.depth', 'gauge', { attrs: { queue: 'jobs' } }), point: num(T0 + 30_000, 0, { flags: 1 }) }, // stale
    { series: key('queue.depth', 'gauge', { attrs: { queue: 'mail' } }), point: num(T0, NaN) }, // NULL → NaN
    { series: requests('GET'), point: num(T0, 10n, { exemplars: [exemplar(T0 - 500, 1, 'aa', { 'http.route': '/x' })] }) },
    { series: requests('GET'), point: num(T0 + 15_000, 12n) },
    { series: requests('POST'), point: num(T0, 1n) },
    { series: latency, point: hist(T0, [1, 2, 3, 4], BOUNDS, 5.5, { exemplars: [exemplar(T0 - 100, 0.05, 'bb'), exemplar(T0 - 50, 7, 'cc')] }) },
    { series: latency, point: hist(T0 + 15_000, [2, 2, 3, 5], BOUNDS, 9) },
    { series: key('rpc.duration', 'summary'), point: summary(T0, 10, 4.2, [[0.5, 0.3], [0.99, 1.2]]) },
    { series: key('rpc.duration', 'summary'), point: summary(T0 + 15_000, 0, 0, [], 1) }, // stale
    { series: key('payload.size', 'exponentialHistogram', { unit: 'By' }), point: expHist(T0, 4, 100) },
    // Window edges and duplicate milliseconds.
    { series: key('edge', 'gauge'), point: num(T0 - 1, 1, { extraNs: 999_999n }) }, // ms T0-1
    { series: key('edge', 'gauge'), point: num(T0, 2) },
    { series: key('edge', 'gauge'), point: num(T0 + 1000, 3, { extraNs: 999_999n }) }, // still ms T0+1000
    { series: key('edge', 'gauge'), point: num(T0 + 2000, 4) },
    { series: key('edge', 'gauge'), point: num(T0 + 2000, 5, { extraNs: 500n }) }, // same ms, later: wins
    { series: key('multi.line', 'gauge', { attrs: { text: 'a\nc' } }), point: num(T0, 1) },
  ]);
  write('worker', [{ series: requests('GET'), point: num(T0, 7n) }]);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = createSqliteSeriesSource();
/** Series with their columns zipped into {t, v} samples, for readable expectations. */
const select = (m: LabelMatcher[], start: number, end: number) => source.select(m, start, end)
  .map((r: RawSeries) => ({ labels: r.labels, samples: r.ts.map((t, i) => ({ t, v: r.vs[i] })), staleMarkers: r.staleMarkers }));
const eq = (name: string, value: string): LabelMatcher => ({ name, type: '=', value });
const re = (name: string, value: string): LabelMatcher => ({ name, type: '=~', value });
const metric = (name: string) => eq('__name__', name);
const W = [T0 - 60_000, T0 + 60_000] as const;
const sel = (...m: LabelMatcher[]) => select(m, ...W);
const byLabel = (series: ReturnType<typeof select>, label: string) => Object.fromEntries(series.map((s) => [s.labels[label], s]));

describe('select: gauges and counters', () => {
  it('maps number series 1:1 with their Prometheus name and labels', () => {
    const [jobs, mail] = sel(metric('queue_depth'));
    expect(jobs.labels).toEqual({ __name__: 'queue_depth', queue: 'jobs', job: 'api' });
    expect(jobs.samples).toEqual([{ t: T0, v: 3 }, { t: T0 + 15_000, v: 5 }]);
    expect(mail.samples).toHaveLength(1);
    expect(mail.samples[0].v).toBeNaN();
  });

  it('turns NO_RECORDED_VALUE points into staleness markers', () => {
    const [jobs] = sel(metric('queue_depth'), eq('queue', 'jobs'));
    expect(jobs.staleMarkers).toEqual([T0 + 30_000]);
    expect(jobs.samples.map((s) => s.t)).not.toContain(T0 + 30_000);
  });

  it('finds counters under their _total name', () => {
    const series = sel(metric('http_requests_total'));
    expect(series.map((s) => s.labels).sort((a, b) => (a.job + a.method).localeCompare(b.job + b.method))).toEqual([
      { __name__: 'http_requests_total', method: 'GET', job: 'api' },
      { __name__: 'http_requests_total', method: 'POST', job: 'api' },
      { __name__: 'http_requests_total', method: 'GET', job: 'worker' },
    ]);
    expect(sel(metric('http_requests'))).toEqual([]);
    expect(byLabel(sel(metric('http_requests_total'), eq('job', 'api')), 'method').GET.samples).toEqual([{ t: T0, v: 10 }, { t: T0 + 15_000, v: 12 }]);
  });
});

describe('select: histograms, summaries, exponential histograms', () => {
  it('expands a histogram into cumulative _bucket series with Prometheus le values, _sum and _count', () => {
    expect(sel(metric('latency_seconds'))).toEqual([]);
    const buckets = byLabel(sel(metric('latency_seconds_bucket')), 'le');
    expect(Object.keys(buckets).sort()).toEqual(['+Inf', '0.005', '0.1', '1']);
    expect(buckets['0.005'].labels).toEqual({ __name__: 'latency_seconds_bucket', job: 'api', le: '0.005' });
    expect(buckets['0.005'].samples.map((s) => s.v)).toEqual([1, 2]);
    expect(buckets['0.1'].samples.map((s) => s.v)).toEqual([3, 4]);
    expect(buckets['1'].samples.map((s) => s.v)).toEqual([6, 7]);
    expect(buckets['+Inf'].samples.map((s) => s.v)).toEqual([10, 12]);
    expect(sel(metric('latency_seconds_sum'))[0].samples).toEqual([{ t: T0, v: 5.5 }, { t: T0 + 15_000, v: 9 }]);
    expect(sel(metric('latency_seconds_count'))[0].samples).toEqual([{ t: T0, v: 10 }, { t: T0 + 15_000, v: 12 }]);
  });

  it('applies matchers on le to the expanded buckets', () => {
    expect(sel(metric('latency_seconds_bucket'), eq('le', '0.1')).map((s) => s.labels.le)).toEqual(['0.1']);
    expect(sel(metric('latency_seconds_bucket'), re('le', '0\\..*|\\+Inf')).map((s) => s.labels.le).sort()).toEqual(['+Inf', '0.005', '0.1']);
    expect(sel(metric('latency_seconds_sum'), eq('le', ''))).toHaveLength(1); // no le label on _sum
  });

  it('expands summaries into quantile series, _sum and _count; a stale point ends them all', () => {
    const q = byLabel(sel(metric('rpc_duration')), 'quantile');
    expect(Object.keys(q).sort()).toEqual(['0.5', '0.99']);
    expect(q['0.99']).toEqual({ labels: { __name__: 'rpc_duration', job: 'api', quantile: '0.99' }, samples: [{ t: T0, v: 1.2 }], staleMarkers: [T0 + 15_000] });
    expect(sel(metric('rpc_duration_count'))[0]).toMatchObject({ samples: [{ t: T0, v: 10 }], staleMarkers: [T0 + 15_000] });
    expect(sel(metric('rpc_duration_sum'))[0].samples).toEqual([{ t: T0, v: 4.2 }]);
  });

  it('exposes only _sum and _count of exponential histograms', () => {
    expect(sel(metric('payload_size_bytes_count'))[0].samples).toEqual([{ t: T0, v: 4 }]);
    expect(sel(metric('payload_size_bytes_sum'))[0].samples).toEqual([{ t: T0, v: 100 }]);
    expect(sel(metric('payload_size_bytes_bucket'))).toEqual([]);
  });
});

describe('select: matchers', () => {
  it('matches __name__ by regex across expanded names', () => {
    const names = new Set(sel(re('__name__', 'latency_.*|rpc_.*_count')).map((s) => s.labels.__name__));
    expect([...names].sort()).toEqual(['latency_seconds_bucket', 'latency_seconds_count', 'latency_seconds_sum', 'rpc_duration_count']);
    expect(sel(re('__name__', 'latency'))).toEqual([]); // fully anchored
  });

  it('supports !=, !~ and treats a missing label as ""', () => {
    expect(sel(metric('http_requests_total'), { name: 'method', type: '!=', value: 'GET' }).map((s) => s.labels.method)).toEqual(['POST']);
    expect(sel(metric('http_requests_total'), { name: 'job', type: '!~', value: 'w.*' })).toHaveLength(2);
    expect(sel(metric('http_requests_total'), eq('missing', ''))).toHaveLength(3);
    expect(sel(metric('http_requests_total'), { name: 'missing', type: '!=', value: '' })).toEqual([]);
    expect(sel(metric('http_requests_total'), re('method', 'E'))).toEqual([]);
    expect(sel(metric('http_requests_total'), re('method', 'g.*'))).toEqual([]);
    expect(sel(metric('http_requests_total'), re('method', '(?i)g.*'))).toHaveLength(2);
  });

  it('uses RE2 semantics: anchored, . matching newlines, (?i)', () => {
    expect(sel(metric('multi_line'), re('text', 'a.c'))).toHaveLength(1);
    expect(sel(metric('multi_line'), re('text', 'a'))).toEqual([]);
    expect(() => sel(metric('multi_line'), re('text', '('))).toThrow();
  });
});

describe('select: time window', () => {
  it('keeps points whose millisecond lies in [start, end], the later of one millisecond winning', () => {
    const [edge] = select([metric('edge')], T0, T0 + 2000);
    expect(edge.samples).toEqual([{ t: T0, v: 2 }, { t: T0 + 1000, v: 3 }, { t: T0 + 2000, v: 5 }]);
    expect(select([metric('edge')], T0 - 1, T0 - 1)[0].samples).toEqual([{ t: T0 - 1, v: 1 }]);
    expect(select([metric('edge')], T0 + 1, T0 + 999)).toEqual([]);
    expect(select([metric('edge')], T0 + 1001, T0 + 1999)).toEqual([]);
  });

  it('returns only series with a sample or marker in the window', () => {
    expect(select([metric('queue_depth')], T0 + 20_000, T0 + 40_000)).toEqual([
      { labels: { __name__: 'queue_depth', queue: 'jobs', job: 'api' }, samples: [], staleMarkers: [T0 + 30_000] },
    ]);
  });

  it('sees series written after the catalogue was cached', () => {
    expect(sel(metric('late_gauge'))).toEqual([]);
    write('api', [{ series: key('late.gauge', 'gauge'), point: num(T0, 42) }]);
    expect(sel(metric('late_gauge'))[0].samples).toEqual([{ t: T0, v: 42 }]);
  });

  it('sees a late sample written inside a range already read (and cached) before', () => {
    const old = Math.floor(Date.now() / 1000) * 1000 - 3_600_000; // settled: cacheable
    const series = key('backfilled.gauge', 'gauge');
    write('api', [{ series, point: num(old, 1) }, { series, point: num(old + 30_000, 3) }]);
    const window = [old - 60_000, old + 60_000] as const;
    expect(select([metric('backfilled_gauge')], ...window)[0].samples.map((x) => x.v)).toEqual([1, 3]);
    expect(select([metric('backfilled_gauge')], ...window)[0].samples.map((x) => x.v)).toEqual([1, 3]);
    write('api', [{ series, point: num(old + 15_000, 2) }]);
    expect(select([metric('backfilled_gauge')], ...window)[0].samples.map((x) => x.v)).toEqual([1, 2, 3]);
  });
});

describe('metadata reads', () => {
  it('lists label names, including le and quantile of expanded series', () => {
    expect(source.listLabelNames(undefined, ...W)).toEqual(['__name__', 'job', 'le', 'method', 'quantile', 'queue', 'text']);
    expect(source.listLabelNames([[metric('http_requests_total')]], ...W)).toEqual(['__name__', 'job', 'method']);
    expect(source.listLabelNames([[metric('queue_depth')]], T0 + 100_000, T0 + 200_000)).toEqual([]);
  });

  it('lists label values', () => {
    expect(source.listLabelValues('job', undefined, ...W)).toEqual(['api', 'worker']);
    expect(source.listLabelValues('method', [[eq('job', 'api')]], ...W)).toEqual(['GET', 'POST']);
    expect(source.listLabelValues('le', undefined, ...W)).toEqual(['+Inf', '0.005', '0.1', '1']);
    expect(source.listLabelValues('quantile', [[metric('rpc_duration')]], ...W)).toEqual(['0.5', '0.99']);
    expect(source.listLabelValues('__name__', [[re('__name__', 'latency.*')]], ...W))
      .toEqual(['latency_seconds_bucket', 'latency_seconds_count', 'latency_seconds_sum']);
  });

  it('lists series label sets, deduplicated across selectors', () => {
    const series = source.listSeries([[metric('latency_seconds_bucket'), eq('le', '1')], [re('__name__', 'latency_seconds_(bucket|count)')]], ...W);
    expect(series).toHaveLength(5);
    expect(series[0]).toEqual({ __name__: 'latency_seconds_bucket', job: 'api', le: '1' });
  });

  it('lists metadata per metric family', () => {
    const meta = source.listMetadata();
    expect(meta.http_requests_total).toEqual([{ type: 'counter', help: 'Requests served', unit: '' }]);
    expect(meta.latency_seconds).toEqual([{ type: 'histogram', help: 'Request latency', unit: 'seconds' }]);
    expect(meta.queue_depth).toEqual([{ type: 'gauge', help: '', unit: '' }]);
    expect(meta.rpc_duration[0].type).toBe('summary');
    expect(Object.keys(source.listMetadata('latency_seconds'))).toEqual(['latency_seconds']);
  });
});

describe('scraped series (stored with their final Prometheus names)', () => {
  const scraped = (name: string, labels: Record<string, string>, value: number, opts: { stale?: boolean; exemplar?: ExemplarRow; ms?: number } = {}): PromSampleRow => ({
    series: { name, labels: { job: 'node', instance: 'h:9100', ...labels }, kind: name.endsWith('_bucket') || name.endsWith('_count') ? 'sum' : 'gauge',
      isMonotonic: name.endsWith('_bucket') || name.endsWith('_count'), promType: 'histogram', help: 'Scrape latency', unit: 'seconds' },
    timeUnixNano: ns(opts.ms ?? T0), value, stale: opts.stale ?? false, exemplar: opts.exemplar ?? null,
  });
  beforeAll(() => {
    createRowWriter(getSqlite())([{ promSamples: [{ job: 'node', instance: 'h:9100', samples: [
      scraped('scrape_latency_seconds_bucket', { le: '0.5' }, 4, { exemplar: exemplar(T0 - 5, 0.2, 'dd') }),
      scraped('scrape_latency_seconds_bucket', { le: '+Inf' }, 5),
      scraped('scrape_latency_seconds_sum', {}, 1.25),
      scraped('scrape_latency_seconds_count', {}, 5),
      scraped('scrape_latency_seconds_count', {}, 0, { stale: true, ms: T0 + 15_000 }),
    ] }] }]);
  });

  it('selects them 1:1 by name and labels, with staleness markers', () => {
    expect(sel(metric('scrape_latency_seconds_bucket'), eq('le', '0.5'))).toEqual([
      { labels: { __name__: 'scrape_latency_seconds_bucket', instance: 'h:9100', job: 'node', le: '0.5' }, samples: [{ t: T0, v: 4 }], staleMarkers: [] },
    ]);
    expect(sel(metric('scrape_latency_seconds_count'))[0]).toMatchObject({ samples: [{ t: T0, v: 5 }], staleMarkers: [T0 + 15_000] });
    expect(sel(metric('scrape_latency_seconds'))).toEqual([]);
  });

  it('reports metadata per family with the scraped type and unit', () => {
    expect(source.listMetadata('scrape_latency_seconds')).toEqual({ scrape_latency_seconds: [{ type: 'histogram', help: 'Scrape latency', unit: 'seconds' }] });
  });

  it('returns their exemplars on the series they were scraped with', () => {
    expect(source.queryExemplars([[metric('scrape_latency_seconds_bucket')]], ...W)).toEqual([{
      seriesLabels: { __name__: 'scrape_latency_seconds_bucket', instance: 'h:9100', job: 'node', le: '0.5' },
      exemplars: [{ labels: { trace_id: 'dd'.padStart(32, '0'), span_id: 'dd'.padStart(16, '0') }, value: 0.2, timestamp: (T0 - 5) / 1000 }],
    }]);
  });
});

describe('exemplars', () => {
  it('returns counter exemplars with their attributes, trace and span ids', () => {
    const groups = source.queryExemplars([[metric('http_requests_total'), eq('job', 'api')]], ...W);
    expect(groups).toEqual([{
      seriesLabels: { __name__: 'http_requests_total', method: 'GET', job: 'api' },
      exemplars: [{ labels: { http_route: '/x', trace_id: 'aa'.padStart(32, '0'), span_id: 'aa'.padStart(16, '0') }, value: 1, timestamp: (T0 - 500) / 1000 }],
    }]);
  });

  it('attaches histogram exemplars to the bucket holding their value', () => {
    const groups = source.queryExemplars([[metric('latency_seconds_bucket')], [metric('latency_seconds_bucket'), eq('le', '0.1')]], ...W);
    expect(groups.map((g) => [g.seriesLabels.le, g.exemplars.map((e) => e.value)])).toEqual([['0.1', [0.05]], ['+Inf', [7]]]);
    expect(source.queryExemplars([[metric('latency_seconds_bucket'), eq('le', '1')]], ...W)).toEqual([]);
    expect(source.queryExemplars([[metric('latency_seconds_count')]], ...W)).toEqual([]);
    expect(source.queryExemplars([[metric('latency_seconds_bucket')]], T0, T0 + 1000)).toEqual([]);
  });
});
