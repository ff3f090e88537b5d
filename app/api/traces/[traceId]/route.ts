import { getTraceOtlp } from '@/server/query/traces/get-trace-otlp';

export const dynamic = 'force-dynamic';

/** GET /api/traces/<traceId>: the stored trace as OTLP/JSON; 400 for a malformed id, 404 if unknown. */
export async function GET(_request: Request, ctx: { params: Promise<{ traceId: string }> }): Promise<Response> {
  const { traceId } = await ctx.params;
  const result = getTraceOtlp(traceId);
  if (result.kind === 'bad-id') return Response.json({ error: result.message }, { status: 400 });
  if (result.kind === 'not-found') return Response.json({ error: `trace ${traceId} not found` }, { status: 404 });
  return Response.json(result.otlp);
}
