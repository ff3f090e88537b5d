/**
 * POST /api/logs/ndjson: structured JSON log lines (one object per line) → log records.
 * The same rules as the OTLP receivers, through the same pieces: bytes-in-flight admission
 * (503 + Retry-After), a 20 MiB cap after decompression (413), gzip/deflate bodies, the group-commit
 * write queue (503 + Retry-After when full), and 200 only after COMMIT. Answers JSON:
 * `{accepted, rejected, errors: [{line, error}]}` (errors: the first MAX_REPORTED_ERRORS).
 * A body where every line is rejected is a 400; an empty body is a 200 with nothing accepted.
 */
import { storeBatch, WriteQueueFullError } from '@/server/store/ingest-writer';
import { admit } from '../http/admission';
import { BodyError, readBody, type IncomingBody } from '../http/read-body';
import { parseNdjson } from './parse-ndjson';

export interface NdjsonAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Media types accepted: NDJSON/JSON Lines by name, JSON, plain text, and what `curl --data-binary`
 * sends by default (form-urlencoded) so `curl --data-binary @app.log` works without -H.
 */
const MEDIA_TYPES = new Set(['', 'application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/json-lines',
  'application/x-jsonlines', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']);

const json = (status: number, payload: unknown, headers: Record<string, string> = {}): NdjsonAnswer =>
  ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });

const utf8 = new TextDecoder('utf-8');

export async function receiveNdjson(request: IncomingBody & { defaultService?: string }, nowMs = Date.now()): Promise<NdjsonAnswer> {
  const mediaType = (request.contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  if (!MEDIA_TYPES.has(mediaType)) {
    return json(415, { error: `unsupported Content-Type "${request.contentType}": send application/x-ndjson (one JSON object per line)` });
  }
  const ticket = admit(request.contentLength);
  if (!ticket) return json(503, { error: 'server busy: too many bytes in flight; retry later' }, { 'retry-after': '1' });
  try {
    const body = await readBody(request);
    const parsed = parseNdjson(utf8.decode(body), BigInt(nowMs) * 1_000_000n, request.defaultService);
    const summary = { accepted: parsed.accepted, rejected: parsed.rejected, errors: parsed.errors };
    if (parsed.accepted === 0 && parsed.rejected > 0) return json(400, { error: 'no valid JSON log line in the body', ...summary });
    if (parsed.accepted > 0) await storeBatch({ logs: parsed.groups });
    return json(200, summary);
  } catch (err) {
    if (err instanceof BodyError) return json(err.status, { error: err.message });
    if (err instanceof WriteQueueFullError) return json(503, { error: err.message }, { 'retry-after': String(err.retryAfterSeconds) });
    console.error('[sightline] NDJSON ingest failed', err);
    return json(500, { error: 'internal error while storing the log lines' });
  } finally {
    ticket.release();
  }
}
