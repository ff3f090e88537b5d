import { handlePromRequest } from '@/server/query/prom-api/http';
import { queryVerb } from '@/server/query/prom-api/query';

export const dynamic = 'force-dynamic';

/** Prometheus API: instant query (GET query string or POST form). */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, queryVerb);
export const POST = GET;
