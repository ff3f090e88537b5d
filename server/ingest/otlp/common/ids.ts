/**
 * Trace and span ids. Protobuf delivers them as bytes (Uint8Array, usually a Buffer view), OTLP/JSON
 * as hex strings in any case (the spec's deliberate exception to proto3 JSON's base64). Output is
 * always lowercase hex: 32 chars for a trace id, 16 for a span id.
 */
import { ItemRejection } from './errors';

/** Length of an id in bytes. */
export type IdBytes = 8 | 16;

const HEX_16 = /^[0-9a-fA-F]{16}$/;
const HEX_32 = /^[0-9a-fA-F]{32}$/;
const ALL_ZERO = /^0+$/;

/** Lowercase hex of a byte array, without copying the bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  if (Buffer.isBuffer(bytes)) return bytes.toString('hex');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Normalised id, or "" when absent/empty. Wrong length, non-hex text or a wrong type rejects the item.
 */
export function idHex(v: unknown, bytes: IdBytes, field: string): string {
  if (v == null) return '';
  if (typeof v === 'string') {
    if (v.length === 0) return '';
    if (!(bytes === 16 ? HEX_32 : HEX_16).test(v)) {
      throw new ItemRejection(`${field} must be ${bytes * 2} hex characters`);
    }
    return v.toLowerCase();
  }
  if (v instanceof Uint8Array) {
    if (v.length === 0) return '';
    if (v.length !== bytes) throw new ItemRejection(`${field} must be ${bytes} bytes, got ${v.length}`);
    return bytesToHex(v);
  }
  throw new ItemRejection(`${field} must be a hex string`);
}

export function isZeroId(hex: string): boolean {
  return ALL_ZERO.test(hex);
}

/** A span's own trace/span id: mandatory and not all zeros (W3C: all-zero ids are invalid). */
export function requiredId(v: unknown, bytes: IdBytes, field: string): string {
  const hex = idHex(v, bytes, field);
  if (hex === '') throw new ItemRejection(`${field} is missing`);
  if (isZeroId(hex)) throw new ItemRejection(`${field} is all zeros`);
  return hex;
}

/** An optional reference (parent span, log correlation, exemplar): empty or all zeros → null. */
export function optionalId(v: unknown, bytes: IdBytes, field: string): string | null {
  const hex = idHex(v, bytes, field);
  return hex === '' || isZeroId(hex) ? null : hex;
}
