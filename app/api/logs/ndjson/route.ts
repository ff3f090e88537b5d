import { receiveNdjson } from '@/server/ingest/ndjson/receive-ndjson';
import { streamChunks } from '@/server/ingest/http/adapters';

export const dynamic = 'force-dynamic';

/** Longest `?service=` accepted (the default service for lines that name none). */
const MAX_SERVICE_CHARS = 256;

/**
 * POST /api/logs/ndjson[?service=<default service>] — newline-delimited JSON log lines, e.g.
 * `my-app | curl --data-binary @- -H 'content-type: application/x-ndjson' http://host:3000/api/logs/ndjson?service=my-app`.
 * Served through Next (not server/main.ts's fast path): piped app logs are not the high-volume
 * OTLP path, and ~2 ms of routing per request does not matter for them.
 */
export async function POST(request: Request): Promise<Response> {
  const service = new URL(request.url).searchParams.get('service')?.trim();
  if (service !== undefined && (service === '' || service.length > MAX_SERVICE_CHARS)) {
    return Response.json({ error: `service must be 1–${MAX_SERVICE_CHARS} characters` }, { status: 400 });
  }
  const answer = await receiveNdjson({
    contentType: request.headers.get('content-type'),
    contentEncoding: request.headers.get('content-encoding'),
    contentLength: Number(request.headers.get('content-length') ?? NaN),
    chunks: request.body ? streamChunks(request.body) : null,
    defaultService: service,
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
