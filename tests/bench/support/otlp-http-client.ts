import http from 'node:http';

/**
 * POSTs protobuf bodies as the OpenTelemetry JS exporters do: `node:http` requests over a keep-alive
 * agent (@opentelemetry/otlp-exporter-base's Node transport), not `fetch`. On this 2-core machine the
 * load generator shares the CPU with the server it measures, and undici's fetch cost ~2.5× the CPU per
 * request (~7 µs per metric point against ~2.8 µs), CPU the server then lacks.
 */
export function otlpHttpClient(baseUrl: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const post = (path: string, body: Uint8Array): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${baseUrl}${path}`, {
        method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.byteLength },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
