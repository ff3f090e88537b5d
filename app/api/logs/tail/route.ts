import superjson from 'superjson';
import { logFilterOf, readLogSearch } from '@/lib/log-search-url';
import { logFilterSchema } from '@/server/api/inputs/log-search';
import { LogQueryError, toStoreFilter } from '@/server/query/logs/log-filter';
import { tailStart, tailTick } from '@/server/query/logs/tail-logs';

export const dynamic = 'force-dynamic';

/** How often the store is polled for new records, ms. */
const POLL_MS = 1_000;
/** Records sent per tick at most; the rest are counted as skipped (keeps the browser responsive). */
const CAP_PER_TICK = 100;
/** A comment line this often keeps proxies from closing an idle stream, ms. */
const HEARTBEAT_MS = 15_000;

/**
 * GET /api/logs/tail?<the /logs search parameters>[&after=<record id>] — Server-Sent Events.
 * Each `records` event's data is superjson of `{records, skipped, lastId}` (records newest first);
 * times range (`from`/`to`) is ignored: a tail shows what arrives from now on. `after` resumes a
 * paused tail where it stopped (the cap then reports what it skipped). Bad filters → 400 JSON.
 */
export function GET(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const parsed = logFilterSchema.safeParse(logFilterOf(readLogSearch(params)));
  if (!parsed.success) return Response.json({ error: parsed.error.issues.map((i) => i.message).join('; ') }, { status: 400 });
  const filter = parsed.data;
  try {
    toStoreFilter(filter);
  } catch (e) {
    if (e instanceof LogQueryError) return Response.json({ error: e.message }, { status: 400 });
    throw e;
  }
  const after = params.get('after');
  if (after !== null && !/^\d{1,15}$/.test(after)) return Response.json({ error: 'after must be a record id' }, { status: 400 });
  let lastId = after !== null ? Number(after) : tailStart();

  const encoder = new TextEncoder();
  let timers: ReturnType<typeof setInterval>[] = [];
  const stop = () => { for (const t of timers) clearInterval(t); timers = []; };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A vanished client stops the polling through `abort`/`cancel`; failing that, the next write
      // (at the latest the heartbeat) throws on the closed stream and stops it.
      const send = (text: string) => {
        try { controller.enqueue(encoder.encode(text)); } catch { stop(); }
      };
      send(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ lastId })}\n\n`);
      const tick = () => {
        try {
          const t = tailTick(filter, lastId, CAP_PER_TICK);
          lastId = t.lastId;
          if (t.records.length > 0 || t.skipped > 0) send(`event: records\ndata: ${superjson.stringify(t)}\n\n`);
        } catch (err) {
          console.error('[sightline] log tail failed', err);
          send(`event: failure\ndata: ${JSON.stringify({ error: 'the tail stopped after a server error' })}\n\n`);
          stop();
          controller.close();
        }
      };
      timers = [setInterval(tick, POLL_MS), setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS)];
      request.signal.addEventListener('abort', () => { stop(); try { controller.close(); } catch { /* already closed */ } });
    },
    cancel: stop,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: keeps compression middleware from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
