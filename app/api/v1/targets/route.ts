import { handlePromRequest } from '@/server/query/prom-api/http';
import { targetsVerb } from '@/server/query/prom-api/status';

export const dynamic = 'force-dynamic';

/** Prometheus API: scrape targets (state=active|dropped|any, scrapePool=). */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, targetsVerb);
