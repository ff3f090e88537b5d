// `npm start` (and `npm run demo` with --demo): install if needed, build if needed, migrate, serve.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MAIN_SERVER, buildIfNeeded, installIfNeeded, migrate, root } from './lib/prepare.mjs';
import { SERVER_NODE_FLAGS } from './lib/server-node-flags.mjs';

const withDemo = process.argv.includes('--demo');
const port = process.env.PORT ?? '3000';
// The demo's services serve Prometheus /metrics too: scrape them (unless a config was chosen).
const demoConfig = withDemo && !process.env.SIGHTLINE_CONFIG ? { SIGHTLINE_CONFIG: path.join(root, 'sightline.demo.yaml') } : {};

installIfNeeded();
buildIfNeeded();
migrate();

const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN_SERVER], {
  cwd: root,
  stdio: 'inherit',
  // Own process group: a terminal's Ctrl-C reaches only us, and we stop the demo before the console.
  detached: true,
  // server/jobs/lifecycle.ts handles SIGTERM/SIGINT: flush pending writes, then exit.
  env: { ...process.env, ...demoConfig, PORT: port, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
let demo;

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

if (withDemo) {
  const base = `http://127.0.0.1:${port}`;
  if (await waitForHealth(`${base}/api/health`, 60_000)) {
    demo = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'demo', 'run.ts')], {
      cwd: root, stdio: 'inherit', env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: base },
    });
    console.log(`[sightline] demo shop running; open ${base}`);
  } else {
    console.error('[sightline] console did not become healthy; demo not started');
  }
}

// Stop the demo first (its SDKs flush into the console), then the console.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const stopServer = () => server.kill(signal);
  if (demo && demo.exitCode === null) {
    demo.once('exit', stopServer);
    demo.kill(signal);
  } else stopServer();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code, signal) => {
  if (demo && demo.exitCode === null) demo.kill('SIGTERM');
  process.exit(code ?? (signal ? 0 : 1));
});
