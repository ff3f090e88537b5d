import { handlePromRequest } from '@/server/query/prom-api/http';
import { queryRangeVerb } from '@/server/query/prom-api/query';

export const dynamic = 'force-dynamic';

/** Prometheus API: range query (GET query string or POST form). */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, queryRangeVerb);
export const POST = GET;
