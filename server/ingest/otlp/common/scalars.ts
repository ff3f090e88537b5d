/**
 * Field accessors shared by the protobuf and JSON paths. A decoded protobuf message has `null` for
 * absent fields; a parsed JSON object has `undefined` (or an explicit `null`, which proto3 JSON treats
 * as the default). Both mean "default value" here. Wrong types or out-of-range values throw
 * `ItemRejection`, which rejects the enclosing item only.
 *
 * Accessors take a short field name for the rejection message; they never allocate on the happy path.
 */
import { ItemRejection, OtlpDecodeError } from './errors';
import type { EnumValues, OtlpObject } from './schema';

const EMPTY: readonly unknown[] = Object.freeze([]);
const UINT32_MAX = 0xffffffff;

export function isObject(v: unknown): v is OtlpObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A repeated field inside an item: absent → empty, wrong type → reject the item. */
export function itemList(v: unknown, field: string): readonly unknown[] {
  if (v == null) return EMPTY;
  if (Array.isArray(v)) return v;
  throw new ItemRejection(`${field} must be an array`);
}

/** A repeated container field (resourceSpans, scopeSpans, …): wrong type is a body-level error. */
export function containerList(v: unknown, path: string): readonly unknown[] {
  if (v == null) return EMPTY;
  if (Array.isArray(v)) return v;
  throw new OtlpDecodeError(`${path} must be an array`);
}

export function str(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (v == null) return '';
  throw new ItemRejection(`${field} must be a string`);
}

export function bool(v: unknown, field: string): boolean {
  if (typeof v === 'boolean') return v;
  if (v == null) return false;
  throw new ItemRejection(`${field} must be a boolean`);
}

/** Integer in [min, max]; JSON may send it as a number, a decimal string or (lossless parse) a bigint. */
function boundedInt(v: unknown, field: string, min: number, max: number): number {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (v == null) return 0;
  else if (typeof v === 'string' && /^-?\d{1,12}$/.test(v)) n = Number(v);
  else if (typeof v === 'bigint') n = Number(v);
  else throw new ItemRejection(`${field} must be an integer`);
  if (!Number.isInteger(n) || n < min || n > max) throw new ItemRejection(`${field} out of range`);
  return n;
}

/** uint32 / fixed32 (flags, dropped counts). */
export function u32(v: unknown, field: string): number {
  return boundedInt(v, field, 0, UINT32_MAX);
}

/** int32 / sint32 (scale, bucket offsets, enums). */
export function i32(v: unknown, field: string): number {
  return boundedInt(v, field, -0x80000000, 0x7fffffff);
}

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** double: a number, or per proto3 JSON "NaN" / "Infinity" / "-Infinity" or a numeric string. */
export function dbl(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  if (v == null) return 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const special = Object.prototype.hasOwnProperty.call(SPECIAL_DOUBLES, v) ? SPECIAL_DOUBLES[v] : undefined;
    if (special !== undefined) return special;
    const n = v.trim() === '' ? NaN : Number(v);
    if (!Number.isNaN(n)) return n;
  }
  throw new ItemRejection(`${field} must be a number`);
}

/** proto3 `optional double`: absent → null. */
export function dblOrNull(v: unknown, field: string): number | null {
  return v == null ? null : dbl(v, field);
}

/** A list of doubles (explicitBounds). */
export function dblList(v: unknown, field: string): number[] {
  const list = itemList(v, field);
  const out = new Array<number>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = dbl(list[i], field);
  return out;
}

/**
 * Enum: integer (unknown values kept, as proto3 does), or leniently its name: exact
 * ("SPAN_KIND_SERVER"), any case, or without the prefix ("server").
 */
export function enumValue(v: unknown, values: EnumValues, prefix: string, field: string): number {
  if (typeof v !== 'string' || /^-?\d+$/.test(v)) return i32(v, field);
  const upper = v.toUpperCase();
  const own = Object.prototype.hasOwnProperty;
  if (own.call(values, upper)) return values[upper];
  if (own.call(values, prefix + upper)) return values[prefix + upper];
  throw new ItemRejection(`unknown ${field} ${JSON.stringify(v.slice(0, 40))}`);
}
