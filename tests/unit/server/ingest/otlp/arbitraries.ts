/**
 * fast-check generators of *valid* OTLP/JSON payloads (for round-trip properties) and helpers
 * shared by the property tests.
 */
import fc from 'fast-check';

const U64_MAX = (1n << 64n) - 1n;
const I64 = { min: -(1n << 63n), max: (1n << 63n) - 1n };

/** An int64 as JSON allows it: decimal string, or a number when it is exactly representable. */
function jsonInt(value: bigint): string | number {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) && value % 2n === 0n
    ? Number(value)
    : value.toString();
}

export const u64 = fc.bigInt({ min: 0n, max: U64_MAX }).map(jsonInt);
export const i64 = fc.bigInt(I64).map(jsonInt);
const u32 = fc.integer({ min: 0, max: 0xffffffff });

/** Doubles in JSON form; -0 is excluded because JSON text cannot carry its sign. */
export const jsonDouble = fc.double().map((d): number | string =>
  Object.is(d, -0) ? 0 : Number.isNaN(d) ? 'NaN' : d === Infinity ? 'Infinity' : d === -Infinity ? '-Infinity' : d,
);

function hexId(bytes: number) {
  return fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .filter((b) => b.some((x) => x !== 0))
    .chain((b) => fc.boolean().map((upper) => (upper ? Buffer.from(b).toString('hex').toUpperCase() : Buffer.from(b).toString('hex'))));
}
export const traceId = hexId(16);
export const spanId = hexId(8);

const { anyValue, keyValue } = fc.letrec((tie) => ({
  anyValue: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'any' },
    fc.constant({}),
    fc.record({ stringValue: fc.string({ maxLength: 20 }) }),
    fc.record({ boolValue: fc.boolean() }),
    fc.record({ intValue: i64 }),
    fc.record({ doubleValue: jsonDouble }),
    fc.record({ bytesValue: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString('base64')) }),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie('anyValue'), { maxLength: 3 }) }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(tie('keyValue'), { maxLength: 3 }) }) }),
  ),
  keyValue: fc.record({ key: fc.string({ maxLength: 10 }), value: tie('anyValue') }),
}));
export { anyValue };
export const attributes = fc.array(keyValue as fc.Arbitrary<{ key: string; value: unknown }>, { maxLength: 4 });

const resource = fc.record({ attributes, droppedAttributesCount: u32 }, { requiredKeys: [] });
const scope = fc.record(
  { name: fc.string({ maxLength: 10 }), version: fc.string({ maxLength: 5 }), attributes, droppedAttributesCount: u32 },
  { requiredKeys: [] },
);
const schemaUrl = fc.constantFrom('', 'https://opentelemetry.io/schemas/1.26.0');

/** Export request shape: 1–2 resources × 1–2 scopes × 0–3 items. */
export function exportRequest<T>(keys: [string, string, string], item: fc.Arbitrary<T>) {
  const [resources, scopes, items] = keys;
  const scopeEntry = fc.record({ scope, schemaUrl, [items]: fc.array(item, { maxLength: 3 }) }, { requiredKeys: [items] });
  const resourceEntry = fc.record({ resource, schemaUrl, [scopes]: fc.array(scopeEntry, { minLength: 1, maxLength: 2 }) }, { requiredKeys: [scopes] });
  return fc.record({ [resources]: fc.array(resourceEntry, { minLength: 1, maxLength: 2 }) });
}

const event = fc.record({ timeUnixNano: u64, name: fc.string({ maxLength: 8 }), attributes, droppedAttributesCount: u32 }, { requiredKeys: [] });
const link = fc.record(
  { traceId, spanId, traceState: fc.string({ maxLength: 8 }), attributes, droppedAttributesCount: u32, flags: u32 },
  { requiredKeys: ['traceId', 'spanId'] },
);

export const span = fc.record(
  {
    traceId, spanId, parentSpanId: fc.option(spanId, { nil: '' }), traceState: fc.string({ maxLength: 8 }), flags: u32,
    name: fc.string({ maxLength: 12 }), kind: fc.integer({ min: 0, max: 5 }), startTimeUnixNano: u64, endTimeUnixNano: u64,
    attributes, droppedAttributesCount: u32, events: fc.array(event, { maxLength: 2 }), droppedEventsCount: u32,
    links: fc.array(link, { maxLength: 2 }), droppedLinksCount: u32,
    status: fc.record({ code: fc.integer({ min: 0, max: 2 }), message: fc.string({ maxLength: 8 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['traceId', 'spanId'] },
);

export const logRecord = fc.record(
  {
    timeUnixNano: u64, observedTimeUnixNano: u64, severityNumber: fc.integer({ min: 0, max: 24 }), severityText: fc.string({ maxLength: 8 }),
    body: anyValue, attributes, droppedAttributesCount: u32, flags: u32, traceId, spanId, eventName: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
);

const exemplar = fc.record(
  { filteredAttributes: attributes, timeUnixNano: u64, value: fc.oneof(fc.record({ asDouble: jsonDouble }), fc.record({ asInt: i64 })), traceId, spanId },
  { requiredKeys: ['value'] },
).map(({ value, ...rest }) => ({ ...rest, ...value }));

const pointBase = { attributes, startTimeUnixNano: u64, timeUnixNano: u64, flags: u32, exemplars: fc.array(exemplar, { maxLength: 2 }) };
const numberPoint = fc.tuple(
  fc.record(pointBase, { requiredKeys: [] }),
  fc.oneof(fc.record({ asDouble: jsonDouble }), fc.record({ asInt: i64 })),
).map(([p, v]) => ({ ...p, ...v }));
const bucketCounts = fc.array(u64, { maxLength: 4 });
const histogramPoint = fc.record(
  { ...pointBase, count: u64, sum: jsonDouble, min: jsonDouble, max: jsonDouble, bucketCounts, explicitBounds: fc.array(jsonDouble, { maxLength: 3 }) },
  { requiredKeys: [] },
);
const buckets = fc.record({ offset: fc.integer({ min: -0x80000000, max: 0x7fffffff }), bucketCounts }, { requiredKeys: [] });
const expPoint = fc.record(
  { ...pointBase, count: u64, sum: jsonDouble, min: jsonDouble, max: jsonDouble, scale: fc.integer({ min: -10, max: 20 }), zeroCount: u64, zeroThreshold: jsonDouble, positive: buckets, negative: buckets },
  { requiredKeys: [] },
);
const { exemplars: _noExemplars, ...summaryBase } = pointBase; // SummaryDataPoint has no exemplars
const summaryPoint = fc.record(
  { ...summaryBase, count: u64, sum: jsonDouble, quantileValues: fc.array(fc.record({ quantile: jsonDouble, value: jsonDouble }), { maxLength: 3 }) },
  { requiredKeys: [] },
);

const temporality = fc.integer({ min: 0, max: 2 });
const metricData = fc.oneof(
  fc.record({ gauge: fc.record({ dataPoints: fc.array(numberPoint, { maxLength: 3 }) }) }),
  fc.record({ sum: fc.record({ aggregationTemporality: temporality, isMonotonic: fc.boolean(), dataPoints: fc.array(numberPoint, { maxLength: 3 }) }) }),
  fc.record({ histogram: fc.record({ aggregationTemporality: temporality, dataPoints: fc.array(histogramPoint, { maxLength: 3 }) }) }),
  fc.record({ exponentialHistogram: fc.record({ aggregationTemporality: temporality, dataPoints: fc.array(expPoint, { maxLength: 3 }) }) }),
  fc.record({ summary: fc.record({ dataPoints: fc.array(summaryPoint, { maxLength: 3 }) }) }),
);
export const metric = fc
  .tuple(fc.record({ name: fc.constantFrom('a', 'b'), description: fc.string({ maxLength: 6 }), unit: fc.constantFrom('', 's', '1'), metadata: attributes }, { requiredKeys: ['name'] }), metricData)
  .map(([m, d]) => ({ ...m, ...d }));
