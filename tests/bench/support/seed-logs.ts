import { openDatabase } from '@/db/client';
import { createRowWriter } from '@/server/store/row-writer';
import type { LogRow, ResourceRow, ScopeRow } from '@/server/store/rows';

const SERVICES = ['gateway', 'auth', 'orders', 'payment', 'inventory', 'notification'];
const scope: ScopeRow = { name: 'bench', version: '1', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };
const resources: ResourceRow[] = SERVICES.map((name) => ({
  serviceName: name, droppedAttributesCount: 0, schemaUrl: '',
  attributesJson: JSON.stringify([{ key: 'service.name', value: { stringValue: name } }, { key: 'deployment.environment.name', value: { stringValue: 'bench' } }]),
}));

/** Deterministic pseudo-random numbers: the bench must be repeatable. */
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const hex = (bytes: number) => { let s = ''; for (let i = 0; i < bytes * 2; i++) s += Math.floor(rand() * 16).toString(16); return s; };

/**
 * Message shapes and their shares, like the demo shop's logs: mostly routine lines, a few percent
 * warnings and errors (the "declined" errors are 2% of records).
 */
const MESSAGES: [number, number, (i: number) => string][] = [
  [0.40, 9, (i) => `GET /products/${i % 997} 200 in ${i % 90} ms`],
  [0.20, 9, (i) => `charging card for order o-${i % 50_000}`],
  [0.15, 5, (i) => `cache hit for key product:${i % 997}`],
  [0.10, 9, (i) => `reserved stock for order o-${i % 50_000}`],
  [0.08, 13, (i) => `slow query on orders table took ${200 + (i % 800)} ms`],
  [0.03, 13, () => 'retrying request to card processor'],
  [0.02, 17, () => 'payment declined: gateway timeout'],
  [0.02, 17, (i) => `failed to send email notification ${i % 1000}: connection reset`],
];

/**
 * Writes `count` log records spread evenly over [fromNs, toNs] through the real row writer (FTS
 * triggers included), 5,000 per transaction. 70% carry a trace id; returns one trace id that has
 * exactly `traceRecords` records, for the trace-id lookup.
 */
export function seedLogs(dbFile: string, count: number, fromNs: bigint, toNs: bigint, traceRecords = 20): string {
  const sqlite = openDatabase(dbFile).$client;
  const write = createRowWriter(sqlite);
  const step = (toNs - fromNs) / BigInt(count);
  const lookupTrace = hex(16);
  let traceId = hex(16);
  let pending = resources.map((): LogRow[] => []);
  let n = 0;
  const flush = () => {
    write([{ logs: pending.map((rows, i) => ({ resource: resources[i], scope, rows })).filter((g) => g.rows.length > 0) }]);
    pending = resources.map((): LogRow[] => []);
    n = 0;
  };
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) traceId = hex(16);
    let r = rand();
    let pick = MESSAGES[0];
    for (const m of MESSAGES) { if (r < m[0]) { pick = m; break; } r -= m[0]; }
    const body = pick[2](i);
    const t = fromNs + BigInt(i) * step + BigInt(Math.floor(rand() * 1000));
    const inLookup = i % Math.floor(count / traceRecords) === 0;
    const withTrace = inLookup || rand() < 0.7;
    const duration = Math.floor(rand() * 250); // ~20% above 200
    const attrs = JSON.stringify([
      { key: 'order.id', value: { stringValue: `o-${i % 50_000}` } },
      { key: 'duration_ms', value: { intValue: String(duration) } },
      { key: 'http.route', value: { stringValue: ['/checkout', '/cart', '/products', '/charge'][i % 4] } },
    ]);
    pending[i % resources.length].push({
      timeUnixNano: t, observedTimeUnixNano: t, severityNumber: pick[1], severityText: '', bodyJson: JSON.stringify({ stringValue: body }),
      bodyText: body, attributesJson: attrs, droppedAttributesCount: 0, flags: 0,
      traceId: withTrace ? (inLookup ? lookupTrace : traceId) : null, spanId: withTrace ? hex(8) : null, eventName: '',
    });
    if (++n >= 5000) flush();
  }
  if (n > 0) flush();
  sqlite.close();
  return lookupTrace;
}
