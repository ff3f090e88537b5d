import { describe, it, expect } from 'vitest';
import { codecs, protobufReflection } from '@/server/ingest/otlp/common/schema';
import { encodeExportResponse, encodeStatus } from '@/server/ingest/otlp/respond';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeExportResponse', () => {
  it('protobuf: full success is an empty message', () => {
    const bytes = encodeExportResponse('traces', 'protobuf');
    expect(bytes.length).toBe(0);
    expect(codecs.traceResponse.decode(bytes).partialSuccess).toBeNull();
  });

  it.each([
    ['traces', codecs.traceResponse, 'rejectedSpans'],
    ['logs', codecs.logsResponse, 'rejectedLogRecords'],
    ['metrics', codecs.metricsResponse, 'rejectedDataPoints'],
  ] as const)('protobuf partial success for %s decodes back', (signal, codec, field) => {
    const bytes = encodeExportResponse(signal, 'protobuf', { rejected: 3, errorMessage: 'span: traceId is missing' });
    const partial = codec.decode(bytes).partialSuccess as Record<string, unknown>;
    expect(String(partial[field])).toBe('3');
    expect(partial.errorMessage).toBe('span: traceId is missing');
  });

  it('JSON uses lowerCamelCase and int64 as a string', () => {
    expect(text(encodeExportResponse('logs', 'json'))).toBe('{}');
    expect(JSON.parse(text(encodeExportResponse('metrics', 'json', { rejected: 2, errorMessage: 'bad' })))).toEqual({
      partialSuccess: { rejectedDataPoints: '2', errorMessage: 'bad' },
    });
    expect(text(encodeExportResponse('traces', 'json', { rejected: 0, errorMessage: '' }))).toBe('{}');
  });
});

describe('encodeStatus', () => {
  it('JSON google.rpc.Status', () => {
    expect(JSON.parse(text(encodeStatus('json', 3, 'invalid JSON')))).toEqual({ code: 3, message: 'invalid JSON', details: [] });
  });

  it('protobuf google.rpc.Status decodes with an independently built schema', () => {
    const { Root, Type, Field } = protobufReflection;
    const root = new Root();
    root.define('google.protobuf').add(new Type('Any').add(new Field('typeUrl', 1, 'string')).add(new Field('value', 2, 'bytes')));
    const status = new Type('Status')
      .add(new Field('code', 1, 'int32'))
      .add(new Field('message', 2, 'string'))
      .add(new Field('details', 3, 'google.protobuf.Any', 'repeated'));
    root.define('google.rpc').add(status);
    const decoded = status.decode(encodeStatus('protobuf', 8, 'too much data')) as Record<string, unknown>;
    expect(decoded.code).toBe(8);
    expect(decoded.message).toBe('too much data');
    expect(decoded.details).toEqual([]);
  });

  it('protobuf wire bytes are exactly field 1 varint, field 2 string', () => {
    expect([...encodeStatus('protobuf', 3, 'ab')]).toEqual([0x08, 0x03, 0x12, 0x02, 0x61, 0x62]);
  });
});
