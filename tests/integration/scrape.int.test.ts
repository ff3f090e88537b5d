import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { eventually } from './support/eventually';

/**
 * Prometheus scraping end to end: a prom-client exporter (OpenMetrics, with exemplars) and a malformed
 * one on loopback, the built server scraping both every second from a temporary sightline.yaml, samples
 * read back from the database file (read-only) and target health from tRPC targets.list. Then config
 * reload (a bad edit keeps the old config; a good one removes a target) and staleness when a target dies.
 */
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

interface ActiveTarget { scrapePool: string; scrapeUrl: string; health: string; lastError: string; lastScrape: string; labels: Record<string, string> }
interface TargetsListing { activeTargets: ActiveTarget[]; config: { path: string; found: boolean; error: string | null; scrapePools: string[] } }

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('Prometheus scraping', () => {
  let server: RunningServer;
  let db: Database.Database;
  let good: http.Server;
  let bad: http.Server;
  let goodPort = 0;
  let badPort = 0;
  let configFile = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-scrape-it-'));

  const registry = new client.Registry<client.OpenMetricsContentType>();
  registry.setContentType(client.Registry.OPENMETRICS_CONTENT_TYPE);
  const orders = new client.Counter({ name: 'it_orders_total', help: 'Orders placed.', labelNames: ['kind'], registers: [registry] });
  const latency = new client.Histogram({
    name: 'it_latency_seconds', help: 'Latency.', buckets: [0.1, 1], registers: [registry], enableExemplars: true,
  });

  const config = (jobs: string) => `global:\n  scrape_interval: 1s\nscrape_configs:\n${jobs}`;
  const goodJob = () => `  - job_name: it-good\n    static_configs:\n      - targets: ['127.0.0.1:${goodPort}']\n        labels: { env: it }\n`;
  const badJob = () => `  - job_name: it-bad\n    static_configs:\n      - targets: ['127.0.0.1:${badPort}']\n`;

  beforeAll(async () => {
    orders.inc({ kind: 'web' }, 2);
    orders.inc({ kind: 'api' });
    latency.observe({ value: 0.05, exemplarLabels: { trace_id: TRACE, span_id: SPAN } as client.LabelValues<string> });
    good = http.createServer((_req, res) => {
      registry.metrics().then((body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body));
    });
    bad = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end('it_ok 1\nthis is { not a metric\n'));
    goodPort = await listen(good);
    badPort = await listen(bad);
    configFile = path.join(dir, 'sightline.yaml');
    fs.writeFileSync(configFile, config(goodJob() + badJob()));
    server = await startServer({ SIGHTLINE_CONFIG: configFile });
    db = new Database(server.dbFile, { readonly: true });
  });

  afterAll(async () => {
    db?.close();
    await server?.stop();
    await new Promise((resolve) => good?.close(resolve));
    await new Promise((resolve) => bad?.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Points of one metric of one job, oldest first. */
  function points(job: string, name: string) {
    return (db.prepare(
      `SELECT ms.prom_labels, p.value, p.flags, p.time_unix_nano FROM metric_number_points p
       JOIN metric_series ms ON ms.id = p.series_id
       WHERE ms.prom_name = ? AND json_extract(ms.prom_labels, '$.job') = ? ORDER BY p.time_unix_nano`,
    ).all(name, job) as { prom_labels: string; value: number | null; flags: number }[])
      .map((p) => ({ labels: JSON.parse(p.prom_labels) as Record<string, string>, value: p.value, flags: p.flags }));
  }

  async function targets(): Promise<TargetsListing> {
    const res = await fetch(`${server.url}/api/trpc/targets.list`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: TargetsListing } } };
    return body.result.data.json;
  }

  it('stores scraped samples with job/instance labels, up = 1 and exemplars', async () => {
    const instance = `127.0.0.1:${goodPort}`;
    await eventually(() => {
      const up = points('it-good', 'up');
      expect(up.at(-1)).toEqual({ labels: { env: 'it', instance, job: 'it-good' }, value: 1, flags: 0 });
    });
    const counters = points('it-good', 'it_orders_total');
    expect(counters.map((p) => p.labels)).toContainEqual({ env: 'it', instance, job: 'it-good', kind: 'web' });
    expect(counters.find((p) => p.labels.kind === 'web')?.value).toBe(2);
    expect(points('it-good', 'it_latency_seconds_bucket').map((p) => p.labels.le)).toEqual(expect.arrayContaining(['0.1', '1.0', '+Inf']));
    expect(points('it-good', 'it_latency_seconds_created')).toEqual([]);

    const series = db.prepare(`SELECT fingerprint, kind, is_monotonic, service_name FROM metric_series
      WHERE prom_name = 'it_orders_total' AND json_extract(prom_labels, '$.kind') = 'web'`).get() as Record<string, unknown>;
    expect(series).toMatchObject({ kind: 'sum', is_monotonic: 1, service_name: 'it-good' });
    expect(series.fingerprint).toMatch(/^prom:/);

    const exemplars = db.prepare(`SELECT e.trace_id, e.span_id, e.value, ms.prom_labels FROM exemplars e
      JOIN metric_series ms ON ms.id = e.series_id WHERE ms.prom_name = 'it_latency_seconds_bucket'`).all() as
      { trace_id: string; span_id: string; value: number; prom_labels: string }[];
    // The exporter repeats the exemplar every scrape; it is stored once.
    expect(exemplars).toEqual([{ trace_id: TRACE, span_id: SPAN, value: 0.05, prom_labels: JSON.stringify({ env: 'it', instance, job: 'it-good', le: '0.1' }) }]);
  });

  it('shows a malformed target as down with its error, in the database and in targets.list', async () => {
    await eventually(() => expect(points('it-bad', 'up').at(-1)?.value).toBe(0));
    expect(points('it-bad', 'it_ok')).toEqual([]);
    const listing = await eventually(async () => {
      const l = await targets();
      expect(l.activeTargets.find((t) => t.scrapePool === 'it-bad')?.health).toBe('down');
      return l;
    });
    expect(listing.config).toMatchObject({ path: configFile, found: true, error: null, scrapePools: ['it-good', 'it-bad'] });
    const badTarget = listing.activeTargets.find((t) => t.scrapePool === 'it-bad')!;
    expect(badTarget.lastError).toBe('line 2: invalid value "is" for this');
    expect(badTarget.scrapeUrl).toBe(`http://127.0.0.1:${badPort}/metrics`);
    const goodTarget = listing.activeTargets.find((t) => t.scrapePool === 'it-good')!;
    expect(goodTarget).toMatchObject({ health: 'up', lastError: '', labels: { env: 'it', instance: `127.0.0.1:${goodPort}`, job: 'it-good' } });
    expect(Date.now() - Date.parse(goodTarget.lastScrape)).toBeLessThan(10_000);
  });

  it('keeps the previous config on a bad edit and applies a fixed one', async () => {
    fs.writeFileSync(configFile, 'scrape_configs: [\n');
    const broken = await eventually(async () => {
      const l = await targets();
      expect(l.config.error).toMatch(/invalid YAML/);
      return l;
    });
    expect(broken.activeTargets.map((t) => t.scrapePool).sort()).toEqual(['it-bad', 'it-good']);
    const before = points('it-good', 'up').length;
    await eventually(() => expect(points('it-good', 'up').length).toBeGreaterThan(before + 1));

    // Without it-bad: its target goes away and its series (up included) get staleness markers.
    fs.writeFileSync(configFile, config(goodJob()));
    await eventually(async () => {
      const l = await targets();
      expect(l.config.error).toBeNull();
      expect(l.activeTargets.map((t) => t.scrapePool)).toEqual(['it-good']);
    });
    await eventually(() => expect(points('it-bad', 'up').at(-1)).toMatchObject({ value: null, flags: 1 }));
  });

  it('marks series stale and up = 0 when a target stops answering', async () => {
    await new Promise((resolve) => {
      good.close(resolve);
      good.closeAllConnections();
    });
    await eventually(() => expect(points('it-good', 'up').at(-1)?.value).toBe(0));
    await eventually(() => {
      const web = points('it-good', 'it_orders_total').filter((p) => p.labels.kind === 'web');
      expect(web.at(-1)).toMatchObject({ value: null, flags: 1 });
    });
    const listing = await targets();
    expect(listing.activeTargets[0]).toMatchObject({ scrapePool: 'it-good', health: 'down' });
    expect(listing.activeTargets[0].lastError).toMatch(/ECONNREFUSED/);

    expect(await server.stop()).toBe(0);
  });
});
