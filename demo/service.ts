/**
 * Entry point of ONE demo service process: `node --import tsx demo/service.ts <name>`.
 * Started and stopped by supervisor.ts; also runnable alone for debugging.
 */
// Must stay the first import: it starts the SDK and patches `http` before http.ts loads it.
import { serviceName, telemetry } from './instrument';
import type { Server } from 'node:http';
import { metricsPort, readDemoEnv, servicePort, serviceUrl } from './config';
import { closeClientSockets, createJsonServer } from './http';
import { incidentConfigFromEnv } from './incident';
import { registerProcessMetrics } from './process-metrics';
import { startPromMetrics } from './prom-metrics';
import { SERVICES } from './services';

const SERVER_CLOSE_TIMEOUT_MS = 3000;
const TELEMETRY_SHUTDOWN_TIMEOUT_MS = 6000;

const env = readDemoEnv();
const definition = SERVICES[serviceName]({
  url: (name) => serviceUrl(name, env.basePort),
  incident: incidentConfigFromEnv(process.env, Date.now()),
});
registerProcessMetrics();

const promMetrics = startPromMetrics(serviceName, metricsPort(serviceName, env.basePort));
const server = createJsonServer(definition.routes, { onRequestDone: (done) => promMetrics.observe(done) });
const port = servicePort(serviceName, env.basePort);

server.on('error', (err) => {
  console.error(`[${serviceName}] ${err.message}`);
  // Nothing useful was recorded yet; exit non-zero so the supervisor reports the failure.
  void telemetry
    .shutdown()
    .catch(() => undefined)
    .finally(() => process.exit(1));
});

server.listen(port, '127.0.0.1', () => {
  if (process.connected) process.send?.({ type: 'ready', service: serviceName, port });
});

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

function closeServer(srv: Server): Promise<void> {
  return new Promise((resolve) => {
    srv.close(() => resolve());
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    srv.closeIdleConnections();
  });
}

async function stop(): Promise<void> {
  await withTimeout(closeServer(server), SERVER_CLOSE_TIMEOUT_MS);
  server.closeAllConnections();
  await withTimeout(promMetrics.close(), SERVER_CLOSE_TIMEOUT_MS);
  await withTimeout(definition.drain?.() ?? Promise.resolve(), SERVER_CLOSE_TIMEOUT_MS);
  closeClientSockets();
  // No more traffic from or to us: the supervisor may start stopping our callees while we flush.
  if (process.connected) process.send?.({ type: 'drained' });
  // Flushes the last spans, logs and a final metric collection. An unreachable console is
  // not this process's failure: the data is lost either way, so still exit cleanly.
  await withTimeout(
    telemetry.shutdown().catch(() => undefined),
    TELEMETRY_SHUTDOWN_TIMEOUT_MS,
  );
}

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`[${serviceName}] shutdown failed:`, err);
      process.exit(1);
    },
  );
}

process.on('SIGTERM', shutdown);
// Under the supervisor, Ctrl+C reaches the whole process group; ignore it and let the
// supervisor stop us in call-graph order (callers first) once the load has stopped.
process.on('SIGINT', process.send ? () => undefined : shutdown);
// The supervisor vanished without telling us: do not linger as an orphan.
process.on('disconnect', shutdown);
