import { handlePromRequest } from '@/server/query/prom-api/http';
import { buildinfoVerb } from '@/server/query/prom-api/status';

export const dynamic = 'force-dynamic';

/** Prometheus API: build information. */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, buildinfoVerb);
