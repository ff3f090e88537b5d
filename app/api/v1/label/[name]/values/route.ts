import { handlePromRequest } from '@/server/query/prom-api/http';
import { labelValuesVerb } from '@/server/query/prom-api/metadata';

export const dynamic = 'force-dynamic';

/** Prometheus API: values of one label (the name may be `U__`-escaped). */
export async function GET(request: Request, ctx: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await ctx.params;
  return handlePromRequest(request, labelValuesVerb, { name });
}
