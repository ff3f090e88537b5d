import { anyValueToText, type OtlpAnyValue } from '@/lib/otlp-attributes';
import { msToUnixNano, resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { listLogRecords } from '@/server/store/read-logs';

export interface TraceLogLine {
  timeUnixNano: bigint;
  serviceName: string;
  severityNumber: number;
  severityText: string;
  body: string;
  traceId: string | null;
  spanId: string | null;
}

export interface TraceLogsInput extends TimeRangeInput {
  traceId: string;
  spanId?: string;
  limit?: number;
}

/** The log records of a trace (optionally one span) in the range, oldest first. */
export function listTraceLogs(input: TraceLogsInput, nowMs: number = Date.now()): TraceLogLine[] {
  const { fromMs, toMs } = resolveTimeRange(input, nowMs);
  const groups = listLogRecords({
    traceId: input.traceId.toLowerCase(), fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs), limit: input.limit ?? 1000,
  });
  const lines = groups.flatMap((g) => g.rows
    .filter((r) => !input.spanId || r.spanId === input.spanId.toLowerCase())
    .map((r) => ({
      timeUnixNano: r.timeUnixNano || r.observedTimeUnixNano, serviceName: g.resource.serviceName,
      severityNumber: r.severityNumber, severityText: r.severityText,
      body: anyValueToText(JSON.parse(r.bodyJson) as OtlpAnyValue), traceId: r.traceId, spanId: r.spanId,
    })));
  return lines.sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? -1 : a.timeUnixNano > b.timeUnixNano ? 1 : 0));
}
