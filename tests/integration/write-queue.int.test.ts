import { describe, it, expect, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../helpers/server';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function batch(traceId: string, spans: number) {
  return JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'queue-test' } }] },
      scopeSpans: [{ scope: { name: 'it' }, spans: Array.from({ length: spans }, (_, i) => ({
        traceId, spanId: hex(8), name: `op-${i}`, kind: 1, startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000100000000',
        attributes: [{ key: 'payload', value: { stringValue: 'x'.repeat(200) } }],
      })) }],
    }],
  });
}

describe('bounded write queue and shutdown', () => {
  let server: RunningServer;
  afterAll(async () => { await server?.stop(); });

  it('answers 503 with Retry-After when the queue is full, loses nothing it acknowledged, and flushes on SIGTERM', async () => {
    // A tiny queue (300 items) so a burst of concurrent 100-span requests overflows it.
    server = await startServer({ SIGHTLINE_WRITE_QUEUE_ITEMS: '300' });
    const traceIds = Array.from({ length: 60 }, () => hex(16));
    const post = (id: string) => fetch(`${server.url}/v1/traces`, { method: 'POST', body: batch(id, 100), headers: { 'content-type': 'application/json' } });
    const first = await Promise.all(traceIds.map(post));
    const statuses = first.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const refused = first.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused[0].json()).code).toBe(14);

    // Clients retry what was refused, one at a time as Retry-After asks.
    for (const [i, res] of first.entries()) {
      if (res.status === 503) expect((await post(traceIds[i])).status).toBe(200);
    }
    for (const id of traceIds) {
      const trace = await (await fetch(`${server.url}/api/traces/${id}`)).json();
      expect(trace.resourceSpans[0].scopeSpans[0].spans).toHaveLength(100);
    }
    expect(await server.stop()).toBe(0);
  });
});
