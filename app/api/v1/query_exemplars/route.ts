import { handlePromRequest } from '@/server/query/prom-api/http';
import { queryExemplarsVerb } from '@/server/query/prom-api/metadata';

export const dynamic = 'force-dynamic';

/** Prometheus API: exemplars of the series a query selects. */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, queryExemplarsVerb);
export const POST = GET;
