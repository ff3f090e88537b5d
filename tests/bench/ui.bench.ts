/**
 * npm run bench:ui — in Chromium, on a database holding at least an hour of demo traffic:
 *  - the time for the Service overview dashboard (payment, last hour) to show all its panels: from
 *    navigation start until every panel is in the page and none says "Loading…";
 *  - each step of the on-call journey: an exemplar in the p99 panel → its waterfall (rows shown),
 *    "Logs for this trace" → the trace's records (rows shown), a record's trace link → the waterfall.
 * Medians of RUNS runs after a warm-up. Goals on this machine: dashboard < 2 s, each step < 1 s.
 *
 * The hour: the past hour of traces and logs (the bench's seeders, the demo's services and message
 * shapes) and of span metrics (seed-span-metrics.ts) is written into the file first; then the real demo
 * shop runs for BENCH_UI_DEMO_SECONDS with its payment incident, so the newest minutes are genuine demo
 * traffic whose exemplars lead to stored traces and logs. BENCH_UI_DB=<file> runs on an existing
 * database instead (e.g. after an hour of `npm run demo`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../helpers/server';
import { runDemo } from '../helpers/demo';
import { seedTraces } from './support/seed-spans';
import { seedLogs } from './support/seed-logs';
import { seedSpanMetrics } from './support/seed-span-metrics';
import { fmt, median, runBench } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DEMO_SECONDS = Number(process.env.BENCH_UI_DEMO_SECONDS ?? 90);
const HOUR_MS = 3_600_000;
const PANELS = 9; // dashboards/service-overview.json
const EXEMPLAR = /^Exemplar trace ([0-9a-f]{32}): .*, payment /;

/** ms since the page's navigation started. */
async function sinceNavigation(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Resolves once every panel of the dashboard is in the page and none of them is still loading. */
async function dashboardDrawn(page: Page): Promise<void> {
  await page.waitForFunction((n) => {
    const main = document.querySelector('main');
    if (!main) return false;
    const panels = main.querySelectorAll('section[aria-labelledby]');
    if (panels.length < n) return false;
    return [...panels].every((p) => ![...p.querySelectorAll('[role="status"]')].some((s) => /Loading/.test(s.textContent ?? '')));
  }, PANELS, { timeout: 60_000, polling: 'raf' });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-ui-'));
  let dbFile = process.env.BENCH_UI_DB ?? '';
  const seeding = !dbFile;
  if (seeding) {
    dbFile = path.join(dir, 'bench.db');
    const now = Date.now();
    const t0 = performance.now();
    const toNs = BigInt(now) * 1_000_000n;
    const fromNs = toNs - BigInt(HOUR_MS) * 1_000_000n;
    // ~5 traces/s of 8 spans and ~20 log records/s over the hour before the live demo.
    seedTraces(dbFile, 18_000, 8, fromNs, toNs);
    seedLogs(dbFile, 72_000, fromNs, toNs);
    const samples = seedSpanMetrics(dbFile, now - HOUR_MS, now);
    console.log(`bench:ui — seeded 1 h: 144,000 spans, 72,000 log records, ${fmt(samples)} span-metric samples in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  }
  const server = await startServer({ SIGHTLINE_DB: dbFile, SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '5000' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    if (seeding) {
      console.log(`  running the demo shop for ${DEMO_SECONDS} s (payment incident on)…`);
      await runDemo(server.url, DEMO_SECONDS, { DEMO_INCIDENT_NOW: '1', DEMO_BASE_PORT: process.env.BENCH_UI_DEMO_PORT ?? '5200' });
      await new Promise((r) => setTimeout(r, 6_000)); // one more span-metrics flush
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const dashboardUrl = `${server.url}/dashboards/service-overview?var-service=payment&from=now-1h&to=now`;

    const dashboard: number[] = [];
    const steps: Record<'exemplar → waterfall' | 'waterfall → trace logs' | 'log record → waterfall', number[]> = {
      'exemplar → waterfall': [], 'waterfall → trace logs': [], 'log record → waterfall': [],
    };
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(dashboardUrl);
      await dashboardDrawn(page);
      const drawnMs = await sinceNavigation(page);

      // The slowest payment exemplar of the latency panel.
      const latency = page.getByRole('region', { name: 'Latency p50 / p95 / p99' });
      const marker = latency.getByRole('link', { name: EXEMPLAR }).last();
      await marker.waitFor({ state: 'attached', timeout: 30_000 });
      const traceId = EXEMPLAR.exec((await marker.getAttribute('aria-label')) ?? '')![1];

      let t = performance.now();
      await marker.focus();
      await marker.click();
      await page.getByRole('list', { name: /Spans of trace/ }).getByRole('button').first().waitFor();
      const toWaterfall = performance.now() - t;

      t = performance.now();
      await page.getByRole('link', { name: /^Logs for this trace/ }).click();
      await page.getByRole('table').getByRole('link', { name: new RegExp(`^Open trace ${traceId}`) }).first().waitFor();
      const toLogs = performance.now() - t;

      t = performance.now();
      await page.getByRole('table').getByRole('link', { name: new RegExp(`^Open trace ${traceId}`) }).first().click();
      await page.getByRole('list', { name: /Spans of trace/ }).getByRole('button').first().waitFor();
      const back = performance.now() - t;

      if (run === 0) continue; // warm-up
      dashboard.push(drawnMs);
      steps['exemplar → waterfall'].push(toWaterfall);
      steps['waterfall → trace logs'].push(toLogs);
      steps['log record → waterfall'].push(back);
    }

    console.log(`\nmedians of ${RUNS} runs after a warm-up (Chromium, 1440×1000)`);
    console.log(['figure', 'ms', 'goal ms'].join('\t'));
    console.log(['Service overview (payment, 1 h): all panels drawn', fmt(median(dashboard), 0), '2,000'].join('\t'));
    for (const [name, times] of Object.entries(steps)) console.log([`journey: ${name}`, fmt(median(times), 0), '1,000'].join('\t'));
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
