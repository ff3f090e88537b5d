import type { ScopedRows, SpanRow } from '@/server/store/rows';

let nextId = 1;

/** A span lasting `durationNs` (default 10 ms) and ending at `endTimeUnixNano` (default a fixed instant). */
export function span(fields: Partial<SpanRow> & { durationNs?: bigint } = {}): SpanRow {
  const { durationNs = 10_000_000n, ...rest } = fields;
  const end = rest.endTimeUnixNano ?? 1_700_000_000_000_000_000n;
  const id = (nextId++).toString(16).padStart(16, '0');
  return {
    traceId: id.padStart(32, 'a'), spanId: id, parentSpanId: null, traceState: '', flags: 0, name: 'GET /',
    kind: 2, startTimeUnixNano: end - durationNs, endTimeUnixNano: end, statusCode: 0, statusMessage: '',
    attributesJson: '[]', droppedAttributesCount: 0, eventsJson: '[]', droppedEventsCount: 0, linksJson: '[]',
    droppedLinksCount: 0, ...rest,
  };
}

export function group(serviceName: string, rows: SpanRow[]): ScopedRows<SpanRow> {
  return {
    resource: { serviceName, attributesJson: `[{"key":"service.name","value":{"stringValue":${JSON.stringify(serviceName)}}}]`, droppedAttributesCount: 0, schemaUrl: '' },
    scope: { name: 'test', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' },
    rows,
  };
}

export const ms = (n: number) => BigInt(Math.round(n * 1_000_000));
