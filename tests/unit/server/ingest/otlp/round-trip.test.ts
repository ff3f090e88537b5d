import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DecodedExport, ScopedRows } from '@/server/store/rows';
import { decodeLogs, decodeMetrics, decodeTraces, type OtlpEncoding, type OtlpSignal } from '@/server/ingest/otlp/decode';
import { spanGroupsToOtlpJson } from '@/server/query/otlp-json/traces';
import { logGroupsToOtlpJson } from '@/server/query/otlp-json/logs';
import { metricGroupsToOtlpJson } from '@/server/query/otlp-json/metrics';
import { exportRequest, logRecord, metric, span } from './arbitraries';
import { fixtureText, jsonBody, toProtobuf, utf8, type FixtureName } from './helpers';

interface Codec {
  signal: OtlpSignal;
  decode(body: Uint8Array, enc: OtlpEncoding): DecodedExport<unknown>;
  toJson(groups: ScopedRows<never>[]): unknown;
}
const traces: Codec = { signal: 'traces', decode: decodeTraces, toJson: spanGroupsToOtlpJson };
const logs: Codec = { signal: 'logs', decode: decodeLogs, toJson: logGroupsToOtlpJson };
const metrics: Codec = { signal: 'metrics', decode: decodeMetrics, toJson: metricGroupsToOtlpJson };

/** Stringify that tolerates bigint (for sorting only; equality is checked with toEqual). */
function key(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** (resource, scope, row) triples in a canonical order: regrouping may merge equal resources/scopes/metrics. */
function flatten(groups: ScopedRows<unknown>[]) {
  return groups
    .flatMap((g) => g.rows.map((row) => ({ resource: g.resource, scope: g.scope, row })))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function roundTrip(codec: Codec, first: DecodedExport<unknown>, via: OtlpEncoding) {
  const otlp = codec.toJson(first.groups as ScopedRows<never>[]);
  const body = via === 'json' ? jsonBody(otlp) : toProtobuf(codec.signal, JSON.parse(JSON.stringify(otlp)));
  return codec.decode(body, via);
}

describe('rows → OTLP/JSON → rows', () => {
  it.each([
    ['trace', traces], ['logs', logs], ['events', logs], ['metrics', metrics],
  ] as [FixtureName, Codec][])('%s.json round-trips exactly (JSON and protobuf)', (name, codec) => {
    const first = codec.decode(utf8(fixtureText(name)), 'json');
    expect(first.groups.length).toBeGreaterThan(0);
    expect(roundTrip(codec, first, 'json')).toEqual(first);
    expect(roundTrip(codec, first, 'protobuf')).toEqual(first);
  });

  it('produces spec-shaped OTLP/JSON for the trace example', () => {
    const out = spanGroupsToOtlpJson(decodeTraces(utf8(fixtureText('trace')), 'json').groups as never);
    const rs = out.resourceSpans[0];
    expect(rs.resource).toEqual({ attributes: [{ key: 'service.name', value: { stringValue: 'my.service' } }], droppedAttributesCount: 0 });
    expect(rs.scopeSpans[0].scope).toMatchObject({ name: 'my.library', version: '1.0.0' });
    expect(rs.scopeSpans[0].spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c', parentSpanId: 'eee19b7ec3c1b173',
      startTimeUnixNano: '1544712660000000000', kind: 2, status: { code: 0, message: '' },
    });
  });

  it('groups points of one metric identity under a single Metric', () => {
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [
      { name: 'm', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ asInt: '1', attributes: [{ key: 'a', value: { stringValue: 'x' } }] }] } },
      { name: 'm', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ asInt: '2', attributes: [{ key: 'a', value: { stringValue: 'y' } }] }] } },
    ] }] }] };
    const out = metricGroupsToOtlpJson(decodeMetrics(jsonBody(body), 'json').groups);
    const ms = out.resourceMetrics[0].scopeMetrics[0].metrics;
    expect(ms).toHaveLength(1);
    expect(ms[0].sum?.dataPoints.map((p) => ('asInt' in p ? p.asInt : null))).toEqual(['1', '2']);
  });
});

describe('round-trip properties on generated valid payloads', () => {
  const cases: [string, Codec, fc.Arbitrary<unknown>][] = [
    ['traces', traces, exportRequest(['resourceSpans', 'scopeSpans', 'spans'], span)],
    ['logs', logs, exportRequest(['resourceLogs', 'scopeLogs', 'logRecords'], logRecord)],
    ['metrics', metrics, exportRequest(['resourceMetrics', 'scopeMetrics', 'metrics'], metric)],
  ];
  it.each(cases)('%s: JSON and protobuf decode alike, and rows survive a round trip', (_name, codec, arb) => {
    fc.assert(
      fc.property(arb, (request) => {
        const first = codec.decode(jsonBody(request), 'json');
        expect(first.rejected).toBe(0);
        expect(codec.decode(toProtobuf(codec.signal, request), 'protobuf')).toEqual(first);
        expect(flatten(roundTrip(codec, first, 'json').groups)).toEqual(flatten(first.groups));
      }),
      { numRuns: 150 },
    );
  });
});
