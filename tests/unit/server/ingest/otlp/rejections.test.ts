import { describe, it, expect } from 'vitest';
import { decodeLogs, decodeMetrics, decodeTraces, OtlpDecodeError } from '@/server/ingest/otlp/decode';
import { jsonBody, toProtobuf, utf8 } from './helpers';

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

function spans(...items: unknown[]) {
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ spans: items }] }] };
}

describe('per-item rejection (partial success)', () => {
  it('rejects bad spans one at a time and keeps the rest', () => {
    const good = { traceId: TRACE, spanId: SPAN, name: 'ok', startTimeUnixNano: '2', endTimeUnixNano: '1' };
    const body = spans(
      good,
      { ...good, traceId: TRACE.slice(2) }, // wrong length
      { ...good, spanId: 'zzzzzzzzzzzzzzzz' }, // not hex
      { ...good, traceId: '0'.repeat(32) }, // all zero
      { ...good, spanId: undefined }, // missing
      { ...good, startTimeUnixNano: '1.5' }, // non-integer time
      { ...good, startTimeUnixNano: 1.5 },
      { ...good, endTimeUnixNano: '-1' }, // negative fixed64
      { ...good, name: 42 }, // wrong type
      { ...good, kind: 'SPAN_KIND_BOGUS' },
      { ...good, attributes: [{ key: 'x', value: { intValue: 'abc' } }] },
      'not a span',
    );
    const out = decodeTraces(jsonBody(body), 'json');
    expect(out.rejected).toBe(11);
    expect(out.groups[0].rows).toHaveLength(1);
    expect(out.groups[0].rows[0]).toMatchObject({ name: 'ok', startTimeUnixNano: 2n, endTimeUnixNano: 1n }); // end < start kept
    expect(out.rejectionReasons.length).toBeGreaterThan(0);
    expect(out.rejectionReasons.length).toBeLessThanOrEqual(5);
    expect(out.rejectionReasons[0]).toMatch(/traceId/);
  });

  it('rejects wrong-length ids in protobuf too', () => {
    const body = toProtobuf('traces', spans({ traceId: TRACE, spanId: SPAN }, { traceId: TRACE + 'ab', spanId: SPAN }));
    const out = decodeTraces(body, 'protobuf');
    expect(out.rejected).toBe(1);
    expect(out.groups[0].rows).toHaveLength(1);
    expect(out.rejectionReasons[0]).toMatch(/traceId must be 16 bytes/);
  });

  it('log records: malformed ids reject, all-zero ids mean "not correlated"', () => {
    const body = { resourceLogs: [{ scopeLogs: [{ logRecords: [
      { traceId: '0'.repeat(32), spanId: '0'.repeat(16), body: { stringValue: 'a' } },
      { traceId: 'abc', body: { stringValue: 'b' } },
      { severityNumber: 'SEVERITY_NUMBER_WARN', body: { stringValue: 'c' } },
    ] }] }] };
    const out = decodeLogs(jsonBody(body), 'json');
    expect(out.rejected).toBe(1);
    expect(out.groups[0].rows.map((r) => [r.bodyText, r.traceId, r.spanId, r.severityNumber])).toEqual([
      ['a', null, null, 0],
      ['c', null, null, 13],
    ]);
  });

  it('metrics are rejected per data point; a bad metric rejects all its points', () => {
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [
      { name: 'ok', gauge: { dataPoints: [{ asDouble: 1 }, { asDouble: 'x' }, { timeUnixNano: 'soon', asInt: '1' }] } },
      { name: 7, sum: { dataPoints: [{ asDouble: 1 }, { asDouble: 2 }] } },
      { name: 'nodata' },
    ] }] }] };
    const out = decodeMetrics(jsonBody(body), 'json');
    expect(out.rejected).toBe(4);
    expect(out.groups[0].rows).toHaveLength(1);
  });

  it('a bad resource rejects everything beneath it', () => {
    const body = { resourceSpans: [
      { resource: { attributes: 'nope' }, scopeSpans: [{ spans: [{ traceId: TRACE, spanId: SPAN }, {}] }] },
      { scopeSpans: [{ spans: [{ traceId: TRACE, spanId: SPAN }] }] },
    ] };
    const out = decodeTraces(jsonBody(body), 'json');
    expect(out.rejected).toBe(2);
    expect(out.groups).toHaveLength(1);
    expect(out.rejectionReasons[0]).toMatch(/^resource: /);
  });

  it('keeps at most 5 distinct reasons', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ traceId: TRACE, spanId: SPAN, flags: -i - 1, name: i % 2 ? 1 : 'x', kind: `K${i}` }));
    const out = decodeTraces(jsonBody(spans(...items)), 'json');
    expect(out.rejected).toBe(50);
    expect(out.rejectionReasons.length).toBeLessThanOrEqual(5);
    expect(new Set(out.rejectionReasons).size).toBe(out.rejectionReasons.length);
  });
});

describe('whole-body errors throw OtlpDecodeError', () => {
  const cases: [string, Uint8Array, 'json' | 'protobuf', RegExp][] = [
    ['not JSON', utf8('{"resourceSpans": ['), 'json', /invalid JSON/],
    ['JSON array', utf8('[]'), 'json', /must be a JSON object/],
    ['JSON string', utf8('"x"'), 'json', /must be a JSON object/],
    ['resourceSpans not an array', utf8('{"resourceSpans": {}}'), 'json', /resourceSpans must be an array/],
    ['scopeSpans not an array', utf8('{"resourceSpans": [{"scopeSpans": 3}]}'), 'json', /resourceSpans\[0\]\.scopeSpans must be an array/],
    ['resource entry not an object', utf8('{"resourceSpans": [1]}'), 'json', /resourceSpans\[0\] must be an object/],
    ['spans not an array', utf8('{"resourceSpans": [{"scopeSpans": [{"spans": "x"}]}]}'), 'json', /spans must be an array/],
    ['truncated protobuf', new Uint8Array([0x0a, 0x10, 0x0a]), 'protobuf', /invalid protobuf/],
    ['JSON sent as protobuf', utf8('{"resourceSpans":[]}'), 'protobuf', /invalid protobuf/],
  ];
  it.each(cases)('%s', (_name, body, encoding, message) => {
    expect(() => decodeTraces(body, encoding)).toThrow(OtlpDecodeError);
    expect(() => decodeTraces(body, encoding)).toThrow(message);
  });

  it('an empty protobuf body or {} is a valid empty request', () => {
    expect(decodeTraces(new Uint8Array(0), 'protobuf')).toEqual({ groups: [], rejected: 0, rejectionReasons: [] });
    expect(decodeMetrics(utf8('{}'), 'json')).toEqual({ groups: [], rejected: 0, rejectionReasons: [] });
  });
});
