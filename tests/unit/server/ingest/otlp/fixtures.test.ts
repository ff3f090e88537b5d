import { describe, it, expect } from 'vitest';
import { decodeLogs, decodeMetrics, decodeTraces } from '@/server/ingest/otlp/decode';
import { fixtureJson, fixtureText, toProtobuf, utf8 } from './helpers';

const SCOPE_ATTRS = '[{"key":"my.scope.attribute","value":{"stringValue":"some scope attribute"}}]';

describe('official OTLP JSON examples', () => {
  it('trace.json: ids lowercased, exact times, kind, attributes, resource and scope', () => {
    const out = decodeTraces(utf8(fixtureText('trace')), 'json');
    expect(out.rejected).toBe(0);
    expect(out.groups).toHaveLength(1);
    const [group] = out.groups;
    expect(group.resource).toEqual({
      serviceName: 'my.service',
      attributesJson: '[{"key":"service.name","value":{"stringValue":"my.service"}}]',
      droppedAttributesCount: 0,
      schemaUrl: '',
    });
    expect(group.scope).toEqual({
      name: 'my.library', version: '1.0.0', attributesJson: SCOPE_ATTRS, droppedAttributesCount: 0, schemaUrl: '',
    });
    expect(group.rows).toEqual([{
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: 'eee19b7ec3c1b173',
      traceState: '',
      flags: 0,
      name: "I'm a server span",
      kind: 2,
      startTimeUnixNano: 1544712660000000000n,
      endTimeUnixNano: 1544712661000000000n,
      statusCode: 0,
      statusMessage: '',
      attributesJson: '[{"key":"my.span.attr","value":{"stringValue":"some value"}}]',
      droppedAttributesCount: 0,
      eventsJson: '[]',
      droppedEventsCount: 0,
      linksJson: '[]',
      droppedLinksCount: 0,
    }]);
  });

  it('logs.json: every AnyValue kind in canonical form', () => {
    const out = decodeLogs(utf8(fixtureText('logs')), 'json');
    expect(out.rejected).toBe(0);
    const row = out.groups[0].rows[0];
    expect(row).toMatchObject({
      timeUnixNano: 1544712660300000000n,
      observedTimeUnixNano: 1544712660300000000n,
      severityNumber: 10,
      severityText: 'Information',
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      bodyJson: '{"stringValue":"Example log record"}',
      bodyText: 'Example log record',
      flags: 0,
      eventName: '',
    });
    expect(JSON.parse(row.attributesJson)).toEqual([
      { key: 'string.attribute', value: { stringValue: 'some string' } },
      { key: 'boolean.attribute', value: { boolValue: true } },
      { key: 'int.attribute', value: { intValue: '10' } },
      { key: 'double.attribute', value: { doubleValue: 637.704 } },
      { key: 'array.attribute', value: { arrayValue: { values: [{ stringValue: 'many' }, { stringValue: 'values' }] } } },
      { key: 'map.attribute', value: { kvlistValue: { values: [{ key: 'some.map.key', value: { stringValue: 'some value' } }] } } },
    ]);
  });

  it('events.json: event name, kvlist body, no trace correlation', () => {
    const row = decodeLogs(utf8(fixtureText('events')), 'json').groups[0].rows[0];
    expect(row.eventName).toBe('browser.page_view');
    expect(row.severityNumber).toBe(9);
    expect(row.traceId).toBeNull();
    expect(row.spanId).toBeNull();
    expect(JSON.parse(row.bodyJson).kvlistValue.values[0]).toEqual({ key: 'type', value: { intValue: '0' } });
    expect(row.bodyText).toContain('https://www.guidgenerator.com/online-guid-generator.aspx');
  });

  it('metrics.json: sum, gauge, histogram and exponential histogram points', () => {
    const out = decodeMetrics(utf8(fixtureText('metrics')), 'json');
    expect(out.rejected).toBe(0);
    const rows = out.groups[0].rows;
    expect(rows.map((r) => r.series.kind)).toEqual(['sum', 'gauge', 'histogram', 'exponentialHistogram']);
    const [sum, gauge, hist, exp] = rows;
    expect(sum.series).toMatchObject({ name: 'my.counter', unit: '1', description: 'I am a Counter', temporality: 1, isMonotonic: true, metadataJson: '[]' });
    expect(sum.series.attributesJson).toBe('[{"key":"my.counter.attr","value":{"stringValue":"some value"}}]');
    expect(sum.point).toEqual({
      kind: 'number', value: 5, startTimeUnixNano: 1544712660300000000n, timeUnixNano: 1544712660300000000n, flags: 0, exemplars: [],
    });
    expect(gauge.series).toMatchObject({ name: 'my.gauge', temporality: 0, isMonotonic: false });
    expect(gauge.point).toMatchObject({ kind: 'number', value: 10, startTimeUnixNano: 0n });
    expect(hist.point).toEqual({
      kind: 'histogram', startTimeUnixNano: 1544712660300000000n, timeUnixNano: 1544712660300000000n, flags: 0, exemplars: [],
      count: 2n, sum: 2, min: 0, max: 2, bucketCounts: [1n, 1n], explicitBounds: [1],
    });
    expect(exp.point).toEqual({
      kind: 'exponentialHistogram', startTimeUnixNano: 1544712660300000000n, timeUnixNano: 1544712660300000000n, flags: 0,
      exemplars: [], count: 3n, sum: 10, min: 0, max: 5, scale: 0, zeroCount: 1n, zeroThreshold: 0,
      positiveOffset: 1, positiveBucketCounts: [0n, 2n], negativeOffset: 0, negativeBucketCounts: [],
    });
  });
});

describe('protobuf and JSON give identical rows', () => {
  it.each([
    ['traces', 'trace', decodeTraces],
    ['logs', 'logs', decodeLogs],
    ['logs', 'events', decodeLogs],
    ['metrics', 'metrics', decodeMetrics],
  ] as const)('%s (%s.json)', (signal, name, decode) => {
    const fromJson = decode(utf8(fixtureText(name)), 'json');
    const fromProto = decode(toProtobuf(signal, fixtureJson(name)), 'protobuf');
    expect(fromProto).toEqual(fromJson);
    expect(fromJson.groups.length).toBeGreaterThan(0);
  });
});
