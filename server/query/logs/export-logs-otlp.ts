import { listLogRecords } from '@/server/store/read-logs';
import { logGroupsToOtlpJson } from '@/server/query/otlp-json/logs';
import type { OtlpExportParams } from '../otlp-export-params';

/** Stored log records as OTLP/JSON (`{resourceLogs: […]}`), oldest first. */
export function exportLogsOtlp(p: OtlpExportParams) {
  return logGroupsToOtlpJson(listLogRecords({
    serviceName: p.service, traceId: p.traceId, fromUnixNano: p.fromUnixNano, toUnixNano: p.toUnixNano, limit: p.limit,
  }));
}
