import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { OtlpDecodeError } from '../otlp/common/errors';
import type { OtlpEncoding, OtlpSignal } from '../otlp/decode';
import type { DecodedExport } from '@/server/store/rows';
import { decodeSignal } from './decode-signal';
import type { DecodeReply, DecodeRequest } from './protocol';

/**
 * Decoding OTLP bodies on a worker thread. The main thread runs HTTP, the row writer and every
 * query; decoding was a third of its time under ingest load (bench:ingest traces), while the second
 * core sat mostly idle. One worker, requests in order; admission (http/admission.ts) already bounds
 * the bytes in flight.
 *
 * Only the production server starts the worker (server/main.ts, from the bundled file). Elsewhere
 * (`next dev` route handlers, tests importing the receiver) and after the worker dies, bodies are
 * decoded inline: same code, same answers.
 */
/**
 * Which signals go to the worker: all three. Spans and log records decode in ~7–12 µs and are received
 * as clones in ~1–3 µs; metric points decode in ~3 µs and, sent as MetricColumns (one string and a few
 * typed-array slots per point), are received for a fraction of a µs. (Sent as a MetricRow object per
 * point they cost ~1.6 µs to receive, and bench:ingest measured metrics 10% slower that way.)
 */
const OFF_THREAD: Record<OtlpSignal, boolean> = { traces: true, logs: true, metrics: true };

interface Pending {
  resolve: (decoded: DecodedExport<unknown>) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function settle(reply: DecodeReply): void {
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  if (reply.ok) p.resolve(reply.decoded);
  else p.reject(reply.invalid ? new OtlpDecodeError(reply.message) : new Error(`decode worker: ${reply.message}`));
}

function abandon(reason: string): void {
  console.error(`[sightline] OTLP decode worker stopped (${reason}); decoding on the main thread from now on`);
  worker = null;
  for (const p of pending.values()) p.reject(new Error(`decode worker stopped: ${reason}`));
  pending.clear();
}

/** Starts the worker from its bundled file; false (decoding stays inline) when the file is missing. */
export function startDecodeWorker(file: string): boolean {
  if (worker || !fs.existsSync(file)) return worker !== null;
  const w = new Worker(file);
  w.unref(); // never what keeps the process alive: shutdown flushes the write queue, not decoding
  w.on('message', settle);
  w.on('error', (err) => { if (worker === w) abandon(err.message); });
  w.on('exit', (code) => { if (worker === w) abandon(`exit code ${code}`); });
  worker = w;
  return true;
}

/**
 * Decodes a request body into row groups, on the worker when it runs. Rejects with OtlpDecodeError for
 * a bad body, exactly as the inline decoders throw it. `body` must not be used afterwards (its bytes
 * move to the worker).
 */
export function decodeOffThread(signal: OtlpSignal, body: Uint8Array, encoding: OtlpEncoding): Promise<DecodedExport<unknown>> {
  const w = OFF_THREAD[signal] ? worker : null;
  if (!w) {
    try {
      return Promise.resolve(decodeSignal(signal, body, encoding));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  // Transfer only a buffer the body owns whole: a small Buffer is a view into a shared pool.
  const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer ? body : new Uint8Array(body);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: DecodeRequest = { id, signal, encoding, body: owned };
    w.postMessage(request, [owned.buffer as ArrayBuffer]);
  });
}
