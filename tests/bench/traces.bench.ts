/**
 * npm run bench:traces — the trace view's three figures on a database of SPANS stored spans:
 *  1. API time to fetch a 10,000-span trace (tRPC traces.get, what the waterfall loads; and the OTLP
 *     JSON endpoint), vs. the raw `SELECT … WHERE trace_id = ?` on the same file as a baseline;
 *  2. trace search time over the 1M spans for typical queries (tRPC traces.search over HTTP);
 *  3. in Chromium, navigation start → first waterfall rows of the 10,000-span trace (performance mark).
 * Each figure is the median of RUNS runs after one warm-up. Goals on the 2-core machine: fetch < 100 ms,
 * search < 300 ms, first rows < 1.5 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { startServer } from '../helpers/server';
import { seedTraces, seedWideTrace } from './support/seed-spans';
import { fmt, median, runBench, printTable } from './support/stats';
import { timedMedian, trpcGet } from './support/trpc-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPANS = Number(process.env.BENCH_SPANS ?? 1_000_000);
const SPANS_PER_TRACE = 10;
const FIRST_ROWS_MARK = 'sightline:waterfall-first-rows';

const timed = (run: () => unknown) => timedMedian(RUNS, run);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-traces-'));
  const dbFile = path.join(dir, 'bench.db');
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const hourNs = 3_600_000_000_000n;
  console.log(`bench:traces — seeding ${fmt(SPANS)} spans (${SPANS_PER_TRACE} per trace over 6 h) + one 10,000-span trace…`);
  const t0 = performance.now();
  seedTraces(dbFile, Math.floor(SPANS / SPANS_PER_TRACE), SPANS_PER_TRACE, nowNs - 6n * hourNs, nowNs - 60_000_000_000n);
  const wideTraceId = seedWideTrace(dbFile, 10_000, nowNs - 30n * 60_000_000_000n);
  console.log(`  seeded in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);

  const raw = new Database(dbFile, { readonly: true });
  const rawStmt = raw.prepare('SELECT * FROM spans WHERE trace_id = ?').safeIntegers(true);
  const rawMs = await timed(async () => rawStmt.all(wideTraceId));
  raw.close();

  const server = await startServer({ SIGHTLINE_DB: dbFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '0' });
  const rows: string[][] = [];
  try {
    const getMs = await timed(() => trpcGet(server.url, 'traces.get', { traceId: wideTraceId }));
    const otlpMs = await timed(() => fetch(`${server.url}/api/traces/${wideTraceId}`).then((r) => r.arrayBuffer()));
    rows.push(['fetch 10k-span trace (tRPC traces.get)', fmt(getMs, 1), '100', `${fmt(getMs / rawMs, 1)}× raw SELECT (${fmt(rawMs, 1)} ms)`]);
    rows.push(['fetch 10k-span trace (OTLP JSON /api/traces)', fmt(otlpMs, 1), '100', `${fmt(otlpMs / rawMs, 1)}× raw SELECT`]);

    const range = { from: 'now-6h', to: 'now' };
    const searches: [string, Record<string, unknown>][] = [
      ['search: newest 50, no filter', { ...range, limit: 50 }],
      ['search: slowest 50', { ...range, sort: 'slowest', limit: 50 }],
      ['search: service=payment, minDuration 100ms', { ...range, service: 'payment', minDuration: '100ms', limit: 50 }],
      ['search: errors only', { ...range, errorsOnly: true, limit: 50 }],
      ['search: attribute http.route=/charge', { ...range, attributes: ['http.route=/charge'], limit: 50 }],
      ['search: scatter (1,000 newest)', { ...range, limit: 1000 }],
    ];
    for (const [label, input] of searches) {
      const ms = await timed(() => trpcGet(server.url, 'traces.search', input));
      rows.push([label, fmt(ms, 1), '300', '']);
    }

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const firstRows: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`${server.url}/traces/${wideTraceId}?from=now-1h&to=now`);
        const ms = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, FIRST_ROWS_MARK, { timeout: 30_000 })
          .then((h) => h.jsonValue() as Promise<number>);
        if (i > 0) firstRows.push(ms); // the first load warms the server's page compile and caches
        await page.close();
      }
      rows.push(['Chromium: navigation → first rows of 10k-span waterfall', fmt(median(firstRows), 0), '1500', '']);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  printTable(['figure', 'median ms', 'goal ms', 'baseline'], rows);
}

runBench(main);
