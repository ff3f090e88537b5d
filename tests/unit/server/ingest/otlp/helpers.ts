/** Test helpers: official OTLP JSON examples, and the same payloads re-encoded as protobuf. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codecs, type MessageCodec } from '@/server/ingest/otlp/common/schema';
import type { OtlpSignal } from '@/server/ingest/otlp/decode';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/otlp');

export type FixtureName = 'trace' | 'logs' | 'metrics' | 'events';

export function fixtureText(name: FixtureName): string {
  return readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
}

export function fixtureJson(name: FixtureName): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function jsonBody(value: unknown): Uint8Array {
  return utf8(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

const ID_KEYS = new Set(['traceId', 'spanId', 'parentSpanId']);

/**
 * OTLP/JSON object → object accepted by protobufjs `fromObject`: hex ids become bytes (fromObject
 * would read strings as base64). Everything else (int64 strings, enums as numbers) it handles.
 */
export function hexIdsToBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hexIdsToBytes);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = ID_KEYS.has(k) && typeof v === 'string' ? Buffer.from(v, 'hex') : hexIdsToBytes(v);
  }
  return out;
}

const REQUESTS: Record<OtlpSignal, MessageCodec> = {
  traces: codecs.traceRequest,
  logs: codecs.logsRequest,
  metrics: codecs.metricsRequest,
};

/** Encodes an OTLP/JSON-shaped object as the signal's protobuf Export*ServiceRequest. */
export function toProtobuf(signal: OtlpSignal, json: unknown): Uint8Array {
  const codec = REQUESTS[signal];
  return codec.encode(codec.fromObject(hexIdsToBytes(json) as object)).finish();
}
