import { describe, it, expect, inject } from 'vitest';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { decodeStatus } from './support/rpc-status';

const baseUrl = inject('sightlineUrl');
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function tracePayload(traceId: string, spanIds: string[], startNanos = '1700000000123456789') {
  return {
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'bad-input-test' } }] },
      scopeSpans: [{
        scope: { name: 'it' },
        spans: spanIds.map((spanId) => ({ traceId, spanId, name: `op-${spanId}`, kind: 2, startTimeUnixNano: startNanos, endTimeUnixNano: '1700000000987654321' })),
      }],
    }],
  };
}

async function post(signal: string, body: BodyInit, headers: Record<string, string>) {
  return fetch(`${baseUrl}/v1/${signal}`, { method: 'POST', body, headers });
}

async function traceExists(traceId: string): Promise<boolean> {
  return (await fetch(`${baseUrl}/api/traces/${traceId}`)).status === 200;
}

describe('OTLP/HTTP receivers under bad input', () => {
  it('accepts media-type parameters, upper-case ids, gzip, and int64 numbers beyond 2^53 exactly', async () => {
    const traceId = hex(16).toUpperCase();
    const json = JSON.stringify(tracePayload(traceId, [hex(8).toUpperCase()])).replace('"1700000000123456789"', '1700000000123456789');
    const res = await post('traces', gzipSync(json), { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).not.toHaveProperty('partialSuccess.rejectedSpans');
    const stored = await (await fetch(`${baseUrl}/api/traces/${traceId.toLowerCase()}`)).json();
    const span = stored.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.traceId).toBe(traceId.toLowerCase());
    expect(span.startTimeUnixNano).toBe('1700000000123456789');
    expect(span.endTimeUnixNano).toBe('1700000000987654321');
  });

  it('reports partial success: keeps valid spans, counts the invalid ones', async () => {
    const traceId = hex(16);
    const payload = tracePayload(traceId, [hex(8), 'not-a-span-id', '0000000000000000']);
    const res = await post('traces', JSON.stringify(payload), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(String(body.partialSuccess.rejectedSpans)).toBe('2');
    expect(body.partialSuccess.errorMessage).toMatch(/span/i);
    const stored = await (await fetch(`${baseUrl}/api/traces/${traceId}`)).json();
    expect(stored.resourceSpans[0].scopeSpans[0].spans).toHaveLength(1);
  });

  it('answers 400 with a google.rpc.Status for undecodable protobuf and JSON', async () => {
    const pb = await post('traces', new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { 'content-type': 'application/x-protobuf' });
    expect(pb.status).toBe(400);
    expect(pb.headers.get('content-type')).toContain('application/x-protobuf');
    const status = decodeStatus(new Uint8Array(await pb.arrayBuffer()));
    expect(status.code).toBe(3);
    expect(status.message.length).toBeGreaterThan(5);

    for (const [signal, body] of [['logs', '{"resourceLogs": ['], ['metrics', '{"resourceMetrics": 7}'], ['traces', 'null']] as const) {
      const res = await post(signal, body, { 'content-type': 'application/json' });
      expect(res.status, `${signal} ${body}`).toBe(400);
      const json = await res.json();
      expect(json.code).toBe(3);
      expect(typeof json.message).toBe('string');
    }
  });

  it('answers 415 for an unsupported content type and 405 for other methods', async () => {
    const res = await post('logs', 'hello', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toMatch(/Content-Type/);
    expect((await fetch(`${baseUrl}/v1/traces`)).status).toBe(405);
    expect((await fetch(`${baseUrl}/v1/metrics`, { method: 'PUT', body: '{}' })).status).toBe(405);
  });

  it('answers 413 for bodies over 20 MiB, raw or as a gzip bomb, and keeps earlier data', async () => {
    const keep = hex(16);
    expect((await post('traces', JSON.stringify(tracePayload(keep, [hex(8)])), { 'content-type': 'application/json' })).status).toBe(200);

    const big = await post('traces', new Uint8Array(21 * 1024 * 1024), { 'content-type': 'application/x-protobuf' });
    expect(big.status).toBe(413);
    // 200 MiB of zeros compress to ~200 KiB: the server must stop inflating at the limit.
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    const res = await post('logs', bomb, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(decodeStatus(new Uint8Array(await res.arrayBuffer())).message).toMatch(/limit/);

    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    expect(await traceExists(keep)).toBe(true);
  });

  it('serves a stored trace as OTLP JSON; 400 for a malformed id, 404 for an unknown one', async () => {
    expect((await fetch(`${baseUrl}/api/traces/xyz`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/api/traces/${'0'.repeat(32)}`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/api/traces/${hex(16)}`)).status).toBe(404);
  });
});
