import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRow, ResourceRow, ScopeRow, SpanRow } from '@/server/store/rows';

// A real SQLite file with the real migrations.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-trace-view-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
const { getSqlite, closeDb } = await import('@/server/store/connection');
const { createRowWriter } = await import('@/server/store/row-writer');
const { getTraceView, getSpanDetailView } = await import('@/server/query/traces/get-trace-view');

const TRACE = 'a1'.repeat(16);
const T0 = 1_800_000_000_123_456_789n; // unix ns > 2^53: offsets must stay exact
const scope: ScopeRow = { name: 'lib', version: '2.0', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resource: ResourceRow = { serviceName: 'api', attributesJson: '[{"key":"service.name","value":{"stringValue":"api"}}]', droppedAttributesCount: 0, schemaUrl: '' };
const span = (id: string, parent: string | null, startOffset: bigint, dur: bigint, extra: Partial<SpanRow> = {}): SpanRow => ({
  traceId: TRACE, spanId: id, parentSpanId: parent, traceState: '', flags: 0, name: `op-${id.slice(0, 2)}`, kind: 2,
  startTimeUnixNano: T0 + startOffset, endTimeUnixNano: T0 + startOffset + dur, statusCode: 0, statusMessage: '',
  attributesJson: '[{"key":"k","value":{"intValue":"7"}}]', droppedAttributesCount: 0, eventsJson: '[]', droppedEventsCount: 0,
  linksJson: '[]', droppedLinksCount: 0, ...extra,
});
const log = (spanId: string | null): LogRow => ({
  timeUnixNano: T0 + 5n, observedTimeUnixNano: T0 + 5n, severityNumber: 9, severityText: 'INFO', bodyJson: '{"stringValue":"hi"}',
  bodyText: 'hi', attributesJson: '[]', droppedAttributesCount: 0, flags: 0, traceId: TRACE, spanId, eventName: '',
});

beforeAll(() => {
  createRowWriter(getSqlite())([{
    spans: [{ resource, scope, rows: [
      span('11'.repeat(8), null, 0n, 1_000_001n),
      span('22'.repeat(8), '11'.repeat(8), 1n, 999n, {
        statusCode: 2, statusMessage: 'card declined', traceState: 'v=1',
        eventsJson: JSON.stringify([{ timeUnixNano: String(T0 + 501n), name: 'retry', attributes: [{ key: 'n', value: { intValue: '2' } }] }]),
        linksJson: JSON.stringify([{ traceId: 'b2'.repeat(16), spanId: '33'.repeat(8), attributes: [] }]),
      }),
    ] }],
    logs: [{ resource, scope, rows: [log('22'.repeat(8)), log('22'.repeat(8)), log(null)] }],
  }]);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('trace view', () => {
  it('returns lean spans with exact relative times, event offsets and log counts', () => {
    const found = getTraceView(TRACE.toUpperCase());
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    const { trace } = found;
    expect(trace.startTimeUnixNano).toBe(String(T0));
    expect(trace.startMs).toBe(Number(T0 / 1_000_000n));
    expect(trace.endMs).toBe(Number((T0 + 1_000_001n + 999_999n) / 1_000_000n));
    expect(trace.traceLogCount).toBe(1);
    const child = trace.spans.find((s) => s.spanId === '22'.repeat(8))!;
    expect(child).toEqual({
      spanId: '22'.repeat(8), parentSpanId: '11'.repeat(8), name: 'op-22', serviceName: 'api', kind: 2, statusCode: 2,
      startNs: 1, durationNs: 999, events: [{ name: 'retry', offsetNs: 500 }], logCount: 2,
    });
  });

  it('answers not-found and bad-id', () => {
    expect(getTraceView('c3'.repeat(16)).kind).toBe('not-found');
    expect(getTraceView('xyz').kind).toBe('bad-id');
    expect(getTraceView('0'.repeat(32)).kind).toBe('bad-id');
  });

  it('returns one span\'s attributes, events, links, resource and scope', () => {
    const d = getSpanDetailView(TRACE, '22'.repeat(8))!;
    expect(d).toMatchObject({
      statusMessage: 'card declined', traceState: 'v=1', startTimeUnixNano: String(T0 + 1n),
      attributes: [{ key: 'k', value: { intValue: '7' } }],
      events: [{ name: 'retry', offsetNs: 500, attributes: [{ key: 'n', value: { intValue: '2' } }] }],
      links: [{ traceId: 'b2'.repeat(16), spanId: '33'.repeat(8) }],
      resource: { serviceName: 'api' }, scope: { name: 'lib', version: '2.0' },
    });
    expect(getSpanDetailView(TRACE, '44'.repeat(8))).toBeNull();
  });
});
