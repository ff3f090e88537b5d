/**
 * Hostile input: whatever the bytes, every decoder returns a result or throws OtlpDecodeError
 * (→ HTTP 400), never another exception, and finishes quickly.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DecodedExport } from '@/server/store/rows';
import { decodeLogs, decodeMetrics, decodeTraces, OtlpDecodeError, type OtlpEncoding } from '@/server/ingest/otlp/decode';
import { exportRequest, logRecord, metric, span } from './arbitraries';
import { fixtureJson, toProtobuf, utf8 } from './helpers';

type Decoder = (body: Uint8Array, enc: OtlpEncoding) => DecodedExport<unknown>;
const DECODERS: [string, Decoder][] = [['traces', decodeTraces], ['logs', decodeLogs], ['metrics', decodeMetrics]];
const MAX_MS = 1000;

/** Runs every decoder on `body`; fails on any exception other than OtlpDecodeError or on slowness. */
function decodeAll(body: Uint8Array, enc: OtlpEncoding): void {
  for (const [, decode] of DECODERS) {
    const started = performance.now();
    try {
      const out = decode(body, enc);
      expect(Number.isInteger(out.rejected) && out.rejected >= 0).toBe(true);
      expect(out.rejectionReasons.length).toBeLessThanOrEqual(5);
      for (const g of out.groups) expect(g.rows.length).toBeGreaterThan(0);
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) throw error;
      expect(error.message.length).toBeLessThan(500);
    }
    expect(performance.now() - started).toBeLessThan(MAX_MS);
  }
}

const validProtobuf = [
  toProtobuf('traces', fixtureJson('trace')),
  toProtobuf('logs', fixtureJson('logs')),
  toProtobuf('metrics', fixtureJson('metrics')),
];

/** Valid skeleton for every signal with arbitrary JSON values plugged in at random places. */
const hostileSkeleton = fc.jsonValue({ maxDepth: 3 }).chain((leaf) =>
  fc.constantFrom(
    { resourceSpans: [{ resource: leaf, scopeSpans: [{ spans: [leaf] }] }] },
    { resourceSpans: [{ scopeSpans: [{ scope: leaf, spans: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', attributes: [{ key: 'k', value: leaf }], events: leaf, links: [leaf], status: leaf }] }] }] },
    { resourceLogs: [{ scopeLogs: [{ logRecords: [leaf, { body: leaf, attributes: leaf, traceId: leaf, severityNumber: leaf }] }] }] },
    { resourceMetrics: [{ scopeMetrics: [{ metrics: [leaf, { name: 'm', gauge: leaf }, { name: 'h', histogram: { dataPoints: [leaf, { bucketCounts: leaf, exemplars: [leaf] }] } }, { name: 'e', exponentialHistogram: { dataPoints: [{ positive: leaf, scale: leaf }] } }, { name: 's', summary: { dataPoints: [{ quantileValues: [leaf] }] } }] }] }] },
    { resourceSpans: leaf, resourceLogs: leaf, resourceMetrics: leaf },
  ),
);

/** A valid request with one random leaf replaced (mutation fuzzing of typed fields). */
const validRequest = fc.oneof(
  exportRequest(['resourceSpans', 'scopeSpans', 'spans'], span),
  exportRequest(['resourceLogs', 'scopeLogs', 'logRecords'], logRecord),
  exportRequest(['resourceMetrics', 'scopeMetrics', 'metrics'], metric),
);

describe('decoders never throw anything but OtlpDecodeError', () => {
  it('random bytes as protobuf and as JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        decodeAll(bytes, 'protobuf');
        decodeAll(bytes, 'json');
      }),
      { numRuns: 400 },
    );
  });

  it('truncated and bit-flipped valid protobuf', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validProtobuf), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (valid, cut, at, byte) => {
        decodeAll(valid.subarray(0, cut % (valid.length + 1)), 'protobuf');
        const flipped = Uint8Array.from(valid);
        flipped[at % flipped.length] = byte;
        decodeAll(flipped, 'protobuf');
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => decodeAll(utf8(JSON.stringify(value) ?? 'null'), 'json')),
      { numRuns: 300 },
    );
  });

  it('OTLP skeletons with wrong types in every position', () => {
    fc.assert(fc.property(hostileSkeleton, (value) => decodeAll(utf8(JSON.stringify(value)), 'json')), { numRuns: 400 });
  });

  it('valid requests, JSON text truncated or with a character replaced', () => {
    fc.assert(
      fc.property(validRequest, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (request, at, ch) => {
        const text = JSON.stringify(request);
        decodeAll(utf8(text.slice(0, at % (text.length + 1))), 'json');
        const i = at % text.length;
        decodeAll(utf8(text.slice(0, i) + ch + text.slice(i + 1)), 'json');
      }),
      { numRuns: 300 },
    );
  });
});

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n > 0x7f; n >>>= 7) out.push((n & 0x7f) | 0x80);
  out.push(n);
  return out;
}

/**
 * Protobuf ExportLogsServiceRequest whose single log body is an AnyValue nested `depth` kvlists
 * deep, written by hand (every wrapper is a prefix, so it is built inside-out in linear time).
 */
function nestedProtobufLogBody(depth: number): Uint8Array {
  const leaf = [0x0a, 0x04, ...Buffer.from('leaf')]; // AnyValue.string_value
  const prefixes: number[][] = [];
  let size = leaf.length;
  const wrap = (tag: number, extra: number[] = []) => {
    const prefix = [...extra, tag, ...varint(size)];
    prefixes.push(prefix);
    size += prefix.length;
  };
  for (let i = 0; i < depth; i++) {
    wrap(0x12, [0x0a, 0x01, 0x6b]); // KeyValue { key: "k", value }
    wrap(0x0a); // KeyValueList.values
    wrap(0x32); // AnyValue.kvlist_value
  }
  wrap(0x2a); // LogRecord.body
  wrap(0x12); // ScopeLogs.log_records
  wrap(0x12); // ResourceLogs.scope_logs
  wrap(0x0a); // ExportLogsServiceRequest.resource_logs
  return Uint8Array.from([...prefixes.reverse().flat(), ...leaf]);
}

describe('pathological sizes and nesting', () => {
  /** JSON text of an AnyValue nested `depth` kvlists deep (built as text: JSON.stringify would overflow). */
  function nestedAnyValueText(depth: number): string {
    return '{"kvlistValue":{"values":[{"key":"k","value":'.repeat(depth) + '{"stringValue":"leaf"}' + '}]}}'.repeat(depth);
  }
  const logsWithBody = (...bodies: string[]) =>
    `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${bodies.map((b) => `{"body":${b}}`).join(',')}]}]}]}`;

  it('deeply nested JSON arrays are a decode error, not a crash', () => {
    decodeAll(utf8('['.repeat(100_000) + ']'.repeat(100_000)), 'json');
    decodeAll(utf8(`{"resourceSpans":${'['.repeat(50_000)}${']'.repeat(50_000)}}`), 'json');
  });

  it('deeply nested AnyValue rejects the record (JSON) or the body (protobuf)', () => {
    const text = logsWithBody(nestedAnyValueText(5_000), '{"stringValue":"ok"}');
    const out = decodeLogs(utf8(text), 'json');
    expect(out.rejected).toBe(1);
    expect(out.groups[0].rows[0].bodyText).toBe('ok');
    decodeAll(nestedProtobufLogBody(20_000), 'protobuf'); // protobufjs overflows the stack → OtlpDecodeError
    expect(decodeLogs(nestedProtobufLogBody(200), 'protobuf').rejected).toBe(1); // our depth limit
  });

  it('moderately nested AnyValue is kept', () => {
    const out = decodeLogs(utf8(logsWithBody(nestedAnyValueText(20))), 'json');
    expect(out.rejected).toBe(0);
    expect(out.groups[0].rows[0].bodyText).toContain('leaf');
  });

  it('huge strings and many attributes decode in bounded time', () => {
    const big = 'x'.repeat(2_000_000);
    const attributes = Array.from({ length: 20_000 }, (_, i) => ({ key: `k${i}`, value: { intValue: String(i) } }));
    const request = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: big, attributes }] }] }] };
    decodeAll(utf8(JSON.stringify(request)), 'json');
    decodeAll(toProtobuf('traces', request), 'protobuf');
    expect(decodeTraces(toProtobuf('traces', request), 'protobuf').groups[0].rows[0].name).toHaveLength(big.length);
  });
});
