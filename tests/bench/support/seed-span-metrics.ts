import { openDatabase } from '@/db/client';
import { createRowWriter } from '@/server/store/row-writer';
import type { PromSampleRow, PromScrapeRows, PromSeriesRow } from '@/server/store/rows';

/**
 * An hour (or any window) of span-metrics history, as Sightline's own generator writes it
 * (traces_spanmetrics_calls_total and traces_spanmetrics_latency_bucket/_sum/_count with Tempo's
 * labels), every `stepMs`, through the store's Prometheus-sample path. Live span metrics only start
 * when the server does, so a benchmark that needs "an hour of traffic" on the dashboard seeds the past
 * this way. Deterministic.
 */
const SERVICES: Record<string, string[]> = {
  gateway: ['GET /products', 'POST /checkout'], auth: ['verify token'], orders: ['POST /orders', 'SELECT orders'],
  payment: ['POST /charge', 'card-processor.authorize'], inventory: ['reserve stock'], notification: ['send email'],
};
/** Tempo's latency buckets, seconds (what server/ingest/span-metrics uses). */
const BOUNDS = [0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384];

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

export function seedSpanMetrics(dbFile: string, fromMs: number, toMs: number, stepMs = 15_000): number {
  const sqlite = openDatabase(dbFile).$client;
  const write = createRowWriter(sqlite);
  let samples = 0;
  for (const [service, operations] of Object.entries(SERVICES)) {
    const batch: PromScrapeRows = { job: service, instance: 'history', samples: [] };
    for (const span_name of operations) {
      for (const status_code of ['STATUS_CODE_UNSET', 'STATUS_CODE_ERROR']) {
        // `instance` keeps these series apart from the live generator's (same names, no instance label):
        // two series with one label set would make rate() fail.
        const labels = { service, span_name, span_kind: 'SPAN_KIND_SERVER', status_code, job: service, instance: 'history' };
        const series = (name: string, extra: Record<string, string> = {}): PromSeriesRow => ({
          name, labels: { ...labels, ...extra }, promType: name.endsWith('_bucket') || name.endsWith('_sum') || name.endsWith('_count') ? 'histogram' : 'counter',
          help: '', unit: '', kind: 'sum', isMonotonic: true,
        });
        const calls = series('traces_spanmetrics_calls_total');
        const buckets = [...BOUNDS.map(String), '+Inf'].map((le) => series('traces_spanmetrics_latency_bucket', { le }));
        const sum = series('traces_spanmetrics_latency_sum');
        const count = series('traces_spanmetrics_latency_count');
        const cumulative = new Array<number>(BOUNDS.length + 1).fill(0);
        let total = 0;
        let seconds = 0;
        for (let t = fromMs; t <= toMs; t += stepMs) {
          const n = Math.round((status_code === 'STATUS_CODE_ERROR' ? 0.2 : 8) * (0.5 + rand()));
          for (let i = 0; i < n; i++) {
            const v = 0.004 * Math.exp(rand() * 4) * (service === 'payment' ? 3 : 1);
            seconds += v;
            for (let b = 0; b <= BOUNDS.length; b++) if (b === BOUNDS.length || v <= BOUNDS[b]) cumulative[b]++;
          }
          total += n;
          const ns = BigInt(t) * 1_000_000n;
          const row = (s: PromSeriesRow, value: number): PromSampleRow => ({ series: s, timeUnixNano: ns, value, stale: false, exemplar: null });
          batch.samples.push(row(calls, total), row(sum, seconds), row(count, total), ...buckets.map((b, i) => row(b, cumulative[i])));
        }
      }
    }
    samples += batch.samples.length;
    write([{ promSamples: [batch] }]);
  }
  sqlite.close();
  return samples;
}
