/**
 * A newline-delimited JSON body → log rows grouped by service. Each line stands alone: one that is
 * not a JSON object (or cannot be mapped) is rejected and reported with its 1-based line number;
 * the others are kept. Blank lines (and a trailing newline, `\r\n` included) are skipped.
 */
import { isSafeNumber, parse as losslessParse } from 'lossless-json';
import type { LogRow, ResourceRow, ScopedRows, ScopeRow } from '@/server/store/rows';
import { ItemRejection } from '../otlp/common/errors';
import { mapJsonLogLine, UNKNOWN_SERVICE } from './map-line';

/** Rejections reported line by line in the response (the count covers all of them). */
export const MAX_REPORTED_ERRORS = 20;

export interface LineError {
  line: number;
  error: string;
}

export interface ParsedNdjson {
  groups: ScopedRows<LogRow>[];
  accepted: number;
  rejected: number;
  errors: LineError[];
}

/** The instrumentation scope of every record that arrives as a JSON line. */
export const NDJSON_SCOPE: ScopeRow = { name: 'sightline.ndjson', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };

/** An integer literal of 16+ digits may exceed 2^53: such lines take the exact (slower) parser. */
const BIG_INTEGER_LITERAL = /[:,[]\s*-?\d{16}/;
const INTEGER = /^-?\d+$/;
const parseNumber = (text: string): number | bigint => (INTEGER.test(text) && !isSafeNumber(text) ? BigInt(text) : Number(text));

function parseLine(text: string): unknown {
  return BIG_INTEGER_LITERAL.test(text) ? losslessParse(text, null, parseNumber) : JSON.parse(text);
}

function resourceFor(serviceName: string): ResourceRow {
  return {
    serviceName, droppedAttributesCount: 0, schemaUrl: '',
    attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: serviceName } }]),
  };
}

const short = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);

export function parseNdjson(text: string, observedUnixNano: bigint, defaultService = UNKNOWN_SERVICE): ParsedNdjson {
  const byService = new Map<string, LogRow[]>();
  const errors: LineError[] = [];
  let accepted = 0;
  let rejected = 0;
  const reject = (line: number, error: string) => {
    rejected++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, error: short(error) });
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = parseLine(raw);
    } catch (e) {
      reject(i + 1, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject(i + 1, 'not a JSON object');
      continue;
    }
    try {
      const { serviceName, row } = mapJsonLogLine(value as Record<string, unknown>, observedUnixNano, defaultService);
      let rows = byService.get(serviceName);
      if (!rows) byService.set(serviceName, (rows = []));
      rows.push(row);
      accepted++;
    } catch (e) {
      if (!(e instanceof ItemRejection)) throw e;
      reject(i + 1, e.reason);
    }
  }
  const groups = [...byService].map(([service, rows]) => ({ resource: resourceFor(service), scope: NDJSON_SCOPE, rows }));
  return { groups, accepted, rejected, errors };
}
