import { describe, it, expect } from 'vitest';
import { Long } from '@/server/ingest/otlp/common/schema';
import { decodeLogs, decodeMetrics, decodeTraces } from '@/server/ingest/otlp/decode';
import { toProtobuf, utf8 } from './helpers';

const BIG = '1700000000123456789'; // > 2^53: a double would round it to …456768
const TRACE = '5B8EFFF798038103D269B633813FC60C';
const SPAN = 'EEE19B7EC3C1B174';

function traceRequest(span: Record<string, unknown>) {
  return { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] };
}

function logRequest(record: Record<string, unknown>) {
  return { resourceLogs: [{ scopeLogs: [{ logRecords: [record] }] }] };
}

describe('64-bit precision', () => {
  it('protobuf: a fixed64 timestamp above 2^53 decodes exactly', () => {
    const body = toProtobuf('traces', traceRequest({ traceId: TRACE, spanId: SPAN, startTimeUnixNano: BIG, endTimeUnixNano: '18446744073709551615' }));
    const row = decodeTraces(body, 'protobuf').groups[0].rows[0];
    expect(row.startTimeUnixNano).toBe(1700000000123456789n);
    expect(row.endTimeUnixNano).toBe(18446744073709551615n); // uint64 max: unsigned, not -1
  });

  it('protobuf: int64 intValue is signed and exact', () => {
    const attributes = [
      { key: 'neg', value: { intValue: Long.fromString('-9223372036854775808') } },
      { key: 'big', value: { intValue: Long.fromString('9007199254740993') } },
      { key: 'small', value: { intValue: -5 } },
    ];
    const body = toProtobuf('logs', logRequest({ attributes }));
    const row = decodeLogs(body, 'protobuf').groups[0].rows[0];
    expect(JSON.parse(row.attributesJson)).toEqual([
      { key: 'neg', value: { intValue: '-9223372036854775808' } },
      { key: 'big', value: { intValue: '9007199254740993' } },
      { key: 'small', value: { intValue: '-5' } },
    ]);
  });

  it('JSON: int64 as string or as a bare number, both exact (lossless parse for big literals)', () => {
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"${TRACE}","spanId":"${SPAN}","startTimeUnixNano":${BIG},"endTimeUnixNano":"${BIG}",
       "attributes":[{"key":"n","value":{"intValue":9223372036854775807}},{"key":"d","value":{"doubleValue":12345678901234567890}}]}
    ]}]}]}`;
    const out = decodeTraces(utf8(text), 'json');
    expect(out.rejected).toBe(0);
    const row = out.groups[0].rows[0];
    expect(row.startTimeUnixNano).toBe(1700000000123456789n);
    expect(row.endTimeUnixNano).toBe(1700000000123456789n);
    expect(row.attributesJson).toBe(
      '[{"key":"n","value":{"intValue":"9223372036854775807"}},{"key":"d","value":{"doubleValue":12345678901234567000}}]',
    );
  });

  it('JSON: small int64 numbers and strings are accepted everywhere', () => {
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'h', histogram: { aggregationTemporality: 'AGGREGATION_TEMPORALITY_CUMULATIVE', dataPoints: [
      { timeUnixNano: 1000, count: 3, bucketCounts: [1, '2'], explicitBounds: [1], sum: 'NaN', min: '-Infinity', max: 'Infinity' },
    ] } }] }] }] };
    const out = decodeMetrics(utf8(JSON.stringify(body)), 'json');
    expect(out.rejected).toBe(0);
    const row = out.groups[0].rows[0];
    expect(row.series.temporality).toBe(2);
    expect(row.point).toMatchObject({ timeUnixNano: 1000n, count: 3n, bucketCounts: [1n, 2n], sum: NaN, min: -Infinity, max: Infinity });
  });

  it('asInt stays a bigint, asDouble a number, on points and exemplars', () => {
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'g', gauge: { dataPoints: [
      { asInt: '9007199254740993', exemplars: [{ asDouble: 1.5, traceId: TRACE, spanId: SPAN, timeUnixNano: BIG }] },
      { asDouble: 2.25, exemplars: [{ asInt: '-7', filteredAttributes: [{ key: 'k', value: { boolValue: false } }] }] },
    ] } }] }] }] };
    for (const [enc, bytes] of [['json', utf8(JSON.stringify(body))], ['protobuf', toProtobuf('metrics', body)]] as const) {
      const [a, b] = decodeMetrics(bytes, enc).groups[0].rows;
      expect(a.point).toMatchObject({ kind: 'number', value: 9007199254740993n });
      expect(a.point.exemplars).toEqual([{
        timeUnixNano: 1700000000123456789n, value: 1.5, traceId: TRACE.toLowerCase(), spanId: SPAN.toLowerCase(), filteredAttributesJson: '[]',
      }]);
      expect(b.point).toMatchObject({ kind: 'number', value: 2.25 });
      expect(b.point.exemplars[0]).toMatchObject({ value: -7n, traceId: null, spanId: null, filteredAttributesJson: '[{"key":"k","value":{"boolValue":false}}]' });
    }
  });
});

describe('JSON leniency', () => {
  it('accepts uppercase / mixed-case hex ids and enum names', () => {
    const span = { traceId: TRACE, spanId: 'eEe19B7ec3c1b174', parentSpanId: '', kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR', message: 'boom' } };
    const row = decodeTraces(utf8(JSON.stringify(traceRequest(span))), 'json').groups[0].rows[0];
    expect(row).toMatchObject({ traceId: TRACE.toLowerCase(), spanId: 'eee19b7ec3c1b174', parentSpanId: null, kind: 3, statusCode: 2, statusMessage: 'boom' });
  });

  it('ignores unknown fields and keeps events and links in canonical JSON', () => {
    const span = {
      traceId: TRACE, spanId: SPAN, unknownField: { deep: [1, 2] }, flags: 257,
      events: [{ timeUnixNano: BIG, name: 'ev', attributes: [{ key: 'b', value: { bytesValue: 'AQID' } }], droppedAttributesCount: 1 }],
      links: [{ traceId: TRACE, spanId: SPAN, traceState: 'a=b', flags: 1 }],
    };
    const row = decodeTraces(utf8(JSON.stringify(traceRequest(span))), 'json').groups[0].rows[0];
    expect(row.flags).toBe(257);
    expect(JSON.parse(row.eventsJson)).toEqual([
      { timeUnixNano: BIG, name: 'ev', attributes: [{ key: 'b', value: { bytesValue: 'AQID' } }], droppedAttributesCount: 1 },
    ]);
    expect(JSON.parse(row.linksJson)).toEqual([
      { traceId: TRACE.toLowerCase(), spanId: SPAN.toLowerCase(), traceState: 'a=b', attributes: [], droppedAttributesCount: 0, flags: 1 },
    ]);
  });

  it('defaults service.name to unknown_service and an unset AnyValue to {}', () => {
    const body = logRequest({ attributes: [{ key: 'empty' }] });
    const { groups } = decodeLogs(utf8(JSON.stringify(body)), 'json');
    expect(groups[0].resource.serviceName).toBe('unknown_service');
    expect(groups[0].rows[0]).toMatchObject({ bodyJson: '{}', bodyText: '', attributesJson: '[{"key":"empty","value":{}}]' });
  });
});
