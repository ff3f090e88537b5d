/**
 * Prometheus metrics of one demo service, served on its own port (service port + 100) for Sightline to
 * scrape (sightline.demo.yaml): a request counter and a request-duration histogram per method, route
 * and status — each carrying an exemplar with the OpenTelemetry trace and span ids of a request —
 * plus prom-client's default process and Node.js metrics. OpenMetrics format, the one prom-client
 * writes exemplars in.
 */
import http from 'node:http';
import client from 'prom-client';

export interface RequestObservation {
  method: string;
  route: string;
  status: number;
  seconds: number;
  /** Ids of the request's server span, when it is sampled. */
  traceId?: string;
  spanId?: string;
}

export interface PromMetrics {
  observe(observation: RequestObservation): void;
  close(): Promise<void>;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function startPromMetrics(serviceName: string, port: number): PromMetrics {
  const registry = new client.Registry<client.OpenMetricsContentType>();
  registry.setContentType(client.Registry.OPENMETRICS_CONTENT_TYPE);
  client.collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new client.Counter({
    name: 'shop_http_requests_total', help: 'HTTP requests served by the demo shop service.',
    labelNames, registers: [registry], enableExemplars: true,
  });
  const duration = new client.Histogram({
    name: 'shop_http_request_duration_seconds', help: 'Time to serve an HTTP request of the demo shop service.',
    labelNames, buckets: BUCKETS, registers: [registry], enableExemplars: true,
  });

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(err)}\n`),
    );
  });
  // A taken port costs the scrape target, not the service.
  server.on('error', (err) => console.warn(`[${serviceName}] Prometheus /metrics not served on ${port}: ${err.message}`));
  server.listen(port, '127.0.0.1');

  return {
    observe({ method, route, status, seconds, traceId, spanId }) {
      const labels = { method, route, status: String(status) };
      // prom-client types exemplar labels as the metric's own label names; they are free-form.
      const exemplarLabels = traceId && spanId ? ({ trace_id: traceId, span_id: spanId } as client.LabelValues<string>) : undefined;
      if (exemplarLabels) {
        requests.inc({ labels, value: 1, exemplarLabels });
        duration.observe({ labels, value: seconds, exemplarLabels });
      } else {
        requests.inc(labels);
        duration.observe(labels, seconds);
      }
    },
    close: () => new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections(); // a scrape cut short just fails that scrape
    }),
  };
}
