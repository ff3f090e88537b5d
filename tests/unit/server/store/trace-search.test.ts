import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceRow, ScopeRow, SpanRow } from '@/server/store/rows';
import { parseAttributeFilter } from '@/lib/attribute-filter';

// A real SQLite file with the real migrations: the store is never mocked.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-trace-search-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { searchTraceSummaries, listOperations } = await import('@/server/store/search-traces');

const T0 = 1_800_000_000_000_000_000n; // unix ns, beyond 2^53
const MS = 1_000_000n;
const scope: ScopeRow = { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource = (serviceName: string, attrs: Record<string, string> = {}): ResourceRow => ({
  serviceName, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: serviceName } },
    ...Object.entries(attrs).map(([key, v]) => ({ key, value: { stringValue: v } }))]),
});
const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');

function span(trace: number, id: number, parent: number | null, name: string, startMs: number, durMs: number,
  opts: { error?: boolean; attrs?: Record<string, string | number> } = {}): SpanRow {
  const start = T0 + BigInt(startMs) * MS;
  return {
    traceId: hex(trace, 32), spanId: hex(id, 16), parentSpanId: parent === null ? null : hex(parent, 16), traceState: '',
    flags: 0, name, kind: parent === null ? 2 : 3, startTimeUnixNano: start, endTimeUnixNano: start + BigInt(durMs) * MS,
    statusCode: opts.error ? 2 : 0, statusMessage: '', droppedAttributesCount: 0, eventsJson: '[]', droppedEventsCount: 0,
    linksJson: '[]', droppedLinksCount: 0,
    attributesJson: JSON.stringify(Object.entries(opts.attrs ?? {}).map(([key, v]) => ({
      key, value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v } }))),
  };
}

const base = { fromUnixNano: T0, toUnixNano: T0 + 60_000n * MS, attributes: [], sort: 'newest' as const, limit: 10, offset: 0 };

beforeAll(() => {
  const write = createRowWriter(getSqlite());
  write([{ spans: [
    // trace 1: gateway → payment (slow, error), spans arrive from two services
    { resource: resource('gateway', { 'deployment.environment': 'prod' }), scope, rows: [span(1, 1, null, 'POST /checkout', 1000, 900, { attrs: { 'http.response.status_code': 500 } })] },
    { resource: resource('payment'), scope, rows: [span(1, 2, 1, 'charge', 1100, 700, { error: true, attrs: { 'card.brand': 'visa' } })] },
    // trace 2: fast, ok
    { resource: resource('gateway', { 'deployment.environment': 'prod' }), scope, rows: [span(2, 3, null, 'GET /cart', 2000, 20, { attrs: { 'http.response.status_code': 200 } })] },
  ] }]);
  // trace 3 arrives in two requests, the root last; one span of trace 2 is re-sent (client retry).
  write([{ spans: [{ resource: resource('orders'), scope, rows: [span(3, 5, 4, 'db.query', 3050, 30)] }] }]);
  write([{ spans: [
    { resource: resource('gateway', { 'deployment.environment': 'prod' }), scope, rows: [span(3, 4, null, 'POST /orders', 3000, 100), span(2, 3, null, 'GET /cart', 2000, 20)] },
  ] }]);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (r: { traces: { traceId: string }[] }) => r.traces.map((t) => Number.parseInt(t.traceId, 16));

describe('trace summaries and search', () => {
  it('summarises each trace across services and requests, without counting a re-sent span twice', () => {
    const { traces } = searchTraceSummaries(base);
    const t3 = traces.find((t) => t.traceId === hex(3, 32))!;
    expect(t3).toMatchObject({ spanCount: 2, errorCount: 0, rootServiceName: 'gateway', rootSpanName: 'POST /orders', services: ['orders', 'gateway'] });
    expect(t3.startTimeUnixNano).toBe(T0 + 3000n * MS);
    expect(t3.durationNs).toBe(100n * MS);
    expect(traces.find((t) => t.traceId === hex(2, 32))!.spanCount).toBe(1);
    expect(traces.find((t) => t.traceId === hex(1, 32))).toMatchObject({ spanCount: 2, errorCount: 1, services: ['gateway', 'payment'] });
  });

  it('sorts newest, slowest and by errors, and pages', () => {
    expect(ids(searchTraceSummaries(base))).toEqual([3, 2, 1]);
    expect(ids(searchTraceSummaries({ ...base, sort: 'slowest' }))).toEqual([1, 3, 2]);
    expect(ids(searchTraceSummaries({ ...base, sort: 'errors' }))[0]).toBe(1);
    const page = searchTraceSummaries({ ...base, limit: 2 });
    expect(page.hasMore).toBe(true);
    expect(ids(searchTraceSummaries({ ...base, limit: 2, offset: 2 }))).toEqual([1]);
  });

  it('filters on one span matching service, operation, duration and status together', () => {
    expect(ids(searchTraceSummaries({ ...base, service: 'payment' }))).toEqual([1]);
    expect(ids(searchTraceSummaries({ ...base, service: 'gateway', operation: 'GET /cart' }))).toEqual([2]);
    expect(ids(searchTraceSummaries({ ...base, minDurationNs: 50n * MS }))).toEqual([3, 1]);
    expect(ids(searchTraceSummaries({ ...base, service: 'orders', minDurationNs: 50n * MS }))).toEqual([]);
    expect(ids(searchTraceSummaries({ ...base, maxDurationNs: 25n * MS }))).toEqual([2]);
    expect(ids(searchTraceSummaries({ ...base, errorsOnly: true }))).toEqual([1]);
    expect(ids(searchTraceSummaries({ ...base, service: 'gateway', errorsOnly: true }))).toEqual([]);
  });

  it('filters on span and resource attributes', () => {
    const q = (...f: string[]) => ids(searchTraceSummaries({ ...base, attributes: f.map(parseAttributeFilter) }));
    expect(q('card.brand=visa')).toEqual([1]);
    expect(q('http.response.status_code>499')).toEqual([1]);
    expect(q('http.response.status_code<300')).toEqual([2]);
    expect(q('deployment.environment=prod')).toEqual([3, 2, 1]);
    expect(q('card.brand exists')).toEqual([1]);
    expect(q('http.response.status_code!=200', 'deployment.environment=prod')).toEqual([3, 1]);
    expect(q('card.brand=amex')).toEqual([]);
  });

  it('restricts to traces that start in the range', () => {
    expect(ids(searchTraceSummaries({ ...base, fromUnixNano: T0 + 1500n * MS, toUnixNano: T0 + 2500n * MS }))).toEqual([2]);
  });

  it('lists a service\'s operations, most frequent first', () => {
    expect(listOperations('gateway', T0, T0 + 60_000n * MS)).toHaveLength(3);
    expect(listOperations('payment', T0, T0 + 60_000n * MS)).toEqual(['charge']);
  });
});
