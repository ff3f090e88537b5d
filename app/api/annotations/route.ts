import { parseAnnotationInput } from '@/lib/annotations/annotation-input';
import { TimeRangeError, isTimeExpression } from '@/lib/time-range';
import { createAnnotation, listAnnotations } from '@/server/query/annotations/annotations';

export const dynamic = 'force-dynamic';

/** Bodies beyond this are refused: an annotation is a line of text, not a document. */
const MAX_BODY_BYTES = 64 * 1024;

function badRequest(message: string): Response {
  return Response.json({ error: message }, { status: 400 });
}

/** `POST /api/annotations` with a JSON body (lib/annotations/annotation-input.ts) → 201 and the stored annotation. */
export async function POST(request: Request): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) return Response.json({ error: 'Content-Type must be application/json' }, { status: 415 });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return Response.json({ error: `body larger than ${MAX_BODY_BYTES} bytes` }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return badRequest('body is not valid JSON');
  }
  const parsed = parseAnnotationInput(body);
  if (!parsed.ok) return badRequest(parsed.message);
  return Response.json(createAnnotation(parsed.value), { status: 201 });
}

/** `GET /api/annotations?from=&to=&service=`: times are Grafana-style (`now-1h`, epoch ms); defaults to the last hour. */
export function GET(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const from = params.get('from') || 'now-1h';
  const to = params.get('to') || 'now';
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isTimeExpression(value)) return badRequest(`${name}: "${value}" is not a time: use now, now-<n><unit> or epoch milliseconds`);
  }
  try {
    return Response.json({ annotations: listAnnotations({ from, to }, params.get('service') ?? undefined) });
  } catch (error) {
    if (error instanceof TimeRangeError) return badRequest(error.message);
    throw error;
  }
}
