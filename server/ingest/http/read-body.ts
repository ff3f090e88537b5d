import { gunzip, inflate } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/** OTLP bodies larger than this (after decompression) are refused with 413. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415, message: string) {
    super(message);
  }
}

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (a lying or absent Content-Length
 * cannot make us buffer more), then decompresses it with the same cap: zlib aborts once its output
 * passes `maxOutputLength`, so a gzip bomb is never inflated past the limit.
 */
export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new BodyError(413, `request body of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  const raw = await readCapped(request, maxBytes);
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return await gunzipAsync(raw, { maxOutputLength: maxBytes });
    if (encoding === 'deflate') return await inflateAsync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new BodyError(413, `decompressed request body exceeds the ${maxBytes}-byte limit`);
    }
    throw new BodyError(400, `request body is not valid ${encoding} data: ${(err as Error).message}`);
  }
  throw new BodyError(415, `unsupported Content-Encoding "${encoding}" (use gzip, deflate or identity)`);
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyError(413, `request body exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
