import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceRow, ScopeRow, SpanRow } from '@/server/store/rows';

// A real SQLite file with the real migrations: the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-service-graph-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { readServiceGraph } = await import('@/server/store/service-graph');
const { getServiceMap } = await import('@/server/query/services/service-map');

const T0_MS = 1_800_000_000_000; // epoch ms; in ns beyond 2^53
const T0 = BigInt(T0_MS) * 1_000_000n;
const MS = 1_000_000n;
const RANGE = { from: String(T0_MS), to: String(T0_MS + 60_000) };
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

const scope: ScopeRow = { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource = (serviceName: string): ResourceRow => ({
  serviceName, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: serviceName } }]),
});
const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');

interface SpanSpec {
  service: string;
  trace: number;
  id: number;
  parent: number | null;
  kind: number;
  startMs: number;
  durMs: number;
  error?: boolean;
}

function row(s: SpanSpec): SpanRow {
  const start = T0 + BigInt(s.startMs) * MS;
  return {
    traceId: hex(s.trace, 32), spanId: hex(s.id, 16), parentSpanId: s.parent === null ? null : hex(s.parent, 16),
    traceState: '', flags: 0, name: `${s.service} op`, kind: s.kind, startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(s.durMs) * MS, statusCode: s.error ? 2 : 0, statusMessage: '',
    attributesJson: '[]', droppedAttributesCount: 0, eventsJson: '[]', droppedEventsCount: 0, linksJson: '[]', droppedLinksCount: 0,
  };
}

const specs: SpanSpec[] = [];
let nextId = 1;
const add = (s: Omit<SpanSpec, 'id'>): number => {
  const id = nextId++;
  specs.push({ ...s, id });
  return id;
};

beforeAll(() => {
  // Traces 1..20 at second i: gateway root SERVER (10·i ms; trace 3 fails) → gateway CLIENT (same service: no
  // edge) → payment SERVER (i ms; traces 4 and 9 fail).
  for (let i = 1; i <= 20; i++) {
    const root = add({ service: 'gateway', trace: i, parent: null, kind: KIND.server, startMs: i * 1000, durMs: 10 * i, error: i === 3 });
    const client = add({ service: 'gateway', trace: i, parent: root, kind: KIND.client, startMs: i * 1000 + 1, durMs: i + 1 });
    add({ service: 'payment', trace: i, parent: client, kind: KIND.server, startMs: i * 1000 + 2, durMs: i, error: i === 4 || i === 9 });
    if (i === 1) {
      // gateway calls orders directly from its root; orders has an internal child (no edge) and publishes
      // to worker (PRODUCER → CONSUMER: an edge, and a request of worker).
      const orders = add({ service: 'orders', trace: i, parent: root, kind: KIND.server, startMs: 1100, durMs: 5 });
      add({ service: 'orders', trace: i, parent: orders, kind: KIND.internal, startMs: 1101, durMs: 2 });
      const producer = add({ service: 'orders', trace: i, parent: orders, kind: KIND.producer, startMs: 1102, durMs: 1 });
      add({ service: 'worker', trace: i, parent: producer, kind: KIND.consumer, startMs: 1200, durMs: 30, error: true });
    }
  }
  // cron's root starts before the range; its child in gateway starts inside: the call counts.
  const cron = add({ service: 'cron', trace: 100, parent: null, kind: KIND.internal, startMs: -1000, durMs: 2000 });
  add({ service: 'gateway', trace: 100, parent: cron, kind: KIND.server, startMs: 500, durMs: 7 });
  // A call after the range: not counted.
  const late = add({ service: 'gateway', trace: 101, parent: null, kind: KIND.server, startMs: 120_000, durMs: 50 });
  add({ service: 'payment', trace: 101, parent: late, kind: KIND.server, startMs: 120_001, durMs: 40 });
  // A span whose parent was never received: no edge, and (INTERNAL, not a root) no request.
  add({ service: 'orphan', trace: 102, parent: 9999, kind: KIND.internal, startMs: 30_000, durMs: 3 });
  // The same span ids in another trace must not be joined across traces: trace 103 reuses trace 1's root id.
  add({ service: 'stray', trace: 103, parent: 1, kind: KIND.client, startMs: 31_000, durMs: 3 });

  const byService = new Map<string, SpanRow[]>();
  for (const s of specs) byService.set(s.service, [...(byService.get(s.service) ?? []), row(s)]);
  createRowWriter(getSqlite())([{ spans: [...byService].map(([service, rows]) => ({ resource: resource(service), scope, rows })) }]);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('service map', () => {
  const map = () => getServiceMap(RANGE, 0);

  it('has an edge exactly for each caller → callee pair that crosses services', () => {
    expect(map().edges.map((e) => `${e.caller}→${e.callee}`)).toEqual(
      ['cron→gateway', 'gateway→orders', 'gateway→payment', 'orders→worker'],
    );
  });

  it('counts calls, errors, rate and nearest-rank p95 of the callee spans', () => {
    const m = map();
    expect(m.windowSeconds).toBe(60);
    expect(m.sampled).toBe(false);
    const payment = m.edges.find((e) => e.caller === 'gateway' && e.callee === 'payment')!;
    expect(payment).toEqual({
      caller: 'gateway', callee: 'payment', requestCount: 20, ratePerSecond: 20 / 60, errorCount: 2, errorPercent: 10,
      p95Ns: 19_000_000, // durations 1..20 ms: rank ⌈0.95·20⌉ = 19
    });
    expect(m.edges.find((e) => e.callee === 'orders')).toMatchObject({ requestCount: 1, errorCount: 0, errorPercent: 0, p95Ns: 5_000_000 });
    expect(m.edges.find((e) => e.callee === 'worker')).toMatchObject({ requestCount: 1, errorCount: 1, errorPercent: 100, p95Ns: 30_000_000 });
    expect(m.edges.find((e) => e.caller === 'cron')).toMatchObject({ requestCount: 1, p95Ns: 7_000_000 });
  });

  it('gives each service the numbers of its SERVER, CONSUMER and root spans', () => {
    const nodes = Object.fromEntries(map().nodes.map((n) => [n.service, n]));
    expect(Object.keys(nodes)).toEqual(['cron', 'gateway', 'orders', 'payment', 'worker']);
    // 20 roots of 10..200 ms plus the 7 ms child of cron: rank ⌈0.95·21⌉ = 20 → 190 ms.
    expect(nodes.gateway).toMatchObject({ requestCount: 21, errorCount: 1, p95Ns: 190_000_000 });
    expect(nodes.gateway.errorPercent).toBeCloseTo(100 / 21, 10);
    expect(nodes.payment).toMatchObject({ requestCount: 20, errorCount: 2, errorPercent: 10, p95Ns: 19_000_000 });
    expect(nodes.orders).toMatchObject({ requestCount: 1, p95Ns: 5_000_000 });
    expect(nodes.worker).toMatchObject({ requestCount: 1, errorPercent: 100 });
    // cron's root started before the range: a node (it calls gateway) without requests.
    expect(nodes.cron).toMatchObject({ requestCount: 0, ratePerSecond: 0, errorPercent: 0, p95Ns: null });
  });

  it('leaves out spans outside the range', () => {
    const later = getServiceMap({ from: String(T0_MS + 100_000), to: String(T0_MS + 200_000) }, 0);
    expect(later.edges).toEqual([expect.objectContaining({ caller: 'gateway', callee: 'payment', requestCount: 1, p95Ns: 40_000_000 })]);
    expect(getServiceMap({ from: String(T0_MS - 600_000), to: String(T0_MS - 500_000) }, 0)).toMatchObject({ nodes: [], edges: [] });
  });

  it('reads only the newest spans when the range holds more than maxSpans, and says so', () => {
    // Spans at or after 20 s: trace 20's three spans, the orphan (30 s) and the stray (31 s) = 5.
    const raw = readServiceGraph({ fromUnixNano: T0, toUnixNano: T0 + 60_000n * MS, maxSpans: 5 });
    expect(raw.sampled).toBe(true);
    expect(raw.scannedFromUnixNano).toBe(T0 + 19_002n * MS + 1n); // just after the 6th newest span (trace 19's payment)
    expect(raw.calls).toEqual([{ caller: 'gateway', callee: 'payment', durationNs: 20_000_000, error: false }]);

    const m = getServiceMap(RANGE, 0, 5);
    expect(m).toMatchObject({ sampled: true, maxSpans: 5, windowFromMs: T0_MS + 19_002, windowToMs: T0_MS + 60_000 });
    expect(m.windowSeconds).toBeCloseTo(40.998, 6);
    expect(m.edges).toEqual([expect.objectContaining({ caller: 'gateway', callee: 'payment', requestCount: 1 })]);
    expect(m.edges[0].ratePerSecond).toBeCloseTo(1 / 40.998, 9);

    expect(readServiceGraph({ fromUnixNano: T0, toUnixNano: T0 + 60_000n * MS, maxSpans: 1000 }).sampled).toBe(false);
  });

  it('rejects an invalid range', () => {
    expect(() => getServiceMap({ from: 'now', to: 'now-1h' }, T0_MS)).toThrow(/must be before/);
  });
});
