/**
 * AnyValue / KeyValue lists → canonical OTLP/JSON text (what the `*Json` row fields hold):
 * `intValue` as a decimal string, `doubleValue` as a number or "NaN"/"Infinity"/"-Infinity",
 * `bytesValue` as base64, an unset value as `{}`. Built by string concatenation in one pass over the
 * protobuf message or JSON object (no intermediate object tree, no JSON.stringify of the whole list).
 */
import { ItemRejection } from './errors';
import { i64 } from './int64';
import { bool, dbl, isObject, itemList, str } from './scalars';

/** Nesting limit for arrayValue/kvlistValue; deeper values reject the item (stack safety). */
export const MAX_ANY_VALUE_DEPTH = 64;

/** JSON text of a double: finite numbers as numbers, the rest as proto3 JSON strings. */
export function doubleJson(n: number): string {
  if (Number.isFinite(n)) return JSON.stringify(n);
  return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"';
}

function bytesBase64(v: unknown): string {
  if (v instanceof Uint8Array) {
    return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  }
  if (typeof v === 'string') {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) throw new ItemRejection('bytesValue must be base64');
    return Buffer.from(v, 'base64').toString('base64');
  }
  throw new ItemRejection('bytesValue must be base64');
}

function arrayJson(v: unknown, depth: number): string {
  if (!isObject(v)) throw new ItemRejection('arrayValue must be an object');
  const values = itemList(v.values, 'arrayValue.values');
  let out = '{"arrayValue":{"values":[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += anyValueJson(values[i], depth + 1);
  }
  return out + ']}}';
}

function kvlistJson(v: unknown, depth: number): string {
  if (!isObject(v)) throw new ItemRejection('kvlistValue must be an object');
  return '{"kvlistValue":{"values":' + keyValuesJson(v.values, depth + 1) + '}}';
}

/**
 * Canonical JSON of one AnyValue. The oneof is read in declaration order; a protobuf message has
 * `null` for the members that are not set, JSON has `undefined`.
 */
export function anyValueJson(v: unknown, depth = 0): string {
  if (v == null) return '{}';
  if (!isObject(v)) throw new ItemRejection('AnyValue must be an object');
  if (depth > MAX_ANY_VALUE_DEPTH) throw new ItemRejection('AnyValue nested too deeply');
  if (v.stringValue != null) return '{"stringValue":' + JSON.stringify(str(v.stringValue, 'stringValue')) + '}';
  if (v.boolValue != null) return bool(v.boolValue, 'boolValue') ? '{"boolValue":true}' : '{"boolValue":false}';
  if (v.intValue != null) return '{"intValue":"' + i64(v.intValue, 'intValue').toString() + '"}';
  if (v.doubleValue != null) return '{"doubleValue":' + doubleJson(dbl(v.doubleValue, 'doubleValue')) + '}';
  if (v.arrayValue != null) return arrayJson(v.arrayValue, depth);
  if (v.kvlistValue != null) return kvlistJson(v.kvlistValue, depth);
  if (v.bytesValue != null) return '{"bytesValue":"' + bytesBase64(v.bytesValue) + '"}';
  return '{}';
}

/**
 * Canonical JSON of a KeyValue list (attributes, kvlistValue.values, metadata): "[]" when empty.
 * Joined from an array rather than appended: join returns a flat string, where `+=` builds a rope
 * that V8 flattens (copies) the first time it is hashed, and the metric writer hashes every point's
 * attributes text for its series lookup (A/B in bench-like load: metrics +7%, traces +5%).
 */
export function keyValuesJson(list: unknown, depth = 0): string {
  const items = itemList(list, 'attributes');
  if (items.length === 0) return '[]';
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const kv = items[i];
    if (!isObject(kv)) throw new ItemRejection('attribute must be an object');
    parts.push((i === 0 ? '[{"key":' : '{"key":') + JSON.stringify(str(kv.key, 'attribute key')) + ',"value":' + anyValueJson(kv.value, depth) + '}');
  }
  parts[parts.length - 1] += ']';
  return parts.join(',');
}

/** The string value of attribute `key` in a KeyValue list, if it has one (e.g. service.name). */
export function findStringAttribute(list: unknown, key: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const kv of list) {
    if (isObject(kv) && kv.key === key && isObject(kv.value) && typeof kv.value.stringValue === 'string') {
      return kv.value.stringValue;
    }
  }
  return undefined;
}
