import { describe, it, expect, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { keyValuesToPlain } from '@/lib/otlp-attributes';
import type { OtlpJsonDataPoint, OtlpJsonHistogramDataPoint, OtlpJsonNumberDataPoint, OtlpJsonResourceMetrics } from '@/server/query/otlp-json/metrics';
import { startServer, type RunningServer } from '../helpers/server';
import { eventually } from './support/eventually';
import { TeeSpanExporter, expectAllSucceeded } from './support/tee-exporters';
import { exportersFor } from './support/sdk-clients';

/**
 * Span metrics end to end: spans in over OTLP (JSON by fetch, with exact durations, and protobuf by the
 * official SDK), traces_spanmetrics_* out of GET /api/metrics/otlp, with exemplars naming sent spans.
 * Its own server, flushing span metrics every 300 ms instead of 15 s.
 */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const MS = 1_000_000n;

interface FlatPoint { labels: Record<string, unknown>; point: OtlpJsonDataPoint }

describe('span metrics (Tempo metrics-generator style)', () => {
  let server: RunningServer;
  afterAll(async () => { await server?.stop(); });

  async function points(service: string, name: string): Promise<FlatPoint[]> {
    const res = await fetch(`${server.url}/api/metrics/otlp?service=${encodeURIComponent(service)}&name=${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { resourceMetrics: OtlpJsonResourceMetrics[] };
    return body.resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.flatMap((m) =>
      (m.sum?.dataPoints ?? m.histogram?.dataPoints ?? []).map((point) => ({ labels: keyValuesToPlain(point.attributes), point })))));
  }

  /** Points of one label set, oldest first. */
  const ofSeries = (all: FlatPoint[], labels: Record<string, string>) => all
    .filter((p) => Object.entries(labels).every(([k, v]) => p.labels[k] === v))
    .sort((a, b) => (BigInt(a.point.timeUnixNano) < BigInt(b.point.timeUnixNano) ? -1 : 1));

  it('derives calls and latency per (service, span name, kind, status) with exemplars of real spans', async () => {
    server = await startServer({ SIGHTLINE_SPAN_METRICS_INTERVAL_MS: '300' });
    const service = `spanmetrics-${hex(4)}`;
    const traceId = hex(16);
    const end = BigInt(Date.now()) * MS;
    const ids = { fast: hex(8), medium: hex(8), slow: hex(8), failed: hex(8), query: hex(8) };
    const jsonSpan = (spanId: string, name: string, kind: number, durationNs: bigint, statusCode = 0) => ({
      traceId, spanId, name, kind, startTimeUnixNano: String(end - durationNs), endTimeUnixNano: String(end),
      status: statusCode ? { code: statusCode } : {},
    });
    const res = await fetch(`${server.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [{
          resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
          scopeSpans: [{ scope: { name: 'it' }, spans: [
            jsonSpan(ids.fast, 'GET /items', 2, 1n * MS),
            jsonSpan(ids.medium, 'GET /items', 2, 3n * MS),
            jsonSpan(ids.slow, 'GET /items', 2, 300n * MS),
            jsonSpan(ids.failed, 'GET /items', 2, 50n * MS, 2),
            jsonSpan(ids.query, 'SELECT items', 3, 10n * MS),
          ] }],
        }],
      }),
    });
    expect(res.status).toBe(200);

    // One more span over protobuf through the official SDK: an errored client call.
    const tee = new TeeSpanExporter(exportersFor('http/protobuf', server.url).traces);
    const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new SimpleSpanProcessor(tee)] });
    const sdkSpan = provider.getTracer('it').startSpan('charge card', { kind: SpanKind.CLIENT }, ROOT_CONTEXT);
    sdkSpan.setStatus({ code: SpanStatusCode.ERROR, message: 'declined' });
    sdkSpan.end();
    await provider.forceFlush();
    await provider.shutdown();
    expectAllSucceeded(tee.results);

    const ok = { span_name: 'GET /items', span_kind: 'SPAN_KIND_SERVER', status_code: 'STATUS_CODE_UNSET' };
    await eventually(async () => {
      const calls = await points(service, 'traces.spanmetrics.calls');
      const last = (labels: Record<string, string>) => (ofSeries(calls, labels).at(-1)?.point as OtlpJsonNumberDataPoint | undefined)?.asInt;
      expect(last(ok)).toBe('3');
      expect(last({ ...ok, status_code: 'STATUS_CODE_ERROR' })).toBe('1');
      expect(last({ span_name: 'SELECT items', span_kind: 'SPAN_KIND_CLIENT', status_code: 'STATUS_CODE_UNSET' })).toBe('1');
      expect(last({ span_name: 'charge card', span_kind: 'SPAN_KIND_CLIENT', status_code: 'STATUS_CODE_ERROR' })).toBe('1');
    });

    const latency = ofSeries(await points(service, 'traces.spanmetrics.latency'), ok);
    const p = latency.at(-1)!.point as OtlpJsonHistogramDataPoint;
    expect(latency.at(-1)!.labels).toEqual({ service, ...ok });
    expect(p.count).toBe('3');
    expect(p.sum).toBeCloseTo(0.304, 9);
    expect(p.explicitBounds).toEqual([0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384]);
    expect(p.bucketCounts).toEqual(['1', '1', '0', '0', '0', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0']);
    // Cumulative: every point of the series starts when the series was first seen.
    expect(new Set(latency.map((x) => x.point.startTimeUnixNano)).size).toBe(1);

    // Exemplars (in the interval that saw the spans): one per bucket, pointing at the spans sent.
    const exemplars = latency.flatMap((x) => (x.point as OtlpJsonHistogramDataPoint).exemplars);
    expect(exemplars.map((e) => e.spanId).sort()).toEqual([ids.fast, ids.medium, ids.slow].sort());
    const slow = exemplars.find((e) => e.spanId === ids.slow)!;
    expect(slow.traceId).toBe(traceId);
    expect(slow.asDouble).toBe(0.3);
    expect(slow.timeUnixNano).toBe(String(end));

    // The stored Prometheus identity: Tempo's names and exactly Tempo's labels (+ job = the service).
    const db = new Database(server.dbFile, { readonly: true });
    try {
      const series = db.prepare('SELECT prom_name, prom_labels FROM metric_series WHERE service_name = ? ORDER BY prom_name, prom_labels')
        .all(service) as { prom_name: string; prom_labels: string }[];
      expect([...new Set(series.map((s) => s.prom_name))]).toEqual(['traces_spanmetrics_calls_total', 'traces_spanmetrics_latency']);
      expect(series.map((s) => JSON.parse(s.prom_labels))).toContainEqual({ job: service, service, ...ok });
      for (const s of series) expect(Object.keys(JSON.parse(s.prom_labels)).sort()).toEqual(['job', 'service', 'span_kind', 'span_name', 'status_code']);
    } finally {
      db.close();
    }

    // Queryable by PromQL, and the exemplars reach /api/v1/query_exemplars.
    const prom = async (path: string, params: Record<string, string>) =>
      (await (await fetch(`${server.url}${path}?${new URLSearchParams(params)}`)).json()) as { status: string; data: unknown };
    const calls = await prom('/api/v1/query', { query: `sum by (status_code) (traces_spanmetrics_calls_total{service="${service}",span_name="GET /items"})` });
    expect(calls.status).toBe('success');
    const byStatus = Object.fromEntries((calls.data as { result: { metric: { status_code: string }; value: [number, string] }[] }).result
      .map((r) => [r.metric.status_code, r.value[1]]));
    expect(byStatus).toEqual({ STATUS_CODE_UNSET: '3', STATUS_CODE_ERROR: '1' });
    const nowS = Date.now() / 1000;
    const ex = await prom('/api/v1/query_exemplars', {
      query: `traces_spanmetrics_latency_bucket{service="${service}",span_name="GET /items",status_code="STATUS_CODE_UNSET"}`,
      start: String(nowS - 600), end: String(nowS + 60),
    });
    expect(ex.status).toBe('success');
    const promExemplars = (ex.data as { exemplars: { labels: Record<string, string>; value: string }[] }[]).flatMap((g) => g.exemplars);
    expect(promExemplars.map((e) => e.labels.span_id).sort()).toEqual([ids.fast, ids.medium, ids.slow].sort());
    expect(promExemplars.find((e) => e.labels.span_id === ids.slow)).toMatchObject({ labels: { trace_id: traceId }, value: '0.3' });

    expect(await server.stop()).toBe(0);
  });
});
