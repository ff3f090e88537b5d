import { handlePromRequest } from '@/server/query/prom-api/http';
import { labelsVerb } from '@/server/query/prom-api/metadata';

export const dynamic = 'force-dynamic';

/** Prometheus API: label names. */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, labelsVerb);
export const POST = GET;
