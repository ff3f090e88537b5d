import { parseExportParams } from '@/server/query/otlp-export-params';
import { exportLogsOtlp } from '@/server/query/logs/export-logs-otlp';

export const dynamic = 'force-dynamic';

/** GET /api/logs/otlp?service=&traceId=&fromUnixNano=&toUnixNano=&limit= → OTLP/JSON logs. */
export function GET(request: Request): Response {
  const parsed = parseExportParams(new URL(request.url));
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: 400 });
  return Response.json(exportLogsOtlp(parsed.params));
}
