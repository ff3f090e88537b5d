import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';

export type Protocol = 'http/protobuf' | 'http/json';

/** The official OTLP exporters for a protocol, pointed at `baseUrl` the way OTEL_EXPORTER_OTLP_ENDPOINT does. */
export function exportersFor(protocol: Protocol, baseUrl: string) {
  const url = (signal: string) => ({ url: `${baseUrl}/v1/${signal}` });
  return protocol === 'http/protobuf'
    ? { traces: new ProtoTraceExporter(url('traces')), logs: new ProtoLogExporter(url('logs')), metrics: new ProtoMetricExporter(url('metrics')) }
    : { traces: new JsonTraceExporter(url('traces')), logs: new JsonLogExporter(url('logs')), metrics: new JsonMetricExporter(url('metrics')) };
}
