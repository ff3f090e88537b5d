/**
 * MetricRow[] ⇄ MetricColumns[] (see MetricColumns in rows.ts for why the column form exists). Pure.
 */
import type { MetricColumns, MetricIdentity, MetricPoint, MetricRow, MetricSeriesKey, NumberPoint, NumberPointColumns, ScopedRows } from './rows';

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const U32_MAX = 0xffff_ffff;

const inU64 = (v: bigint) => v >= 0n && v <= U64_MAX;

/** Every field of a series key but the point attributes. */
function identityOf(key: MetricSeriesKey): MetricIdentity {
  return {
    name: key.name,
    description: key.description,
    unit: key.unit,
    kind: key.kind,
    temporality: key.temporality,
    isMonotonic: key.isMonotonic,
    metadataJson: key.metadataJson,
  };
}

function sameIdentity(a: MetricSeriesKey, b: MetricSeriesKey): boolean {
  return a.name === b.name && a.unit === b.unit && a.kind === b.kind && a.temporality === b.temporality
    && a.isMonotonic === b.isMonotonic && a.description === b.description && a.metadataJson === b.metadataJson;
}

/**
 * A point the typed arrays hold exactly. Typed arrays wrap out-of-range bigints silently, so ranges are
 * checked here even though the OTLP decoders already reject them.
 */
function fitsColumns(p: MetricPoint): p is NumberPoint {
  if (p.kind !== 'number' || p.exemplars.length > 0) return false;
  if (!inU64(p.timeUnixNano) || !inU64(p.startTimeUnixNano)) return false;
  if (!Number.isInteger(p.flags) || p.flags < 0 || p.flags > U32_MAX) return false;
  return typeof p.value === 'number' || (p.value >= I64_MIN && p.value <= I64_MAX);
}

function numberColumns(points: readonly NumberPoint[]): NumberPointColumns {
  const n = points.length;
  const c: NumberPointColumns = {
    timeUnixNano: new BigUint64Array(n),
    startTimeUnixNano: new BigUint64Array(n),
    flags: new Uint32Array(n),
    isInt: new Uint8Array(n),
    doubles: new Float64Array(n),
    ints: new BigInt64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = points[i];
    c.timeUnixNano[i] = p.timeUnixNano;
    c.startTimeUnixNano[i] = p.startTimeUnixNano;
    c.flags[i] = p.flags;
    if (typeof p.value === 'bigint') {
      c.isInt[i] = 1;
      c.ints[i] = p.value;
    } else {
      c.doubles[i] = p.value;
    }
  }
  return c;
}

/**
 * One metric's points as MetricColumns: number columns when every point fits them, else the point
 * objects as they are. `attributesJson[i]` belongs to `points[i]`.
 */
export function metricColumnsOf(metric: MetricIdentity, attributesJson: string[], points: MetricPoint[]): MetricColumns {
  let columnar = true;
  for (let i = 0; i < points.length && columnar; i++) columnar = fitsColumns(points[i]);
  return { metric, attributesJson, points: columnar ? numberColumns(points as NumberPoint[]) : points };
}

/** Rows [start, end), all of one metric, as one MetricColumns. */
function packRun(rows: readonly MetricRow[], start: number, end: number): MetricColumns {
  const attributesJson = new Array<string>(end - start);
  const points = new Array<MetricPoint>(end - start);
  for (let i = start; i < end; i++) {
    attributesJson[i - start] = rows[i].series.attributesJson;
    points[i - start] = rows[i].point;
  }
  return metricColumnsOf(identityOf(rows[start].series), attributesJson, points);
}

/** Consecutive rows of one metric become one MetricColumns; order is kept (a later point replaces an earlier one at the same series and time). */
export function packMetricRows(rows: readonly MetricRow[]): MetricColumns[] {
  const out: MetricColumns[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || !sameIdentity(rows[start].series, rows[i].series)) {
      out.push(packRun(rows, start, i));
      start = i;
    }
  }
  return out;
}

/** packMetricRows for each resource-and-scope group. */
export function packMetricGroups(groups: readonly ScopedRows<MetricRow>[]): ScopedRows<MetricColumns>[] {
  return groups.map((g) => ({ resource: g.resource, scope: g.scope, rows: packMetricRows(g.rows) }));
}

/** Points in a MetricColumns. */
export const pointCount = (m: MetricColumns): number => m.attributesJson.length;

/** Point i's value: its asInt (exact bigint) or its asDouble. */
export const numberValueAt = (c: NumberPointColumns, i: number): number | bigint => (c.isInt[i] === 1 ? c.ints[i] : c.doubles[i]);

/** Point i of number columns as a NumberPoint (no exemplars: columns never hold any). */
export function numberPointAt(c: NumberPointColumns, i: number): NumberPoint {
  return {
    kind: 'number',
    timeUnixNano: c.timeUnixNano[i],
    startTimeUnixNano: c.startTimeUnixNano[i],
    flags: c.flags[i],
    value: numberValueAt(c, i),
    exemplars: [],
  };
}

/** The inverse of packMetricRows (reading stored columns back as rows, e.g. to compare them). */
export function unpackMetricColumns(columns: readonly MetricColumns[]): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const m of columns) {
    for (let i = 0; i < pointCount(m); i++) {
      const point = Array.isArray(m.points) ? m.points[i] : numberPointAt(m.points as NumberPointColumns, i);
      rows.push({ series: { ...m.metric, attributesJson: m.attributesJson[i] }, point });
    }
  }
  return rows;
}
