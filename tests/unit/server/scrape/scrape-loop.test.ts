import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WriteBatch } from '@/server/store/rows';
import { parseScrapeConfig, resolveTargets, type ResolvedTarget } from '@/server/scrape/config';

// The scrape loop end to end, minus the server: a real prom-client exporter on loopback, the real row
// writer on a temporary SQLite file (the store is never mocked), a pinned clock.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-scrape-loop-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { ScrapeManager, TargetLoop, newTargetStatus } = await import('@/server/scrape/scrape-loop');
const { getTargetsSnapshot, resetScrapeState, scrapeState } = await import('@/server/scrape/targets-state');

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const T0 = 1_800_000_000_000;

type Mode = 'ok' | 'garbage' | 'status500' | 'slow' | 'huge';
let mode: Mode = 'ok';
const registry = new client.Registry<client.OpenMetricsContentType>();
registry.setContentType(client.Registry.OPENMETRICS_CONTENT_TYPE);
const requests = new client.Counter({ name: 'shop_requests_total', help: 'Requests served.', labelNames: ['route'], registers: [registry] });
const latency = new client.Histogram({
  name: 'shop_request_duration_seconds', help: 'Request latency.', labelNames: ['route'], buckets: [0.1, 1],
  registers: [registry], enableExemplars: true,
});

let exporter: http.Server;
let port = 0;
let now = T0;
let writes: WriteBatch[] = [];

beforeAll(async () => {
  exporter = http.createServer((_req, res) => {
    void (async () => {
      if (mode === 'garbage') return res.writeHead(200, { 'content-type': 'text/plain' }).end('<html>oops</html>\n');
      if (mode === 'status500') return res.writeHead(500).end('boom');
      if (mode === 'slow') return setTimeout(() => res.writeHead(200).end('late 1\n'), 1500);
      if (mode === 'huge') return res.writeHead(200, { 'content-type': 'text/plain' }).end(`big ${'1'.repeat(5000)}\n`);
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    })();
  });
  await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
  port = (exporter.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => exporter.close(resolve));
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const writer = () => {
  const write = createRowWriter(getSqlite());
  return (batch: WriteBatch) => {
    writes.push(batch);
    write([batch]);
    return Promise.resolve();
  };
};

function target(job: string, extra = ''): ResolvedTarget {
  const [t] = resolveTargets(parseScrapeConfig(`
scrape_configs:
  - job_name: ${job}
    scrape_interval: 5s
    scrape_timeout: 1s
${extra}
    static_configs:
      - targets: ['127.0.0.1:${port}']
        labels: { env: test }
`));
  return t;
}

interface PointRow { prom_name: string; prom_labels: string; value: number | null; flags: number; time_unix_nano: bigint }

function points(job: string, name?: string): PointRow[] {
  return getSqlite().prepare(
    `SELECT ms.prom_name, ms.prom_labels, p.value, p.flags, p.time_unix_nano FROM metric_number_points p
     JOIN metric_series ms ON ms.id = p.series_id
     WHERE json_extract(ms.prom_labels, '$.job') = ? AND (? IS NULL OR ms.prom_name = ?)
     ORDER BY p.time_unix_nano, ms.prom_name, ms.prom_labels`,
  ).safeIntegers(true).all(job, name ?? null, name ?? null).map((r) => {
    const row = r as { prom_name: string; prom_labels: string; value: unknown; flags: bigint; time_unix_nano: bigint };
    return { ...row, value: row.value === null ? null : Number(row.value), flags: Number(row.flags) };
  });
}

const upValues = (job: string) => points(job, 'up').map((p) => p.value);
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

function loopFor(t: ResolvedTarget) {
  const status = newTargetStatus(t);
  const loop = new TargetLoop(t, status, { store: writer(), now: () => now });
  return { loop, status };
}

beforeEach(() => {
  mode = 'ok';
  writes = [];
  requests.reset();
  latency.reset();
  resetScrapeState();
});

describe('scrape loop', () => {
  it('stores samples with their Prometheus identity, report series and exemplars, and marks vanished series stale', async () => {
    const t = target('shop');
    const { loop, status } = loopFor(t);
    requests.inc({ route: '/a' }, 3);
    requests.inc({ route: '/b' });
    latency.observe({ labels: { route: '/a' }, value: 0.05, exemplarLabels: { trace_id: TRACE, span_id: SPAN } as client.LabelValues<string> });

    now = T0;
    await loop.scrapeOnce();
    expect(status).toMatchObject({ health: 'up', lastError: '', lastScrapeMs: T0 });
    expect(status.lastSamplesScraped).toBe(2 + 3 * 1 + 2); // 2 counters, 3 buckets, sum, count

    const instance = `127.0.0.1:${port}`;
    const labels = (extra: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries({ env: 'test', instance, job: 'shop', ...extra }).sort(([a], [b]) => a.localeCompare(b))));
    const first = points('shop').filter((p) => p.time_unix_nano === ns(T0));
    expect(first.map((p) => [p.prom_name, p.prom_labels, p.value])).toEqual([
      ['scrape_duration_seconds', labels({}), expect.any(Number)],
      ['scrape_samples_post_metric_relabeling', labels({}), 7],
      ['scrape_samples_scraped', labels({}), 7],
      ['scrape_series_added', labels({}), 7],
      ['shop_request_duration_seconds_bucket', labels({ le: '+Inf', route: '/a' }), 1],
      ['shop_request_duration_seconds_bucket', labels({ le: '0.1', route: '/a' }), 1],
      ['shop_request_duration_seconds_bucket', labels({ le: '1.0', route: '/a' }), 1],
      ['shop_request_duration_seconds_count', labels({ route: '/a' }), 1],
      ['shop_request_duration_seconds_sum', labels({ route: '/a' }), 0.05],
      ['shop_requests_total', labels({ route: '/a' }), 3],
      ['shop_requests_total', labels({ route: '/b' }), 1],
      ['up', labels({}), 1],
    ]);

    const series = getSqlite().prepare(
      `SELECT ms.fingerprint, ms.name, ms.kind, ms.temporality, ms.is_monotonic, ms.description, ms.attributes, ms.metadata,
         ms.service_name, r.attributes AS resource_attributes, s.name AS scope_name
       FROM metric_series ms JOIN resources r ON r.id = ms.resource_id JOIN scopes s ON s.id = ms.scope_id
       WHERE ms.prom_name = 'shop_requests_total' AND json_extract(ms.prom_labels, '$.route') = '/a'`,
    ).get() as Record<string, string | number>;
    expect(series.fingerprint).toMatch(/^prom:[0-9a-f]{40}$/);
    expect(series).toMatchObject({
      name: 'shop_requests_total', kind: 'sum', temporality: 2, is_monotonic: 1, description: 'Requests served.',
      service_name: 'shop', scope_name: 'sightline.scrape',
      attributes: JSON.stringify([{ key: 'env', value: { stringValue: 'test' } }, { key: 'route', value: { stringValue: '/a' } }]),
      metadata: JSON.stringify([{ key: 'prometheus.type', value: { stringValue: 'counter' } }]),
      resource_attributes: JSON.stringify([
        { key: 'service.name', value: { stringValue: 'shop' } }, { key: 'service.instance.id', value: { stringValue: instance } }]),
    });

    const exemplars = () => getSqlite().prepare(
      `SELECT e.trace_id, e.span_id, e.value, e.point_time_unix_nano, e.filtered_attributes, ms.prom_labels FROM exemplars e
       JOIN metric_series ms ON ms.id = e.series_id WHERE ms.prom_name = 'shop_request_duration_seconds_bucket'`,
    ).safeIntegers(true).all() as { trace_id: string; span_id: string; value: number; point_time_unix_nano: bigint; filtered_attributes: string; prom_labels: string }[];
    expect(exemplars()).toEqual([{ trace_id: TRACE, span_id: SPAN, value: 0.05, point_time_unix_nano: ns(T0), filtered_attributes: '[]', prom_labels: labels({ le: '0.1', route: '/a' }) }]);

    // Second scrape: /b is gone (stale marker), the same exemplar is not stored twice.
    requests.remove({ route: '/b' });
    now = T0 + 5000;
    await loop.scrapeOnce();
    const second = points('shop').filter((p) => p.time_unix_nano === ns(T0 + 5000));
    const gone = second.find((p) => p.prom_name === 'shop_requests_total' && p.prom_labels === labels({ route: '/b' }));
    expect(gone).toMatchObject({ value: null, flags: 1 });
    expect(second.find((p) => p.prom_name === 'scrape_series_added')?.value).toBe(0);
    expect(exemplars()).toHaveLength(1);

    // Third scrape: a malformed body fails only this scrape: up=0, every series stale, the error kept.
    mode = 'garbage';
    now = T0 + 10_000;
    await loop.scrapeOnce();
    expect(status.health).toBe('down');
    expect(status.lastError).toBe('line 1: expected a metric name or comment, found "<html>oops</html>"');
    const third = points('shop').filter((p) => p.time_unix_nano === ns(T0 + 10_000));
    expect(third.filter((p) => p.flags === 1).map((p) => p.prom_name).sort()).toEqual([
      'shop_request_duration_seconds_bucket', 'shop_request_duration_seconds_bucket', 'shop_request_duration_seconds_bucket',
      'shop_request_duration_seconds_count', 'shop_request_duration_seconds_sum', 'shop_requests_total',
    ]);
    expect(upValues('shop')).toEqual([1, 1, 0]);

    // Recovery: up again, no markers (nothing tracked after the failure), the exemplar is stored again.
    mode = 'ok';
    now = T0 + 15_000;
    await loop.scrapeOnce();
    expect(status).toMatchObject({ health: 'up', lastError: '' });
    expect(upValues('shop')).toEqual([1, 1, 0, 1]);
    expect(points('shop').filter((p) => p.time_unix_nano === ns(T0 + 15_000) && p.flags === 1)).toEqual([]);
    expect(exemplars()).toHaveLength(2);
  });

  it('sends the OpenMetrics-first Accept header and reads text format replies too', async () => {
    let accept = '';
    const seen = http.createServer((req, res) => {
      accept = req.headers.accept ?? '';
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end('# TYPE plain gauge\nplain{a="1"} 2\n');
    });
    await new Promise<void>((resolve) => seen.listen(0, '127.0.0.1', resolve));
    try {
      const [t] = resolveTargets(parseScrapeConfig(`scrape_configs:\n  - job_name: plain\n    static_configs: [{ targets: ['127.0.0.1:${(seen.address() as AddressInfo).port}'] }]\n`));
      const { loop, status } = loopFor(t);
      now = T0;
      await loop.scrapeOnce();
      expect(accept).toBe('application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5');
      expect(status.health).toBe('up');
      expect(points('plain', 'plain').map((p) => p.value)).toEqual([2]);
    } finally {
      await new Promise((resolve) => seen.close(resolve));
    }
  });

  it.each([
    ['status500', '', 'server returned HTTP status 500 Internal Server Error'],
    ['slow', '', 'scrape timed out after 1s'],
    ['huge', '    body_size_limit: 1KB', 'body size limit exceeded (1024 bytes)'],
    ['ok', '    sample_limit: 1', 'sample limit exceeded'],
    ['ok', '    label_limit: 3', 'label_limit exceeded (metric: shop_requests_total, number of labels: 5, limit: 3)'],
    ['ok', '    label_value_length_limit: 5', 'label_value_length_limit exceeded (metric: shop_requests_total, label name: __name__'],
  ] as [Mode, string, string][])('fails the scrape (up=0) when %s%s', async (m, extra, error) => {
    requests.inc({ route: '/a' });
    requests.inc({ route: '/b' });
    const job = `fail_${m}_${extra.trim().replace(/\W+/g, '_')}`;
    const { loop, status } = loopFor(target(job, extra));
    mode = m;
    now = T0;
    await loop.scrapeOnce();
    expect(status.health).toBe('down');
    expect(status.lastError).toContain(error);
    expect(upValues(job)).toEqual([0]);
  });

  it('reports an unreachable target with the connection error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [t] = resolveTargets(parseScrapeConfig(`scrape_configs:\n  - job_name: gone\n    scrape_timeout: 2s\n    static_configs: [{ targets: ['127.0.0.1:${closedPort}'] }]\n`));
    const { loop, status } = loopFor(t);
    await loop.scrapeOnce();
    expect(status.health).toBe('down');
    expect(status.lastError).toMatch(/^fetch failed: .*ECONNREFUSED/);
  });

  it('keeps working when the store refuses a write', async () => {
    const t = target('refused');
    const status = newTargetStatus(t);
    const loop = new TargetLoop(t, status, { store: () => Promise.reject(new Error('write queue is full; retry later')), now: () => now });
    await loop.scrapeOnce();
    expect(status).toMatchObject({ health: 'down', lastError: 'samples not stored: write queue is full; retry later' });
  });
});

describe('ScrapeManager', () => {
  it('starts loops for new targets, exposes them Prometheus-style, and marks a removed target stale', async () => {
    requests.inc({ route: '/a' });
    const store = writer();
    const manager = new ScrapeManager({ store, now: () => now, random: () => 0 });
    const t = target('managed');
    now = Date.now();
    manager.apply([t]);
    const snapshot = getTargetsSnapshot();
    expect(snapshot.activeTargets).toHaveLength(1);
    expect(snapshot.activeTargets[0]).toMatchObject({
      scrapePool: 'managed', scrapeUrl: `http://127.0.0.1:${port}/metrics`, health: 'unknown', lastError: '',
      lastScrape: '0001-01-01T00:00:00Z', scrapeInterval: '5s', scrapeTimeout: '1s',
      labels: { env: 'test', instance: `127.0.0.1:${port}`, job: 'managed' },
    });
    expect(snapshot.droppedTargets).toEqual([]);

    // random() = 0: the first scrape starts right away.
    const deadline = Date.now() + 5000;
    while (scrapeState().targets.get(t.key)?.health !== 'up') {
      if (Date.now() > deadline) throw new Error('no scrape');
      await new Promise((r) => setTimeout(r, 20));
    }
    const scraped = getTargetsSnapshot().activeTargets[0];
    expect(scraped.health).toBe('up');
    expect(scraped.lastScrape).toBe(new Date(now).toISOString());
    expect(scraped.lastScrapeDuration).toBeGreaterThan(0);

    // Removing the target writes staleness markers for its series and its report series.
    manager.apply([]);
    expect(getTargetsSnapshot().activeTargets).toEqual([]);
    const deadline2 = Date.now() + 5000;
    while (!points('managed', 'up').some((p) => p.flags === 1)) {
      if (Date.now() > deadline2) throw new Error('no staleness marker');
      await new Promise((r) => setTimeout(r, 20));
    }
    const markers = points('managed').filter((p) => p.flags === 1).map((p) => p.prom_name);
    expect(markers.sort()).toEqual(['scrape_duration_seconds', 'scrape_samples_post_metric_relabeling', 'scrape_samples_scraped', 'scrape_series_added', 'shop_requests_total', 'up']);
    manager.stop();
  });
});
