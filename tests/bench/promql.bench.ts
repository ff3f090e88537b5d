/**
 * npm run bench:promql — typical dashboard queries over 1 h at 15 s steps on ≥10,000 series, against
 * Sightline and against a real Prometheus holding the same samples (promtool backfill), same run.
 * Prints each query's median latency (RUNS runs after a first, cold run), the ratio Sightline /
 * Prometheus (goal ≤ 2×), the first run's times and ratio too (Sightline reads SQLite cold there, later
 * runs hit its sample cache; Prometheus has its own caches), and bytes per stored sample on both sides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../helpers/server';
import { generateDataset, renderOpenMetrics } from '../support/prom-dataset';
import { loadPromDataset } from '../support/load-prom-dataset';
import { startPrometheusWithData } from '../support/real-prometheus';
import { fmt, median, runBench, printTable } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERIES_PER_INSTANCE = 21; // 1 counter + 1 gauge + 14 histogram + 5 summary series
const INSTANCES = Math.ceil(Number(process.env.BENCH_SERIES ?? 10_000) / SERIES_PER_INSTANCE);
const HOUR = 3_600_000;

const QUERIES = [
  'rate(dt_requests_total[5m])',
  'sum by (route) (rate(dt_requests_total[5m]))',
  'sum(rate(dt_requests_total{code="500"}[5m])) / sum(rate(dt_requests_total[5m]))',
  'histogram_quantile(0.99, sum by (le) (rate(dt_request_duration_seconds_bucket[5m])))',
  'histogram_quantile(0.9, sum by (le, route) (rate(dt_request_duration_seconds_bucket[5m])))',
  'avg by (shard) (dt_queue_depth)',
];

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function main() {
  const end = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  const start = end - HOUR;
  const data = generateDataset({ instances: INSTANCES, startMs: start, endMs: end, stepMs: 15_000 });
  const samples = data.reduce((n, s) => n + s.samples.length, 0);
  console.log(`bench:promql — ${fmt(data.length)} series, ${fmt(samples)} samples (1 h at 15 s); ${RUNS} runs per query\n`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-promql-'));
  const dbFile = path.join(dir, 'sightline.db');
  let t0 = performance.now();
  const prom = await startPrometheusWithData(renderOpenMetrics(data));
  console.log(`  Prometheus backfilled and ready in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  t0 = performance.now();
  loadPromDataset(dbFile, data);
  console.log(`  Sightline loaded in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);
  const server = await startServer({ SIGHTLINE_DB: dbFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '0' });

  const params = (q: string) => new URLSearchParams({ query: q, start: String(start / 1000), end: String(end / 1000), step: '15' });
  const time = async (base: string, q: string) => {
    const run = async () => {
      const res = await fetch(`${base}/api/v1/query_range?${params(q)}`);
      const body = await res.json() as { status: string; error?: string };
      if (body.status !== 'success') throw new Error(`${base}: ${q}: ${body.error}`);
    };
    // The first run reads cold (Sightline: from SQLite, then its sample cache holds the settled past).
    const t0 = performance.now();
    await run();
    const first = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    return { first, median: median(times) };
  };

  const rows: string[][] = [];
  try {
    for (const q of QUERIES) {
      const p = await time(prom.url, q);
      const s = await time(server.url, q);
      rows.push([q, fmt(s.median, 1), fmt(p.median, 1), `${fmt(s.median / p.median, 2)}×`, fmt(s.first, 1), fmt(p.first, 1), `${fmt(s.first / p.first, 2)}×`]);
    }
  } finally {
    await server.stop();
  }
  const db = new Database(dbFile, { readonly: true });
  const pointBytes = (db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN ('metric_number_points', 'metric_series', 'metric_series_prom_name_idx')`).pluck().get() as number);
  db.close();
  const promBytes = dirSize(prom.tsdbPath);
  await prom.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`medians of ${RUNS} runs after a first (cold) run, whose times follow`);
  printTable(['query (range 1 h, step 15 s)', 'Sightline ms', 'Prometheus ms', 'ratio', 'first: Sightline', 'Prometheus', 'ratio'], rows);
  console.log(`\nbytes per sample: Sightline ${fmt(pointBytes / samples, 1)} (points + series tables, dbstat)`);
  console.log(`                  Prometheus ${fmt(promBytes / samples, 1)} (backfilled TSDB blocks)`);
}

runBench(main);
