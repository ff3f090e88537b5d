/**
 * Differential test: the same samples in a real Prometheus (promtool backfill) and in Sightline (its
 * store's scrape path); a broad set of instant and range queries must return the same series and
 * values (relative difference < 1e-5), errors included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { generateDataset, renderOpenMetrics } from '../support/prom-dataset';
import { loadPromDataset } from '../support/load-prom-dataset';
import { PROMETHEUS_BIN, referenceCompat, startPrometheusWithData, type RealPrometheus } from '../support/real-prometheus';
import { diffPromAnswers, type PromAnswer } from '../support/compare-prom';

const HOUR = 3_600_000;
// Data: one hour at 15 s, ending on a whole hour at least an hour ago (inside Prometheus's retention).
const END = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const START = END - HOUR;

const INSTANT_QUERIES = [
  'dt_requests_total', 'dt_queue_depth{route="/cart"}', 'dt_queue_depth{route=~"/c.*"}', 'dt_queue_depth{route!~"/c.*",shard="0"}',
  'dt_requests_total offset 10m', 'dt_queue_depth @ ' + String((END - 30 * 60_000) / 1000),
  'rate(dt_requests_total[5m])', 'irate(dt_requests_total[1m])', 'increase(dt_requests_total[10m])', 'resets(dt_requests_total[30m])',
  'changes(dt_queue_depth[10m])', 'delta(dt_queue_depth[10m])', 'idelta(dt_queue_depth[5m])', 'deriv(dt_queue_depth[10m])',
  'predict_linear(dt_queue_depth[10m], 600)',
  'avg_over_time(dt_queue_depth[10m])', 'min_over_time(dt_queue_depth[10m])', 'max_over_time(dt_queue_depth[10m])',
  'sum_over_time(dt_queue_depth[10m])', 'count_over_time(dt_queue_depth[10m])', 'quantile_over_time(0.9, dt_queue_depth[10m])',
  'stddev_over_time(dt_queue_depth[10m])', 'stdvar_over_time(dt_queue_depth[10m])', 'last_over_time(dt_queue_depth[10m])',
  'present_over_time(dt_queue_depth[10m])', 'absent_over_time(nonexistent[5m])', 'absent(nonexistent{job="x"})',
  'sum(rate(dt_requests_total[5m]))', 'sum by (route) (rate(dt_requests_total[5m]))', 'sum without (instance, shard) (rate(dt_requests_total[5m]))',
  'avg by (route) (dt_queue_depth)', 'min(dt_queue_depth)', 'max by (shard) (dt_queue_depth)', 'count(dt_queue_depth)', 'group by (route) (dt_queue_depth)',
  'stddev(dt_queue_depth)', 'stdvar by (route) (dt_queue_depth)', 'topk(3, dt_queue_depth)', 'bottomk(2, dt_queue_depth)',
  'quantile(0.75, dt_queue_depth)', 'count_values("v", round(dt_queue_depth / 20))',
  'histogram_quantile(0.9, sum by (le) (rate(dt_request_duration_seconds_bucket[5m])))',
  'histogram_quantile(0.5, sum by (le, route) (rate(dt_request_duration_seconds_bucket[5m])))',
  'histogram_quantile(0.99, rate(dt_request_duration_seconds_bucket[10m]))',
  'rate(dt_request_duration_seconds_sum[5m]) / rate(dt_request_duration_seconds_count[5m])',
  'dt_rpc_seconds{quantile="0.99"}', 'sum(dt_rpc_seconds_count) by (route)',
  'dt_queue_depth > 50', 'dt_queue_depth > bool 50', 'dt_queue_depth + on(instance, route, shard, job) dt_queue_depth',
  'sum by (route) (rate(dt_requests_total{code="500"}[5m])) / ignoring(code) sum by (route) (rate(dt_requests_total[5m]))',
  'rate(dt_requests_total[5m]) * on(instance, route, shard, job) group_left dt_queue_depth',
  'dt_queue_depth and dt_queue_depth > 40', 'dt_queue_depth or dt_rpc_seconds_count', 'dt_queue_depth unless dt_queue_depth > 40',
  '2 * 3 ^ 2 ^ 0.5 - 1', '-dt_queue_depth % 7', 'atan2(dt_queue_depth, 10) ', '1e3 + 0x3d', 'Inf', 'NaN',
  'abs(-dt_queue_depth)', 'ceil(dt_queue_depth)', 'floor(dt_queue_depth)', 'round(dt_queue_depth, 5)', 'clamp(dt_queue_depth, 20, 60)',
  'clamp_min(dt_queue_depth, 40)', 'clamp_max(dt_queue_depth, 40)', 'exp(dt_queue_depth / 100)', 'ln(dt_queue_depth + 1)',
  'log2(dt_queue_depth + 1)', 'log10(dt_queue_depth + 1)', 'sqrt(dt_queue_depth)', 'sgn(dt_queue_depth - 50)',
  'timestamp(dt_queue_depth)', 'time()', 'vector(1)', 'scalar(sum(dt_queue_depth))', 'sort(dt_queue_depth)', 'sort_desc(dt_queue_depth)',
  'label_replace(dt_queue_depth, "host", "$1", "instance", "(.*):.*")', 'label_join(dt_queue_depth, "id", "-", "route", "shard")',
  'hour()', 'minute(vector(1700000000))', 'day_of_week()', 'day_of_month()', 'day_of_year()', 'days_in_month()', 'month()', 'year()',
  'max_over_time(rate(dt_requests_total[1m])[10m:1m])', 'sum(dt_queue_depth) / count(dt_queue_depth)',
  // errors must agree too
  'sum(', 'rate(dt_queue_depth)', 'dt_queue_depth + on(route) dt_queue_depth',
];

const RANGE_QUERIES = [
  'rate(dt_requests_total[5m])', 'sum by (route) (rate(dt_requests_total[5m]))', 'dt_queue_depth',
  'histogram_quantile(0.95, sum by (le) (rate(dt_request_duration_seconds_bucket[5m])))', 'avg_over_time(dt_queue_depth[5m])',
  'increase(dt_requests_total[2m])', 'dt_queue_depth offset 5m', 'deriv(dt_queue_depth[5m])', 'time()',
];

const hasPrometheus = fs.existsSync(PROMETHEUS_BIN);

describe.skipIf(!hasPrometheus && !process.env.CI)('PromQL: Sightline vs a real Prometheus on the same samples', () => {
  let prom: RealPrometheus;
  let sightline: RunningServer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-diff-'));

  beforeAll(async () => {
    const data = generateDataset({ instances: 24, startMs: START, endMs: END, stepMs: 15_000 });
    prom = await startPrometheusWithData(renderOpenMetrics(data));
    const dbFile = path.join(dir, 'sightline.db');
    loadPromDataset(dbFile, data);
    sightline = await startServer({
      SIGHTLINE_DB: dbFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '0', SIGHTLINE_PROMETHEUS_COMPAT: referenceCompat(),
    });
  }, 120_000);

  afterAll(async () => {
    await sightline?.stop();
    await prom?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (base: string, pathname: string, params: Record<string, string>): Promise<PromAnswer> =>
    (await fetch(`${base}${pathname}?${new URLSearchParams(params)}`)).json() as Promise<PromAnswer>;

  it('answers instant queries like Prometheus', async () => {
    const failures: string[] = [];
    for (const query of INSTANT_QUERIES) {
      for (const t of [END - 20 * 60_000, END - 37_500, END + 2 * 60_000]) {
        const params = { query, time: String(t / 1000) };
        const diff = diffPromAnswers(await ask(sightline.url, '/api/v1/query', params), await ask(prom.url, '/api/v1/query', params));
        if (diff.length) failures.push(`${query} @${t / 1000}:\n    ${diff.join('\n    ')}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('answers range queries like Prometheus', async () => {
    const failures: string[] = [];
    for (const query of RANGE_QUERIES) {
      const params = { query, start: String((START + 10 * 60_000) / 1000), end: String((END + 60_000) / 1000), step: '30' };
      const diff = diffPromAnswers(await ask(sightline.url, '/api/v1/query_range', params), await ask(prom.url, '/api/v1/query_range', params));
      if (diff.length) failures.push(`${query}:\n    ${diff.join('\n    ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('lists series, labels and label values like Prometheus', async () => {
    const range = { start: String(START / 1000), end: String(END / 1000) };
    const failures: string[] = [];
    for (const [pathname, params] of [
      ['/api/v1/labels', range], ['/api/v1/label/route/values', range], ['/api/v1/label/__name__/values', range],
      ['/api/v1/series', { ...range, 'match[]': 'dt_queue_depth{route="/cart"}' }],
    ] as const) {
      const [a, b] = [await ask(sightline.url, pathname, params), await ask(prom.url, pathname, params)];
      const norm = (x: PromAnswer) => JSON.stringify(Array.isArray(x.data) ? [...(x.data as unknown[])].map((v) => JSON.stringify(v)).sort() : x);
      if (norm(a) !== norm(b)) failures.push(`${pathname}: ${norm(a).slice(0, 300)}\n  want ${norm(b).slice(0, 300)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
