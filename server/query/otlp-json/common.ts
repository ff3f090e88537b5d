/**
 * Shared pieces of the rows → OTLP/JSON direction: spec-shaped output types and regrouping of
 * ScopedRows under one Resource* entry per distinct resource and one Scope* entry per distinct scope
 * (the store may hand back several groups for the same resource/scope).
 * Output is plain JSON-serialisable data: 64-bit integers are decimal strings, ids lowercase hex.
 */
import type { OtlpAnyValue, OtlpKeyValue } from '@/lib/otlp-attributes';
import type { ResourceRow, ScopedRows, ScopeRow } from '@/server/store/rows';

export type { OtlpAnyValue, OtlpKeyValue };

export interface OtlpJsonResource {
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
}

export interface OtlpJsonScope {
  name: string;
  version: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
}

/** Rows regrouped by resource, then scope, in first-seen order. */
export interface ResourceBucket<T> {
  resource: ResourceRow;
  scopes: { scope: ScopeRow; rows: T[] }[];
}

/** A stored canonical KeyValue-list text back as objects (trusted: we wrote it). */
export function parseKeyValues(json: string): OtlpKeyValue[] {
  return JSON.parse(json) as OtlpKeyValue[];
}

/** JSON form of a double: non-finite values as the proto3 JSON strings. */
export function doubleToJson(n: number): number | string {
  if (Number.isFinite(n)) return n;
  return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
}

export function resourceToJson(r: ResourceRow): OtlpJsonResource {
  return { attributes: parseKeyValues(r.attributesJson), droppedAttributesCount: r.droppedAttributesCount };
}

export function scopeToJson(s: ScopeRow): OtlpJsonScope {
  return {
    name: s.name,
    version: s.version,
    attributes: parseKeyValues(s.attributesJson),
    droppedAttributesCount: s.droppedAttributesCount,
  };
}

function resourceKey(r: ResourceRow): string {
  return `${r.schemaUrl}\u0000${r.droppedAttributesCount}\u0000${r.attributesJson}`;
}

function scopeKey(s: ScopeRow): string {
  return `${s.name}\u0000${s.version}\u0000${s.schemaUrl}\u0000${s.droppedAttributesCount}\u0000${s.attributesJson}`;
}

export function groupByResourceAndScope<T>(groups: readonly ScopedRows<T>[]): ResourceBucket<T>[] {
  const resources = new Map<string, { bucket: ResourceBucket<T>; scopes: Map<string, T[]> }>();
  for (const group of groups) {
    const rk = resourceKey(group.resource);
    let entry = resources.get(rk);
    if (!entry) {
      entry = { bucket: { resource: group.resource, scopes: [] }, scopes: new Map() };
      resources.set(rk, entry);
    }
    const sk = scopeKey(group.scope);
    let rows = entry.scopes.get(sk);
    if (!rows) {
      rows = [];
      entry.scopes.set(sk, rows);
      entry.bucket.scopes.push({ scope: group.scope, rows });
    }
    for (const row of group.rows) rows.push(row);
  }
  return [...resources.values()].map((e) => e.bucket);
}
