/**
 * Reads canonical OTLP/JSON KeyValue lists (as stored in `*Json` columns) into simple shapes.
 * Pure and isomorphic: the UI uses it to show attributes, the server to derive labels.
 */

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}

export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

/** Plain-text rendering of an AnyValue: strings as-is, numbers and booleans as written, composites as JSON. */
export function anyValueToText(value: OtlpAnyValue | undefined): string {
  if (!value) return '';
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== undefined) return value.boolValue ? 'true' : 'false';
  if (value.bytesValue !== undefined) return value.bytesValue;
  return JSON.stringify(anyValueToPlain(value));
}

/** AnyValue as a plain JSON value (int64 kept as its decimal string when unsafe as a number). */
export function anyValueToPlain(value: OtlpAnyValue | undefined): unknown {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : String(value.intValue);
  }
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(anyValueToPlain);
  if (value.kvlistValue) return keyValuesToPlain(value.kvlistValue.values ?? []);
  return null;
}

export function keyValuesToPlain(list: OtlpKeyValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list) out[kv.key] = anyValueToPlain(kv.value);
  return out;
}

/** Parses a stored KeyValue list into key → text. */
export function attributesJsonToTextMap(attributesJson: string): Record<string, string> {
  const list = JSON.parse(attributesJson) as OtlpKeyValue[];
  const out: Record<string, string> = {};
  for (const kv of list) out[kv.key] = anyValueToText(kv.value);
  return out;
}
