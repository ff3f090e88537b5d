import { parseExportParams } from '@/server/query/otlp-export-params';
import { exportMetricsOtlp } from '@/server/query/metrics/export-metrics-otlp';

export const dynamic = 'force-dynamic';

/** GET /api/metrics/otlp?service=&name=&fromUnixNano=&toUnixNano= → OTLP/JSON metrics. */
export function GET(request: Request): Response {
  const parsed = parseExportParams(new URL(request.url));
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: 400 });
  return Response.json(exportMetricsOtlp(parsed.params));
}
