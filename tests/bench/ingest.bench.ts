/**
 * npm run bench:ingest — end-to-end OTLP/HTTP ingest vs. raw better-sqlite3 inserts, same run.
 *
 * For each signal: CLIENTS concurrent clients POST pre-encoded protobuf requests (512 spans or log
 * records, 500 metric points each) to the real built server over node:http with keep-alive, as the
 * OTel JS exporters send (support/otlp-http-client.ts); items/s = items acknowledged / wall time,
 * with the p99 of acknowledgement latency. In the same run the same rows go straight into a fresh
 * database with the same schema and indexes (tests/bench/support/raw-baseline.ts). Each figure is the
 * median of RUNS runs, each on a fresh database. Machine noise: 2 shared cores; compare ratios, not
 * absolute numbers, across machines.
 */
import { startServer } from '../helpers/server';
import { codecs } from '@/server/ingest/otlp/common/schema';
import { decodeLogs, decodeMetrics, decodeTraces } from '@/server/ingest/otlp/decode';
import { spanRequest, logRequest, metricRequest } from './support/payloads';
import { rawInsertRate } from './support/raw-baseline';
import { otlpHttpClient } from './support/otlp-http-client';
import { fmt, median, percentile, runBench, printTable } from './support/stats';
import type { LogRow, MetricRow, ScopedRows, SpanRow } from '@/server/store/rows';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
/**
 * Requests per run, split across clients. 400 makes a run last seconds, so that the server's JIT
 * warm-up and first requests do not dominate it (at 160, runs lasted about a second).
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
/** e.g. BENCH_SIGNALS=metrics to measure one signal. */
const SIGNALS = (process.env.BENCH_SIGNALS ?? 'traces,logs,metrics').split(',') as Signal[];
const baseNs = BigInt(Date.now() - 3_600_000) * 1_000_000n;

type Signal = 'traces' | 'logs' | 'metrics';
const ITEMS: Record<Signal, number> = { traces: 512, logs: 512, metrics: 500 };
/** Metric series in a run: every series gets 8 points, so a series is created for every eighth point at any REQUESTS. */
const METRIC_SERIES = (REQUESTS * ITEMS.metrics) / 8;

/** Request bodies, each in its own ArrayBuffer. */
function encodeRequests(signal: Signal): Uint8Array<ArrayBuffer>[] {
  return Array.from({ length: REQUESTS }, (_, i) => new Uint8Array(encodeOne(signal, i)));
}

function encodeOne(signal: Signal, i: number): Uint8Array {
    if (signal === 'traces') return codecs.traceRequest.encode(codecs.traceRequest.fromObject(spanRequest(i, ITEMS.traces, baseNs))).finish();
    if (signal === 'logs') return codecs.logsRequest.encode(codecs.logsRequest.fromObject(logRequest(i, ITEMS.logs, baseNs))).finish();
    return codecs.metricsRequest.encode(codecs.metricsRequest.fromObject(metricRequest(i, ITEMS.metrics, METRIC_SERIES, baseNs))).finish();
}

async function endToEnd(signal: Signal, bodies: Uint8Array<ArrayBuffer>[]): Promise<{ rate: number; p99Ms: number }> {
  const server = await startServer();
  const http = otlpHttpClient(server.url, CLIENTS);
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const res = await http.post(`/v1/${signal}`, body);
      if (res.status !== 200) throw new Error(`${signal}: HTTP ${res.status}`);
      // An empty Export*ServiceResponse means no partial success: every item was accepted.
      if (res.body.byteLength !== 0) throw new Error(`${signal}: server rejected items (partial success)`);
      latencies.push(performance.now() - t0);
    }
  };
  // Warm-up request (first-request compilation in Next), not counted.
  await http.post(`/v1/${signal}`, bodies[0]);
  next = 1;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  http.close();
  await server.stop();
  return { rate: ((bodies.length - 1) * ITEMS[signal]) / seconds, p99Ms: percentile(latencies, 99) };
}

function decodedGroups(signal: Signal, bodies: Uint8Array<ArrayBuffer>[]): ScopedRows<SpanRow | LogRow | MetricRow>[] {
  return bodies.flatMap((b): ScopedRows<SpanRow | LogRow | MetricRow>[] => {
    if (signal === 'traces') return decodeTraces(b, 'protobuf').groups;
    if (signal === 'logs') return decodeLogs(b, 'protobuf').groups;
    return decodeMetrics(b, 'protobuf').groups;
  });
}

async function main() {
  console.log(`bench:ingest — ${RUNS} runs × ${REQUESTS} protobuf requests, ${CLIENTS} concurrent clients\n`);
  const rows: string[][] = [];
  for (const signal of SIGNALS) {
    const bodies = encodeRequests(signal);
    const groups = decodedGroups(signal, bodies);
    const raw: number[] = [];
    const e2e: number[] = [];
    const p99: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      raw.push(rawInsertRate(signal === 'traces' ? 'spans' : signal, groups));
      const r = await endToEnd(signal, bodies);
      e2e.push(r.rate);
      p99.push(r.p99Ms);
      console.log(`  ${signal} run ${run + 1}: raw ${fmt(raw[run])}/s, end-to-end ${fmt(r.rate)}/s, p99 ack ${fmt(r.p99Ms, 1)} ms`);
    }
    const unit = signal === 'traces' ? 'spans' : signal === 'logs' ? 'log records' : 'points';
    rows.push([signal, unit, fmt(median(raw)), fmt(median(e2e)), `${fmt((median(e2e) / median(raw)) * 100, 0)}%`, fmt(median(p99), 1)]);
  }
  console.log('\nmedians');
  printTable(['signal', 'unit', 'raw insert/s', 'end-to-end/s', 'ratio', 'p99 ack ms'], rows);
}

runBench(main);
