import { randomBytes } from 'node:crypto';

/**
 * Realistic OTLP requests for the ingest benchmark, shaped for the schema's `fromObject` (then encoded
 * to protobuf by the caller): ids are raw bytes, as protobuf carries them.
 */

const id = (n: number) => randomBytes(n);
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });
const SERVICES = ['gateway', 'auth', 'orders', 'payment', 'inventory', 'notification'];
const ROUTES = ['/checkout', '/cart', '/products', '/orders', '/charge', '/reserve', '/notify'];

function resource(i: number) {
  const service = SERVICES[i % SERVICES.length];
  return { attributes: [str('service.name', service), str('service.version', '1.4.2'), str('host.name', `host-${i % 3}`), str('deployment.environment.name', 'bench')] };
}

/** One export request: `spans` spans in traces of 8 spans each (as a BatchSpanProcessor sends, 512 by default). */
export function spanRequest(i: number, spans: number, baseNs: bigint) {
  const list = [];
  let traceId = id(16);
  let parent: Buffer | undefined;
  for (let s = 0; s < spans; s++) {
    if (s % 8 === 0) { traceId = id(16); parent = undefined; }
    const spanId = id(8);
    const start = baseNs + BigInt(i * spans + s) * 1_000_000n;
    list.push({
      traceId, spanId, parentSpanId: parent, name: `GET ${ROUTES[s % ROUTES.length]}`, kind: parent ? 3 : 2,
      startTimeUnixNano: String(start), endTimeUnixNano: String(start + BigInt(1_000_000 + (s % 50) * 100_000)),
      attributes: [str('http.request.method', 'GET'), str('http.route', ROUTES[s % ROUTES.length]), int('http.response.status_code', s % 40 === 0 ? 500 : 200),
        str('server.address', 'shop.internal'), int('server.port', 8080), str('url.scheme', 'http'), str('user_agent.original', 'bench/1.0'),
        str('network.protocol.version', '1.1')],
      status: s % 40 === 0 ? { code: 2, message: 'internal error' } : { code: 0 },
    });
    if (!parent) parent = spanId;
  }
  return { resourceSpans: [{ resource: resource(i), scopeSpans: [{ scope: { name: '@opentelemetry/instrumentation-http', version: '0.217.0' }, spans: list }] }] };
}

export function logRequest(i: number, records: number, baseNs: bigint) {
  const list = [];
  for (let r = 0; r < records; r++) {
    const t = baseNs + BigInt(i * records + r) * 1_000_000n;
    list.push({
      timeUnixNano: String(t), observedTimeUnixNano: String(t + 1000n), severityNumber: r % 25 === 0 ? 17 : 9, severityText: r % 25 === 0 ? 'ERROR' : 'INFO',
      body: { stringValue: r % 25 === 0 ? `payment declined: gateway timeout for order o-${i}-${r}` : `charged card for order o-${i}-${r} in ${r % 300} ms` },
      attributes: [str('order.id', `o-${i}-${r}`), int('duration_ms', r % 300), str('http.route', '/charge'), str('customer.tier', r % 2 ? 'gold' : 'basic'), int('amount_cents', 1000 + r)],
      traceId: id(16), spanId: id(8),
    });
  }
  return { resourceLogs: [{ resource: resource(i), scopeLogs: [{ scope: { name: 'shop-logger' }, logRecords: list }] }] };
}

/** Number points: `points` series (gauges and counters), one point each at this request's time. */
export function metricRequest(i: number, points: number, seriesCount: number, baseNs: bigint) {
  const t = String(baseNs + BigInt(i) * 15_000_000_000n);
  const start = String(baseNs);
  const gaugePoints = [];
  const sumPoints = [];
  for (let p = 0; p < points; p++) {
    const series = (i * points + p) % seriesCount;
    const attributes = [str('http.route', ROUTES[series % ROUTES.length]), str('pod', `pod-${series}`)];
    if (p % 2) gaugePoints.push({ timeUnixNano: t, asDouble: (series * 7 + i) % 1000 / 10, attributes });
    else sumPoints.push({ timeUnixNano: t, startTimeUnixNano: start, asInt: String(i * 10 + series), attributes });
  }
  return {
    resourceMetrics: [{ resource: resource(0), scopeMetrics: [{ scope: { name: 'bench-meter' }, metrics: [
      { name: 'process.memory.usage', unit: 'By', gauge: { dataPoints: gaugePoints } },
      { name: 'http.server.requests', unit: '{request}', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: sumPoints } },
    ] }] }],
  };
}
