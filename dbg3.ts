import { codecs } from '@/server/ingest/otlp/common/schema';
import { decodeTraces } from '@/server/ingest/otlp/decode';
import { spanRequest } from '@/tests/bench/support/payloads';
const base = 1700000000000000000n;
const bodies = Array.from({ length: 50 }, (_, i) => codecs.traceRequest.encode(codecs.traceRequest.fromObject(spanRequest(i, 512, base))).finish());
for (let round = 0; round < 6; round++) {
  const t = performance.now();
  for (const b of bodies) decodeTraces(b, 'protobuf');
  const ms = performance.now() - t;
  const t2 = performance.now();
  for (const b of bodies) codecs.traceRequest.decode(b);
  const ms2 = performance.now() - t2;
  console.log('decodeTraces spans/s', Math.round(50 * 512 / ms * 1000), 'pb only', Math.round(50 * 512 / ms2 * 1000));
}
