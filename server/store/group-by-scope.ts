import type { ResourceRow, ScopeRow, ScopedRows } from './rows';

/** Columns every read query selects from the joined resources (r_*) and scopes (s_*) tables. */
export const RESOURCE_SCOPE_COLUMNS = `r.id AS r_id, r.service_name AS r_service_name, r.attributes AS r_attributes,
  r.dropped_attributes_count AS r_dropped, r.schema_url AS r_schema_url,
  s.id AS s_id, s.name AS s_name, s.version AS s_version, s.attributes AS s_attributes,
  s.dropped_attributes_count AS s_dropped, s.schema_url AS s_schema_url`;

export interface ResourceScopeColumns {
  r_id: bigint; r_service_name: string; r_attributes: string; r_dropped: bigint; r_schema_url: string;
  s_id: bigint; s_name: string; s_version: string; s_attributes: string; s_dropped: bigint; s_schema_url: string;
}

/** Regroups flat rows (in query order) under their resource and scope, as OTLP nests them. */
export function groupByResourceScope<R extends ResourceScopeColumns, T>(
  rows: R[],
  toRow: (r: R) => T,
): ScopedRows<T>[] {
  const groups = new Map<string, ScopedRows<T>>();
  for (const r of rows) {
    const key = `${r.r_id}:${r.s_id}`;
    let group = groups.get(key);
    if (!group) {
      const resource: ResourceRow = {
        serviceName: r.r_service_name, attributesJson: r.r_attributes,
        droppedAttributesCount: Number(r.r_dropped), schemaUrl: r.r_schema_url,
      };
      const scope: ScopeRow = {
        name: r.s_name, version: r.s_version, attributesJson: r.s_attributes,
        droppedAttributesCount: Number(r.s_dropped), schemaUrl: r.s_schema_url,
      };
      group = { resource, scope, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(toRow(r));
  }
  return [...groups.values()];
}
