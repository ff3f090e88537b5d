import { describe, it, expect, inject } from 'vitest';
import { trace, context, SpanKind, SpanStatusCode, ROOT_CONTEXT } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader, type HistogramMetricData, type SumMetricData, type GaugeMetricData } from '@opentelemetry/sdk-metrics';
import { keyValuesToPlain, anyValueToPlain } from '@/lib/otlp-attributes';
import { TeeLogExporter, TeeMetricExporter, TeeSpanExporter, expectAllSucceeded, hrToNanos } from './support/tee-exporters';
import { exportersFor, type Protocol } from './support/sdk-clients';
import type { LogsJson, MetricsJson, TraceJson } from './support/otlp-json-types';

const baseUrl = inject('sightlineUrl');

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  expect(res.status, `${path} → ${res.status}`).toBe(200);
  return (await res.json()) as T;
}

describe.each<Protocol>(['http/protobuf', 'http/json'])('OpenTelemetry JS SDK over %s', (protocol) => {
  const service = `it-${protocol.replace('/', '-')}`;
  const resource = resourceFromAttributes({ 'service.name': service, 'service.version': '1.2.3', 'host.cores': 2 });

  it('delivers spans that read back field by field, nanoseconds exact', async () => {
    const tee = new TeeSpanExporter(exportersFor(protocol, baseUrl).traces);
    const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(tee)] });
    const tracer = provider.getTracer('it-scope', '0.9.1');
    const linked = tracer.startSpan('linked-root', {}, ROOT_CONTEXT);
    linked.end();
    const parent = tracer.startSpan('GET /checkout', { kind: SpanKind.SERVER, attributes: { 'http.route': '/checkout', 'http.status_code': 500, ratio: 0.25, ok: false, tags: ['a', 'b'] } }, ROOT_CONTEXT);
    const child = tracer.startSpan('charge card', { kind: SpanKind.CLIENT, links: [{ context: linked.spanContext(), attributes: { reason: 'retry-of' } }] }, trace.setSpan(context.active(), parent));
    child.addEvent('retry', { attempt: 2 });
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
    child.end();
    parent.end();
    await provider.forceFlush();
    await provider.shutdown();
    expectAllSucceeded(tee.results);

    const traceId = parent.spanContext().traceId;
    const stored = await getJson<TraceJson>(`/api/traces/${traceId}`);
    const rs = stored.resourceSpans;
    expect(rs).toHaveLength(1);
    expect(keyValuesToPlain(rs[0].resource.attributes)).toMatchObject({ 'service.name': service, 'service.version': '1.2.3', 'host.cores': 2 });
    expect(rs[0].scopeSpans[0].scope).toMatchObject({ name: 'it-scope', version: '0.9.1' });
    const storedSpans = rs.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const sent = tee.exported.filter((s) => s.spanContext().traceId === traceId);
    expect(storedSpans).toHaveLength(sent.length);

    for (const s of sent) {
      const got = storedSpans.find((x) => x.spanId === s.spanContext().spanId);
      expect(got, s.name).toBeDefined();
      expect(got!.traceId).toBe(traceId);
      expect(got!.name).toBe(s.name);
      expect(got!.kind).toBe(s.kind + 1); // OTLP kinds are the API's shifted by one (0 = unspecified)
      expect(got!.parentSpanId ?? '').toBe(s.parentSpanContext?.spanId ?? '');
      expect(got!.startTimeUnixNano).toBe(hrToNanos(s.startTime));
      expect(got!.endTimeUnixNano).toBe(hrToNanos(s.endTime));
      expect(keyValuesToPlain(got!.attributes)).toEqual(s.attributes);
      expect(got!.status.code ?? 0).toBe(s.status.code);
      expect(got!.status.message ?? '').toBe(s.status.message ?? '');
      expect(got!.events.map((e) => ({ name: e.name, t: e.timeUnixNano, a: keyValuesToPlain(e.attributes) })))
        .toEqual(s.events.map((e) => ({ name: e.name, t: hrToNanos(e.time), a: e.attributes ?? {} })));
      expect(got!.links.map((l) => ({ t: l.traceId, s: l.spanId, a: keyValuesToPlain(l.attributes) })))
        .toEqual(s.links.map((l) => ({ t: l.context.traceId, s: l.context.spanId, a: l.attributes ?? {} })));
    }
  });

  it('delivers log records with bodies, severities and trace context', async () => {
    const tee = new TeeLogExporter(exportersFor(protocol, baseUrl).logs);
    const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor(tee)] });
    const logger = provider.getLogger('it-logger', '2.0.0');
    const tracerProvider = new BasicTracerProvider({ resource });
    const span = tracerProvider.getTracer('t').startSpan('with-logs', {}, ROOT_CONTEXT);
    const ctx = trace.setSpan(ROOT_CONTEXT, span);
    logger.emit({ body: 'payment declined: insufficient funds', severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', attributes: { 'order.id': 'o-42', amount: 12.5, duration_ms: 230 }, context: ctx });
    logger.emit({ body: { event: 'checkout', items: 3, nested: { ok: true } }, severityNumber: SeverityNumber.INFO, severityText: 'INFO' });
    span.end();
    await provider.forceFlush();
    await provider.shutdown();
    expectAllSucceeded(tee.results);

    const stored = await getJson<LogsJson>(`/api/logs/otlp?service=${encodeURIComponent(service)}`);
    const records = stored.resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords));
    expect(records).toHaveLength(tee.exported.length);
    expect(stored.resourceLogs[0].scopeLogs[0].scope).toMatchObject({ name: 'it-logger', version: '2.0.0' });
    for (const sent of tee.exported) {
      // Matched by body: the SDK stamps log times from Date.now(), so two records can share a millisecond.
      const got = records.find((r) => JSON.stringify(anyValueToPlain(r.body)) === JSON.stringify(sent.body));
      expect(got, String(sent.body)).toBeDefined();
      expect(got!.timeUnixNano).toBe(hrToNanos(sent.hrTime));
      expect(got!.observedTimeUnixNano).toBe(hrToNanos(sent.hrTimeObserved));
      expect(got!.severityNumber).toBe(sent.severityNumber);
      expect(got!.severityText).toBe(sent.severityText);
      expect(anyValueToPlain(got!.body)).toEqual(sent.body);
      expect(keyValuesToPlain(got!.attributes)).toEqual(sent.attributes);
      expect(got!.traceId ?? '').toBe(sent.spanContext?.traceId ?? '');
      expect(got!.spanId ?? '').toBe(sent.spanContext?.spanId ?? '');
    }
  });

  it('delivers counters, up-down counters, histograms and gauges', async () => {
    const tee = new TeeMetricExporter(exportersFor(protocol, baseUrl).metrics);
    const reader = new PeriodicExportingMetricReader({ exporter: tee, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource, readers: [reader] });
    const meter = provider.getMeter('it-meter', '3.0.0');
    const counter = meter.createCounter('orders.created', { unit: '{order}' });
    counter.add(3, { region: 'eu' });
    counter.add(2, { region: 'us' });
    meter.createUpDownCounter('queue.depth').add(-4);
    const histogram = meter.createHistogram('http.server.request.duration', {
      unit: 's',
      // Semantic-conventions buckets in seconds (the SDK's default ones are meant for milliseconds).
      advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] },
    });
    for (const v of [0.004, 0.02, 0.3, 1.7]) histogram.record(v, { 'http.route': '/charge' });
    meter.createObservableGauge('inventory.stock_level').addCallback((r) => r.observe(17.5, { sku: 'A-1' }));
    await provider.forceFlush();
    await provider.shutdown();
    expectAllSucceeded(tee.results);

    const stored = await getJson<MetricsJson>(`/api/metrics/otlp?service=${encodeURIComponent(service)}`);
    const metrics = stored.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const sentMetrics = tee.exported.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics));
    const byName = (name: string) => metrics.find((m) => m.name === name)!;

    const sentCounter = sentMetrics.find((m) => m.descriptor.name === 'orders.created') as SumMetricData;
    const storedCounter = byName('orders.created');
    expect(storedCounter.unit).toBe('{order}');
    expect(storedCounter.sum!.isMonotonic).toBe(true);
    for (const dp of sentCounter.dataPoints) {
      const got = storedCounter.sum!.dataPoints.find((p) => keyValuesToPlain(p.attributes).region === dp.attributes.region)!;
      expect(Number(got.asInt ?? got.asDouble)).toBe(dp.value);
      expect(got.timeUnixNano).toBe(hrToNanos(dp.endTime));
      expect(got.startTimeUnixNano).toBe(hrToNanos(dp.startTime));
    }
    expect(byName('queue.depth').sum!.isMonotonic ?? false).toBe(false);
    expect(Number(byName('queue.depth').sum!.dataPoints[0].asInt ?? byName('queue.depth').sum!.dataPoints[0].asDouble)).toBe(-4);

    const sentHist = sentMetrics.find((m) => m.descriptor.name === 'http.server.request.duration') as HistogramMetricData;
    const storedHist = byName('http.server.request.duration').histogram!.dataPoints[0];
    const sentPoint = sentHist.dataPoints[0];
    expect(storedHist.count).toBe(String(sentPoint.value.count));
    expect(storedHist.sum).toBeCloseTo(sentPoint.value.sum!, 12);
    expect(storedHist.min).toBe(sentPoint.value.min);
    expect(storedHist.max).toBe(sentPoint.value.max);
    expect(storedHist.explicitBounds).toEqual(sentPoint.value.buckets.boundaries);
    expect(storedHist.bucketCounts.map(Number)).toEqual(sentPoint.value.buckets.counts);
    expect(storedHist.timeUnixNano).toBe(hrToNanos(sentPoint.endTime));

    const sentGauge = sentMetrics.find((m) => m.descriptor.name === 'inventory.stock_level') as GaugeMetricData;
    const storedGauge = byName('inventory.stock_level').gauge!.dataPoints[0];
    expect(storedGauge.asDouble).toBe(sentGauge.dataPoints[0].value);
    expect(keyValuesToPlain(storedGauge.attributes)).toEqual({ sku: 'A-1' });

    // The same data through PromQL, under the OpenTelemetry-to-Prometheus names.
    const promql = async (query: string) => {
      const body = await getJson<{ status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } }>(
        `/api/v1/query?${new URLSearchParams({ query })}`);
      expect(body.status).toBe('success');
      return body.data.result;
    };
    const sel = `job="${service}"`;
    const orders = await promql(`sum by (region) (orders_created_total{${sel}})`);
    expect(Object.fromEntries(orders.map((r) => [r.metric.region, r.value[1]]))).toEqual({ eu: '3', us: '2' });
    expect((await promql(`queue_depth{${sel}}`)).map((r) => r.value[1])).toEqual(['-4']);
    expect((await promql(`inventory_stock_level{${sel}}`))[0].metric).toMatchObject({ __name__: 'inventory_stock_level', sku: 'A-1', job: service });
    const buckets = await promql(`http_server_request_duration_seconds_bucket{${sel},http_route="/charge"}`);
    const byLe = Object.fromEntries(buckets.map((r) => [r.metric.le, r.value[1]]));
    expect(byLe['+Inf'], JSON.stringify(buckets)).toBe('4');
    expect(byLe['0.005'], JSON.stringify(byLe)).toBe('1');
    expect((await promql(`http_server_request_duration_seconds_count{${sel}}`))[0].value[1]).toBe('4');
    expect(Number((await promql(`http_server_request_duration_seconds_sum{${sel}}`))[0].value[1])).toBeCloseTo(2.024, 9);
    // Median of 4, 20, 300, 1700 ms by classic buckets: the 2nd observation lies in (0.01, 0.025].
    const median = Number((await promql(`histogram_quantile(0.5, http_server_request_duration_seconds_bucket{${sel}})`))[0].value[1]);
    expect(median).toBeGreaterThan(0.01);
    expect(median).toBeLessThanOrEqual(0.025);
  });
});
