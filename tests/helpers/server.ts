import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../scripts/lib/server-node-flags.mjs';

export interface RunningServer {
  url: string;
  port: number;
  dbFile: string;
  process: ChildProcess;
  /** SIGTERM, then wait for exit (the server flushes pending writes first). */
  stop(): Promise<number | null>;
}

export const projectRoot = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} not healthy after ${timeoutMs} ms (${last})`);
}

/**
 * Starts the real built server (server/main.ts bundled, exactly what `npm start` runs) on a free
 * port with a fresh database file. The build must exist (scripts/test.mjs builds before the suites run).
 */
export async function startServer(env: Record<string, string> = {}, fixedPort?: number): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-test-'));
  const dbFile = env.SIGHTLINE_DB ?? path.join(dir, 'sightline.db');
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(projectRoot, '.next/sightline/main.cjs')], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', SIGHTLINE_DB: dbFile, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`);
  }
  return {
    url, port, dbFile, process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }),
  };
}
