import type { LogRow, ScopedRows } from './rows';
import { getSqlite } from './connection';
import { groupByResourceScope, RESOURCE_SCOPE_COLUMNS, type ResourceScopeColumns } from './group-by-scope';

interface LogColumns extends ResourceScopeColumns {
  time_unix_nano: bigint; observed_time_unix_nano: bigint; severity_number: bigint; severity_text: string;
  body: string; body_text: string; attributes: string; dropped_attributes_count: bigint; flags: bigint;
  trace_id: string | null; span_id: string | null; event_name: string;
}

export interface LogFilter {
  serviceName?: string;
  traceId?: string;
  fromUnixNano: bigint;
  toUnixNano: bigint;
  limit: number;
}

/** Log records matching the filter, oldest first, grouped by resource and scope. */
export function listLogRecords(filter: LogFilter): ScopedRows<LogRow>[] {
  const where = ['l.timestamp_unix_nano BETWEEN @from AND @to'];
  if (filter.serviceName !== undefined) where.push('l.service_name = @service');
  if (filter.traceId !== undefined) where.push('l.trace_id = @traceId');
  const rows = getSqlite().prepare(
    `SELECT l.*, ${RESOURCE_SCOPE_COLUMNS}
     FROM log_records l JOIN resources r ON r.id = l.resource_id JOIN scopes s ON s.id = l.scope_id
     WHERE ${where.join(' AND ')} ORDER BY l.timestamp_unix_nano, l.id LIMIT @limit`,
  ).safeIntegers(true).all({
    from: filter.fromUnixNano, to: filter.toUnixNano, service: filter.serviceName,
    traceId: filter.traceId, limit: BigInt(filter.limit),
  }) as LogColumns[];
  return groupByResourceScope(rows, (r) => ({
    timeUnixNano: r.time_unix_nano, observedTimeUnixNano: r.observed_time_unix_nano,
    severityNumber: Number(r.severity_number), severityText: r.severity_text, bodyJson: r.body,
    bodyText: r.body_text, attributesJson: r.attributes, droppedAttributesCount: Number(r.dropped_attributes_count),
    flags: Number(r.flags), traceId: r.trace_id, spanId: r.span_id, eventName: r.event_name,
  }));
}
