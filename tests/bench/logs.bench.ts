/**
 * npm run bench:logs — log search on a database of RECORDS stored log records spread over 24 h:
 * full-text search, attribute filters, trace-id lookup and the 24 h volume histogram, each through the
 * API (tRPC over HTTP, what the console calls), next to a comparable raw better-sqlite3 query on the
 * same file as a baseline. Medians of RUNS runs after one warm-up.
 * Goals on the 2-core machine: trace id < 20 ms, first page of full-text/attribute search < 300 ms,
 * histogram < 500 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../helpers/server';
import { seedLogs } from './support/seed-logs';
import { fmt, runBench, printTable } from './support/stats';
import { timedMedian, trpcGet } from './support/trpc-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RECORDS = Number(process.env.BENCH_LOGS ?? 1_000_000);
const PAGE = 100;

const timed = (run: () => unknown) => timedMedian(RUNS, run);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-logs-'));
  const dbFile = path.join(dir, 'bench.db');
  const nowMs = Date.now();
  const nowNs = BigInt(nowMs) * 1_000_000n;
  const dayNs = 86_400_000_000_000n;
  console.log(`bench:logs — seeding ${fmt(RECORDS)} log records over 24 h…`);
  const t0 = performance.now();
  const traceId = seedLogs(dbFile, RECORDS, nowNs - dayNs, nowNs - 1_000_000_000n);
  console.log(`  seeded in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);

  // Raw baselines: the plainest SQL giving the same answer, on the same file, without the API.
  const raw = new Database(dbFile, { readonly: true });
  const from = nowNs - dayNs - 60_000_000_000n;
  const to = nowNs + 60_000_000_000n;
  const rawFts = raw.prepare(`SELECT l.* FROM log_records_fts f JOIN log_records l ON l.id = f.rowid
    WHERE log_records_fts MATCH ? AND l.timestamp_unix_nano BETWEEN ? AND ? ORDER BY l.timestamp_unix_nano DESC, l.id DESC LIMIT ${PAGE}`).safeIntegers(true);
  const rawAttr = raw.prepare(`SELECT * FROM log_records WHERE timestamp_unix_nano BETWEEN ? AND ?
    AND EXISTS (SELECT 1 FROM json_each(attributes) kv WHERE json_extract(kv.value, '$.key') = 'duration_ms'
      AND CAST(json_extract(kv.value, '$.value.intValue') AS REAL) > 200) ORDER BY timestamp_unix_nano DESC, id DESC LIMIT ${PAGE}`).safeIntegers(true);
  const rawTrace = raw.prepare('SELECT * FROM log_records WHERE trace_id = ? ORDER BY timestamp_unix_nano DESC').safeIntegers(true);
  const rawHist = raw.prepare(`SELECT (timestamp_unix_nano - ?) / 900000000000 AS b, severity_number, count(*) FROM log_records
    WHERE timestamp_unix_nano BETWEEN ? AND ? GROUP BY b, severity_number`).safeIntegers(true);
  const baseline = {
    fts: await timed(() => rawFts.all('"declined"', from, to)),
    ftsCommon: await timed(() => rawFts.all('"order"', from, to)),
    attr: await timed(() => rawAttr.all(from, to)),
    trace: await timed(() => rawTrace.all(traceId)),
    hist: await timed(() => rawHist.all(from, from, to)),
  };
  raw.close();

  const server = await startServer({ SIGHTLINE_DB: dbFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '0' });
  const rows: string[][] = [];
  try {
    const range = { from: 'now-24h', to: 'now' };
    const figures: [string, string, Record<string, unknown>, number, number][] = [
      ['full text "declined" (2% of records), first page', 'logs.search', { ...range, q: 'declined', limit: PAGE }, 300, baseline.fts],
      ['full text "order" (30% of records), first page', 'logs.search', { ...range, q: 'order', limit: PAGE }, 300, baseline.ftsCommon],
      ['full text phrase + severity error, first page', 'logs.search', { ...range, q: '"gateway timeout"', severities: ['error'], limit: PAGE }, 300, NaN],
      ['attribute duration_ms > 200, first page', 'logs.search', { ...range, attributes: ['duration_ms > 200'], limit: PAGE }, 300, baseline.attr],
      ['attribute order.id=o-4242 (rare), first page', 'logs.search', { ...range, attributes: ['order.id=o-4242'], limit: PAGE }, 300, NaN],
      ['attribute http.route=/checkout (25%), first page', 'logs.search', { ...range, attributes: ['http.route=/checkout'], limit: PAGE }, 300, NaN],
      ['trace-id lookup', 'logs.search', { ...range, traceId, limit: PAGE }, 20, baseline.trace],
      ['volume histogram, 24 h, no filter', 'logs.histogram', { ...range }, 500, baseline.hist],
      ['volume histogram, 24 h, full text "declined"', 'logs.histogram', { ...range, q: 'declined' }, 500, NaN],
      ['volume histogram, 24 h, service payment', 'logs.histogram', { ...range, service: 'payment' }, 500, NaN],
      ['volume histogram, 24 h, attribute order.id=o-4242', 'logs.histogram', { ...range, attributes: ['order.id=o-4242'] }, 500, NaN],
      // The API's floor on this machine: HTTP + Next + tRPC + superjson around a one-row primary-key read.
      ['API floor: logs.context of one record', 'logs.context', { id: 1, count: 1 }, NaN, NaN],
    ];
    for (const [label, proc, input, goal, base] of figures) {
      const ms = await timed(() => trpcGet(server.url, proc, input));
      rows.push([label, fmt(ms, 1), Number.isNaN(goal) ? '' : String(goal), Number.isNaN(base) ? '' : `raw SQL ${fmt(base, 1)} ms`]);
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  printTable(['figure', 'median ms', 'goal ms', 'baseline'], rows);
}

runBench(main);
