import type Database from 'better-sqlite3';
import type { SpanRow } from './rows';

interface Pending {
  start: bigint;
  end: bigint;
  spans: number;
  errors: number;
  rootService: string | null;
  rootName: string | null;
}

/** OTLP StatusCode ERROR. */
const STATUS_ERROR = 2;

/**
 * Folds newly stored spans into trace_summaries: one upsert per (trace, service) per resource group,
 * not per span. Callers add spans of ONE service, then flush() before switching service, because the
 * upsert appends a single service name to the trace's `services` array.
 */
export function createTraceSummaryWriter(sqlite: Database.Database) {
  const upsert = sqlite.prepare(
    `INSERT INTO trace_summaries (trace_id, start_time_unix_nano, end_time_unix_nano, duration_ns, span_count,
       error_count, root_service_name, root_span_name, services)
     VALUES (@traceId, @start, @end, @end - @start, @spans, @errors, @rootService, @rootName, json_array(@service))
     ON CONFLICT (trace_id) DO UPDATE SET
       start_time_unix_nano = min(start_time_unix_nano, excluded.start_time_unix_nano),
       end_time_unix_nano = max(end_time_unix_nano, excluded.end_time_unix_nano),
       duration_ns = max(end_time_unix_nano, excluded.end_time_unix_nano) - min(start_time_unix_nano, excluded.start_time_unix_nano),
       span_count = span_count + excluded.span_count,
       error_count = error_count + excluded.error_count,
       root_service_name = coalesce(root_service_name, excluded.root_service_name),
       root_span_name = coalesce(root_span_name, excluded.root_span_name),
       services = CASE WHEN EXISTS (SELECT 1 FROM json_each(services) WHERE value = @service) THEN services
                       ELSE json_insert(services, '$[#]', @service) END`,
  );
  let service = '';
  const pending = new Map<string, Pending>();

  return {
    add(span: SpanRow, serviceName: string): void {
      service = serviceName;
      const isRoot = span.parentSpanId === null;
      const p = pending.get(span.traceId);
      const errors = span.statusCode === STATUS_ERROR ? 1 : 0;
      if (!p) {
        pending.set(span.traceId, {
          start: span.startTimeUnixNano, end: span.endTimeUnixNano, spans: 1, errors,
          rootService: isRoot ? serviceName : null, rootName: isRoot ? span.name : null,
        });
        return;
      }
      if (span.startTimeUnixNano < p.start) p.start = span.startTimeUnixNano;
      if (span.endTimeUnixNano > p.end) p.end = span.endTimeUnixNano;
      p.spans += 1;
      p.errors += errors;
      if (isRoot && p.rootName === null) { p.rootService = serviceName; p.rootName = span.name; }
    },
    flush(): void {
      for (const [traceId, p] of pending) upsert.run({ traceId, service, ...p });
      pending.clear();
    },
  };
}
