/**
 * Structured logs through the OpenTelemetry logs SDK. Records are emitted in the
 * active context, so the SDK stamps them with the current trace and span ids and
 * the console can jump from a log line to its trace.
 */
import { logs, SeverityNumber, type LogAttributes } from '@opentelemetry/api-logs';

export interface Log {
  info(body: string, attributes?: LogAttributes): void;
  warn(body: string, attributes?: LogAttributes): void;
  error(body: string, attributes?: LogAttributes, exception?: unknown): void;
}

export function createLog(scope: string): Log {
  // Looked up per emit (cheap, cached by the provider) so a Log created before the
  // SDK registered its provider still reaches the real one.
  const emit = (severityNumber: SeverityNumber, severityText: string, body: string, attributes?: LogAttributes, exception?: unknown) =>
    logs.getLogger(scope).emit({ severityNumber, severityText, body, attributes, exception });
  return {
    info: (body, attributes) => emit(SeverityNumber.INFO, 'INFO', body, attributes),
    warn: (body, attributes) => emit(SeverityNumber.WARN, 'WARN', body, attributes),
    error: (body, attributes, exception) => emit(SeverityNumber.ERROR, 'ERROR', body, attributes, exception),
  };
}
