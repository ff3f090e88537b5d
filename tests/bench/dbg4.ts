import { startServer } from '@/tests/helpers/server';
import { codecs } from '@/server/ingest/otlp/common/schema';
import { spanRequest } from './support/payloads';
const base = 1700000000000000000n;
const bodies = Array.from({ length: 160 }, (_, i) => new Uint8Array(codecs.traceRequest.encode(codecs.traceRequest.fromObject(spanRequest(i, 512, base))).finish()));
async function main() {
for (const opts of ['', '--max-semi-space-size=64', '']) {
  const server = await startServer({ NODE_OPTIONS: opts });
  await fetch(`${server.url}/v1/traces`, { method: 'POST', body: bodies[0], headers: { 'content-type': 'application/x-protobuf' } });
  let next = 1;
  const t = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => { while (next < bodies.length) { const b = bodies[next++]; const r = await fetch(`${server.url}/v1/traces`, { method: 'POST', body: b, headers: { 'content-type': 'application/x-protobuf' } }); await r.arrayBuffer(); } }));
  console.log(opts || 'default', 'spans/s', Math.round(159 * 512 / (performance.now() - t) * 1000));
  await server.stop();
}
}
main();
