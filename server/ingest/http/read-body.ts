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

/** What the receiver needs of an HTTP request, whatever server delivered it (Next or node:http). */
export interface IncomingBody {
  contentType: string | null;
  contentEncoding: string | null;
  /** Declared Content-Length in bytes; NaN when absent. */
  contentLength: number;
  /** The raw body chunks (a Node IncomingMessage or a web ReadableStream are both async iterable). */
  chunks: AsyncIterable<Uint8Array> | null;
}

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (a lying or absent Content-Length
 * cannot make us buffer more), then decompresses it with the same cap: zlib aborts once its output
 * passes `maxOutputLength`, so a gzip bomb is never inflated past the limit.
 */
export async function readBody(input: IncomingBody, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = input.contentLength;
  if (declared > maxBytes) throw new BodyError(413, `request body of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  const raw = await readCapped(input.chunks, maxBytes);
  const encoding = (input.contentEncoding ?? 'identity').trim().toLowerCase();
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

async function readCapped(source: AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!source) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early (throw) ends the iteration, which destroys/cancels the underlying stream.
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BodyError(413, `request body exceeds the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
