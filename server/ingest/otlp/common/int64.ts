/**
 * 64-bit integers. Protobuf (with long.js configured, see schema.ts) gives `Long`; OTLP/JSON gives a
 * decimal string or a number, and the lossless JSON path a bigint for integers beyond 2^53.
 * Nanosecond timestamps (~1.7e18) exceed 2^53, so everything ends up as an exact `bigint`.
 *
 * Signedness follows the proto field type, not the Long's own flag: times and counts are
 * fixed64/uint64 (unsigned), AnyValue.intValue and asInt are int64/sfixed64 (signed).
 */
import { ItemRejection } from './errors';
import { Long, type LongValue } from './schema';

const TWO_32 = 4294967296;
const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const DECIMAL = /^-?\d{1,20}$/;

/** Exact value of a Long's bits; takes the cheap number path when the value fits in 53 bits. */
function longToBigInt(v: LongValue, signed: boolean): bigint {
  const hi = v.high >>> 0;
  const lo = v.low >>> 0;
  if (signed && v.high < 0) return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  if (hi < 0x200000) return BigInt(hi * TWO_32 + lo);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

function toBigInt(v: unknown, signed: boolean, field: string): bigint {
  if (v instanceof Long) return longToBigInt(v, signed);
  if (typeof v === 'string') {
    if (!DECIMAL.test(v)) throw new ItemRejection(`${field} must be a decimal integer`);
    return BigInt(v);
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new ItemRejection(`${field} must be an integer`);
    return BigInt(v);
  }
  if (typeof v === 'bigint') return v;
  throw new ItemRejection(`${field} must be an integer`);
}

/** fixed64 / uint64: absent → 0n. */
export function u64(v: unknown, field: string): bigint {
  if (v == null) return 0n;
  const n = toBigInt(v, false, field);
  if (n < 0n || n > U64_MAX) throw new ItemRejection(`${field} out of range`);
  return n;
}

/** int64 / sfixed64: absent → 0n. */
export function i64(v: unknown, field: string): bigint {
  if (v == null) return 0n;
  const n = toBigInt(v, true, field);
  if (n < I64_MIN || n > I64_MAX) throw new ItemRejection(`${field} out of range`);
  return n;
}

/** A repeated uint64 (bucket counts). */
export function u64List(list: readonly unknown[], field: string): bigint[] {
  const out = new Array<bigint>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = u64(list[i], field);
  return out;
}
