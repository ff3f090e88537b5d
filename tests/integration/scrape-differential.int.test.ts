/**
 * Differential test of the whole scrape path: a real Prometheus and Sightline both scrape the same
 * prom-client exporter (counter, gauge, histogram, summary) every second; the same instant and range
 * queries must then agree (relative difference < 1e-5), and so must series, labels and metadata.
 *
 * Why explicit timestamps: two scrapers never fire at the same instant, so their samples would differ in
 * time and every rate would differ slightly. The exporter instead advances in ticks; each tick's text is
 * rendered once and carries the tick's timestamp on every sample (text format 0.0.4, milliseconds), and
 * both scrapers honour it (honor_timestamps defaults to true in both). A tick lasts longer than two scrape
 * intervals, so each scraper sees every tick at least once; re-scraping a tick yields duplicates of the same
 * (timestamp, value), which both must ignore.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { PROMETHEUS_BIN, referenceCompat, startPrometheusWithConfig, type RealPrometheus } from '../support/real-prometheus';
import { diffPromAnswers, type PromAnswer } from '../support/compare-prom';

const TICK_MS = 2_500;
const TICKS = 16;
const ROUTES = ['/cart', '/checkout', '/orders'];

/** Deterministic pseudo-random numbers (LCG), so failures reproduce. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** prom-client's text with ` <ms>` appended to every sample line. */
function withTimestamps(text: string, ms: number): string {
  return text.split('\n').map((line) => (line === '' || line.startsWith('#') ? line : `${line} ${ms}`)).join('\n');
}

const hasPrometheus = fs.existsSync(PROMETHEUS_BIN);

const ask = async (base: string, pathname: string, params: Record<string, string>): Promise<PromAnswer> =>
  (await fetch(`${base}${pathname}?${new URLSearchParams(params)}`)).json() as Promise<PromAnswer>;

describe.skipIf(!hasPrometheus && !process.env.CI)('Scraping: Sightline and a real Prometheus scrape the same exporter', () => {
  let prom: RealPrometheus;
  let sightline: RunningServer;
  let exporter: http.Server;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-scrape-diff-'));
  const ticks: number[] = [];

  beforeAll(async () => {
    const registry = new client.Registry();
    const requests = new client.Counter({ name: 'xd_requests_total', help: 'Requests served.', labelNames: ['route', 'code'], registers: [registry] });
    const queue = new client.Gauge({ name: 'xd_queue_depth', help: 'Jobs waiting.', labelNames: ['route'], registers: [registry] });
    const latency = new client.Histogram({
      name: 'xd_request_duration_seconds', help: 'Request latency.', labelNames: ['route'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    });
    // A long window so quantiles do not age out between a tick's render and later scrapes (the text is cached anyway).
    const rpc = new client.Summary({ name: 'xd_rpc_seconds', help: 'RPC latency.', percentiles: [0.5, 0.9, 0.99], maxAgeSeconds: 600, ageBuckets: 1, registers: [registry] });
    const random = lcg(42);
    let text = '';
    const tick = async () => {
      for (const route of ROUTES) {
        requests.inc({ route, code: '200' }, Math.floor(random() * 20));
        if (random() < 0.4) requests.inc({ route, code: '500' }, 1 + Math.floor(random() * 3));
        queue.set({ route }, Math.round(random() * 1000) / 10);
        for (let i = 0; i < 5; i++) latency.observe({ route }, random() * random() * 3);
      }
      for (let i = 0; i < 4; i++) rpc.observe(random() * 0.5);
      const t = Math.floor(Date.now() / 1000) * 1000;
      ticks.push(t);
      text = withTimestamps(await registry.metrics(), t);
    };
    // Empty until both scrapers are running, so neither holds a tick the other missed.
    exporter = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(text);
    });
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(exporter.address() as AddressInfo).port}`;
    const yaml = `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: xd\n    static_configs:\n      - targets: ['${target}']\n`;
    const configFile = path.join(dir, 'sightline.yaml');
    fs.writeFileSync(configFile, yaml);
    [prom, sightline] = await Promise.all([
      startPrometheusWithConfig(yaml),
      startServer({ SIGHTLINE_DB: path.join(dir, 'sightline.db'), SIGHTLINE_CONFIG: configFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '0', SIGHTLINE_PROMETHEUS_COMPAT: referenceCompat() }),
    ]);
    const scraping = async (base: string) => {
      const body = await ask(base, '/api/v1/query', { query: 'up{job="xd"} == 1' });
      return Array.isArray(body.data?.result) && body.data.result.length === 1;
    };
    for (const deadline = Date.now() + 60_000; !((await scraping(prom.url)) && (await scraping(sightline.url)));) {
      if (Date.now() > deadline) throw new Error('the scrapers did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    for (let i = 0; i < TICKS; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, TICK_MS));
      await tick();
    }
    // The last tick stays on offer: give both scrapers time to take it.
    await new Promise((r) => setTimeout(r, 3_000));
  }, 120_000);

  afterAll(async () => {
    await sightline?.stop();
    await prom?.stop();
    await new Promise((r) => (exporter ? exporter.close(r) : r(undefined)));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const compare = async (pathname: string, params: Record<string, string>) =>
    diffPromAnswers(await ask(sightline.url, pathname, params), await ask(prom.url, pathname, params));

  const INSTANT = [
    'xd_requests_total', 'xd_queue_depth', 'xd_request_duration_seconds_bucket', 'xd_request_duration_seconds_sum',
    'xd_request_duration_seconds_count', 'xd_rpc_seconds', 'xd_rpc_seconds_sum', 'xd_rpc_seconds_count',
    'rate(xd_requests_total[10s])', 'increase(xd_requests_total[15s])', 'irate(xd_requests_total[10s])',
    'sum by (code) (rate(xd_requests_total[20s]))',
    'histogram_quantile(0.9, sum by (le) (rate(xd_request_duration_seconds_bucket[20s])))',
    'histogram_quantile(0.5, sum by (le, route) (rate(xd_request_duration_seconds_bucket[15s])))',
    'rate(xd_request_duration_seconds_sum[20s]) / rate(xd_request_duration_seconds_count[20s])',
    'avg_over_time(xd_queue_depth[10s])', 'max_over_time(xd_queue_depth[20s])', 'changes(xd_queue_depth[20s])',
    'deriv(xd_queue_depth[20s])', 'delta(xd_queue_depth[10s])', 'count_over_time(xd_rpc_seconds[15s])',
    'topk(2, xd_queue_depth)', 'count by (__name__) ({__name__=~"xd_.*"})', 'up{job="xd"}',
  ];

  it('answers instant queries like Prometheus', async () => {
    const last = ticks.at(-1)!;
    const failures: string[] = [];
    // On a tick, between ticks, and after the last one (lookback).
    for (const t of [last, last - Math.floor(TICK_MS * 2.4), ticks[Math.floor(TICKS / 2)] + 1_000, last + 20_000]) {
      for (const query of INSTANT) {
        const diff = await compare('/api/v1/query', { query, time: String(t / 1000) });
        if (diff.length) failures.push(`${query} @${t / 1000}:\n    ${diff.join('\n    ')}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('answers range queries like Prometheus', async () => {
    const failures: string[] = [];
    const range = { start: String((ticks[2] - 500) / 1000), end: String((ticks.at(-1)! + 5_000) / 1000), step: '1.5' };
    for (const query of INSTANT.filter((q) => !q.startsWith('up'))) {
      const diff = await compare('/api/v1/query_range', { query, ...range });
      if (diff.length) failures.push(`${query}:\n    ${diff.join('\n    ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('lists the same series, label values and metadata', async () => {
    const range = { start: String(ticks[0] / 1000 - 60), end: String(ticks.at(-1)! / 1000 + 60) };
    const sorted = (x: PromAnswer) => JSON.stringify([...(x.data as unknown as unknown[])].map((v) => JSON.stringify(v)).sort());
    for (const [pathname, params] of [
      ['/api/v1/series', { ...range, 'match[]': '{__name__=~"xd_.*"}' }],
      ['/api/v1/labels', { ...range, 'match[]': '{__name__=~"xd_.*"}' }],
      ['/api/v1/label/route/values', range],
      ['/api/v1/label/le/values', { ...range, 'match[]': 'xd_request_duration_seconds_bucket' }],
    ] as const) {
      const [got, want] = [await ask(sightline.url, pathname, params), await ask(prom.url, pathname, params)];
      expect(sorted(got), pathname).toBe(sorted(want));
    }
    const metadata = async (base: string) => (await ask(base, '/api/v1/metadata', {})).data as unknown as Record<string, unknown>;
    const want = Object.fromEntries(Object.entries(await metadata(prom.url)).filter(([k]) => k.startsWith('xd_')));
    const got = Object.fromEntries(Object.entries(await metadata(sightline.url)).filter(([k]) => k.startsWith('xd_')));
    expect(got).toEqual(want);
  });
});
