import { handlePromRequest } from '@/server/query/prom-api/http';
import { seriesVerb } from '@/server/query/prom-api/metadata';

export const dynamic = 'force-dynamic';

/** Prometheus API: series matching match[] selectors. */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, seriesVerb);
export const POST = GET;
