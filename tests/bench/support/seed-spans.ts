import { openDatabase } from '@/db/client';
import { createRowWriter } from '@/server/store/row-writer';
import type { ResourceRow, ScopeRow, SpanRow } from '@/server/store/rows';

const SERVICES = ['gateway', 'auth', 'orders', 'payment', 'inventory', 'notification'];
const ROUTES = ['/checkout', '/cart', '/products', '/orders', '/charge', '/reserve'];
const scope: ScopeRow = { name: 'bench', version: '1', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resources: ResourceRow[] = SERVICES.map((name) => ({
  serviceName: name, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: name } }, { key: 'deployment.environment.name', value: { stringValue: 'bench' } }]),
}));

/** Deterministic pseudo-random ids: the bench must be repeatable. */
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const hex = (bytes: number) => { let s = ''; for (let i = 0; i < bytes * 2; i++) s += Math.floor(rand() * 16).toString(16); return s; };

function spanRow(traceId: string, spanId: string, parent: string | null, i: number, start: bigint, durNs: bigint, error: boolean): SpanRow {
  const route = ROUTES[i % ROUTES.length];
  return {
    traceId, spanId, parentSpanId: parent, traceState: '', flags: 1, name: `${parent ? 'GET' : 'POST'} ${route}`, kind: parent ? 3 : 2,
    startTimeUnixNano: start, endTimeUnixNano: start + durNs, statusCode: error ? 2 : 0, statusMessage: error ? 'boom' : '',
    attributesJson: JSON.stringify([{ key: 'http.route', value: { stringValue: route } },
      { key: 'http.response.status_code', value: { intValue: String(error ? 500 : 200) } }]),
    droppedAttributesCount: 0, eventsJson: '[]', droppedEventsCount: 0, linksJson: '[]', droppedLinksCount: 0,
  };
}

/**
 * Writes `traceCount` traces of `spansPerTrace` spans (one service per span, round robin) spread over
 * [fromNs, toNs], through the real row writer (trace summaries included), 5,000 spans per transaction.
 */
export function seedTraces(dbFile: string, traceCount: number, spansPerTrace: number, fromNs: bigint, toNs: bigint): void {
  const sqlite = openDatabase(dbFile).$client;
  const write = createRowWriter(sqlite);
  const step = (toNs - fromNs) / BigInt(traceCount);
  // Spans grouped by service per transaction, as an SDK batch exporter sends them.
  let pending = resources.map((): SpanRow[] => []);
  let pendingSpans = 0;
  const flush = () => {
    write([{ spans: pending.map((rows, i) => ({ resource: resources[i], scope, rows })).filter((g) => g.rows.length > 0) }]);
    pending = resources.map((): SpanRow[] => []);
    pendingSpans = 0;
  };
  for (let t = 0; t < traceCount; t++) {
    const traceId = hex(16);
    const start = fromNs + BigInt(t) * step;
    const error = t % 50 === 0;
    const rootId = hex(8);
    const total = BigInt(5_000_000 + Math.floor(rand() * 500_000_000));
    pending[0].push(spanRow(traceId, rootId, null, t, start, total, error));
    for (let s = 1; s < spansPerTrace; s++) {
      pending[s % resources.length].push(spanRow(traceId, hex(8), rootId, t + s, start + BigInt(s) * 1000n, total / BigInt(s + 1), error && s === spansPerTrace - 1));
    }
    pendingSpans += spansPerTrace;
    if (pendingSpans >= 5000) flush();
  }
  if (pendingSpans > 0) flush();
  sqlite.close();
}

/** One trace of `count` spans: a root with a deep-and-wide tree below it (fan-out 10). */
export function seedWideTrace(dbFile: string, count: number, startNs: bigint): string {
  const sqlite = openDatabase(dbFile).$client;
  const write = createRowWriter(sqlite);
  const traceId = hex(16);
  const ids: string[] = [hex(8)];
  const rows: { resource: ResourceRow; scope: ScopeRow; rows: SpanRow[] }[] = [
    { resource: resources[0], scope, rows: [spanRow(traceId, ids[0], null, 0, startNs, 2_000_000_000n, false)] },
  ];
  for (let i = 1; i < count; i++) {
    ids.push(hex(8));
    const parent = ids[Math.floor((i - 1) / 10)];
    rows.push({ resource: resources[i % resources.length], scope,
      rows: [spanRow(traceId, ids[i], parent, i, startNs + BigInt(i) * 150_000n, 1_000_000n + BigInt(i % 97) * 10_000n, i % 500 === 0)] });
  }
  write([{ spans: rows }]);
  sqlite.close();
  return traceId;
}
