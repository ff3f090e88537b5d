import { handlePromRequest } from '@/server/query/prom-api/http';
import { metadataVerb } from '@/server/query/prom-api/metadata';

export const dynamic = 'force-dynamic';

/** Prometheus API: metric metadata (type, help, unit) per metric family. */
export const GET = (request: Request): Promise<Response> => handlePromRequest(request, metadataVerb);
