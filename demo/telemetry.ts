/**
 * OpenTelemetry SDK setup for one demo service: traces, logs and metrics, all
 * exported over OTLP/HTTP (protobuf by default, JSON on request) to the console.
 *
 * Must run before anything loads `http`: see instrument.ts for the load order.
 */
import { randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { defaultResource, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { BatchLogRecordProcessor, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import type { OtlpProtocol } from './config';
import { errorMessageFor } from './error-status';

// Incubating semconv keys are copied rather than imported from the unstable entry point,
// as the semantic-conventions package recommends.
const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = 'deployment.environment.name';
const ATTR_SERVICE_INSTANCE_ID = 'service.instance.id';
const ATTR_SERVICE_NAMESPACE = 'service.namespace';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion: string;
  environment: string;
  endpoint: string;
  protocol: OtlpProtocol;
}

export interface Telemetry {
  /** Flushes and exports everything still buffered, then stops the providers. */
  shutdown(): Promise<void>;
}

/** Short delays so data reaches the console within a couple of seconds. */
const SCHEDULED_DELAY_MS = 1000;
const METRIC_INTERVAL_MS = 5000;
/** Bounded so an unreachable console cannot stall shutdown for long. */
const EXPORT_TIMEOUT_MS = 4000;

interface Exporters {
  spans: SpanExporter;
  logs: LogRecordExporter;
  metrics: PushMetricExporter;
}

function createExporters(protocol: OtlpProtocol, endpoint: string): Exporters {
  // An explicit url is used as-is, so append the per-signal paths ourselves.
  const opts = (signal: string) => ({ url: `${endpoint}/v1/${signal}`, timeoutMillis: EXPORT_TIMEOUT_MS });
  if (protocol === 'http/json') {
    return {
      spans: new JsonTraceExporter(opts('traces')),
      logs: new JsonLogExporter(opts('logs')),
      metrics: new JsonMetricExporter(opts('metrics')),
    };
  }
  return {
    spans: new ProtoTraceExporter(opts('traces')),
    logs: new ProtoLogExporter(opts('logs')),
    metrics: new ProtoMetricExporter(opts('metrics')),
  };
}

export function startTelemetry(options: TelemetryOptions): Telemetry {
  // The stable HTTP semconv gives `http.server.request.duration` (seconds) instead of
  // the legacy millisecond histogram; the instrumentation reads this at construction.
  process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'http';

  const exporters = createExporters(options.protocol, options.endpoint);
  const otlpPath = /^\/v1\/(traces|logs|metrics)\b/;

  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: options.serviceName,
        [ATTR_SERVICE_VERSION]: options.serviceVersion,
        [ATTR_SERVICE_NAMESPACE]: 'sightline-shop',
        [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: options.environment,
        [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
      }),
    ),
    // No envDetector: OTEL_SERVICE_NAME in the parent's environment would rename all six services.
    resourceDetectors: [hostDetector, processDetector],
    spanProcessors: [new BatchSpanProcessor(exporters.spans, { scheduledDelayMillis: SCHEDULED_DELAY_MS })],
    logRecordProcessors: [new BatchLogRecordProcessor(exporters.logs, { scheduledDelayMillis: SCHEDULED_DELAY_MS })],
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: exporters.metrics,
        exportIntervalMillis: METRIC_INTERVAL_MS,
        exportTimeoutMillis: EXPORT_TIMEOUT_MS,
      }),
    ],
    instrumentations: [
      new HttpInstrumentation({
        // The exporters' own POSTs must not become spans or http.client metrics (feedback loop).
        ignoreOutgoingRequestHook: (req) => otlpPath.test(req.path ?? ''),
        // Sightline's Prometheus scrapes of /metrics (prom-metrics.ts) are not the shop's traffic.
        ignoreIncomingRequestHook: (req) => (req.url ?? '').split('?')[0] === '/metrics',
        // Client spans are only named "POST" by the stable semconv unless a url.template is
        // known; ours are fixed routes, so name them "POST /charge" for readable waterfalls.
        requestHook: (span, request) => {
          if (!('path' in request) || typeof request.path !== 'string') return; // incoming request
          const template = request.path.split('?')[0];
          span.setAttribute('url.template', template);
          span.updateName(`${request.method} ${template}`);
        },
        // Re-apply the handler's error message that the instrumentation's 5xx status wiped.
        applyCustomAttributesOnSpan: (span, _request, response) => {
          const message = errorMessageFor(response);
          if (message) span.setStatus({ code: SpanStatusCode.ERROR, message });
        },
      }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
