/**
 * OTLP/JSON body → plain object tree. JSON.parse rounds integers above 2^53, which would corrupt
 * nanosecond timestamps and int64 values sent as bare numbers (the spec allows numbers as well as
 * strings). So when the text contains a bare integer literal of 16+ digits we parse it with
 * lossless-json instead, turning unsafe integers into bigint (every accessor accepts bigint).
 * The check may give false positives (digits inside a string); that only costs the slower parser.
 */
import { isSafeNumber, parse as losslessParse } from 'lossless-json';
import { OtlpDecodeError } from './errors';
import type { OtlpObject } from './schema';
import { isObject } from './scalars';

const BIG_INTEGER_LITERAL = /[:,[]\s*-?\d{16}/;
const INTEGER = /^-?\d+$/;
const utf8 = new TextDecoder('utf-8');

/** Unsafe integers become bigint; everything else a JS number. */
function parseNumber(text: string): number | bigint {
  if (INTEGER.test(text) && !isSafeNumber(text)) return BigInt(text);
  return Number(text);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? message.slice(0, 200) + '…' : message;
}

/** Parses an OTLP/JSON request body; throws OtlpDecodeError unless it is a JSON object. */
export function parseOtlpJson(body: Uint8Array): OtlpObject {
  const text = utf8.decode(body);
  let value: unknown;
  try {
    value = BIG_INTEGER_LITERAL.test(text) ? losslessParse(text, null, parseNumber) : JSON.parse(text);
  } catch (error) {
    throw new OtlpDecodeError(`invalid JSON: ${describe(error)}`);
  }
  if (!isObject(value)) throw new OtlpDecodeError('OTLP/JSON body must be a JSON object');
  return value;
}
