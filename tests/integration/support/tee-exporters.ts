import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';

/**
 * Wraps a real OTLP exporter and remembers exactly what it exported and what the server answered,
 * so a test can compare what the SDK sent with what Sightline gives back.
 */
export class TeeSpanExporter implements SpanExporter {
  readonly exported: ReadableSpan[] = [];
  readonly results: ExportResult[] = [];
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    this.exported.push(...spans);
    this.inner.export(spans, (r) => { this.results.push(r); done(r); });
  }
  shutdown(): Promise<void> { return this.inner.shutdown(); }
  forceFlush(): Promise<void> { return this.inner.forceFlush?.() ?? Promise.resolve(); }
}

export class TeeLogExporter implements LogRecordExporter {
  readonly exported: ReadableLogRecord[] = [];
  readonly results: ExportResult[] = [];
  constructor(private readonly inner: LogRecordExporter) {}
  export(logs: ReadableLogRecord[], done: (r: ExportResult) => void): void {
    this.exported.push(...logs);
    this.inner.export(logs, (r) => { this.results.push(r); done(r); });
  }
  shutdown(): Promise<void> { return this.inner.shutdown(); }
  forceFlush(): Promise<void> { return this.inner.forceFlush?.() ?? Promise.resolve(); }
}

export class TeeMetricExporter implements PushMetricExporter {
  readonly exported: ResourceMetrics[] = [];
  readonly results: ExportResult[] = [];
  constructor(private readonly inner: PushMetricExporter) {}
  export(metrics: ResourceMetrics, done: (r: ExportResult) => void): void {
    this.exported.push(metrics);
    this.inner.export(metrics, (r) => { this.results.push(r); done(r); });
  }
  shutdown(): Promise<void> { return this.inner.shutdown(); }
  forceFlush(): Promise<void> { return this.inner.forceFlush(); }
}

export function expectAllSucceeded(results: ExportResult[]): void {
  if (results.length === 0) throw new Error('nothing was exported');
  const failed = results.filter((r) => r.code !== ExportResultCode.SUCCESS);
  if (failed.length > 0) throw new Error(`export failed: ${failed.map((r) => r.error?.message).join('; ')}`);
}

/** HrTime [seconds, nanos] → exact unix nanoseconds as a decimal string (as OTLP/JSON writes it). */
export function hrToNanos([seconds, nanos]: [number, number]): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString();
}
