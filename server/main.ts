/**
 * The production server: one node:http server that answers OTLP POSTs itself and hands every other
 * request to Next.js. Bundled by esbuild at build time (scripts/lib/prepare.mjs) into
 * .next/sightline/main.cjs and started by `npm start`.
 *
 * Why not Next route handlers alone: Next's routing costs ~2.4 ms per request (measured with
 * tests/bench/next-overhead), which capped ingest far below the database's speed. Pages, APIs and
 * tRPC still go through Next; app/v1/* route handlers keep `next dev` working.
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { startDecodeWorker } from './ingest/decode-worker/decode-off-thread';
import { receiveOtlpNode } from './ingest/http/adapters';
import type { OtlpSignal } from './ingest/otlp/decode';
import { serverEnv } from './env';
import { startServerLifecycle } from './jobs/lifecycle';

const OTLP_PATHS: Record<string, OtlpSignal> = { '/v1/traces': 'traces', '/v1/logs': 'logs', '/v1/metrics': 'metrics' };

async function main(): Promise<void> {
  const { PORT } = serverEnv();
  const hostname = process.env.HOSTNAME ?? '0.0.0.0';
  const app = next({ dev: false, dir: process.cwd(), hostname, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  // instrumentation.ts does this inside Next too; the call is idempotent (guarded on globalThis).
  startServerLifecycle();
  // Bundled next to this file (scripts/lib/prepare.mjs); without it bodies are decoded inline.
  startDecodeWorker(path.join(__dirname, 'decode-worker.cjs'));

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const signal = req.method === 'POST' ? OTLP_PATHS[path] : undefined;
    if (signal) {
      receiveOtlpNode(signal, req, res).catch((err) => {
        console.error('[sightline] OTLP request failed', err);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    handle(req, res).catch((err) => {
      console.error('[sightline] request failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than common client/proxy idle timeouts
  server.listen(PORT, hostname, () => console.log(`[sightline] listening on http://${hostname}:${PORT}`));
}

main().catch((err) => {
  console.error('[sightline] failed to start', err);
  process.exit(1);
});
