import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './server';

/**
 * Runs the demo shop against `baseUrl` for `seconds`, then waits for it to stop cleanly (its SDKs
 * flush on the way out). Rejects if it exits non-zero.
 */
export function runDemo(baseUrl: string, seconds: number, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'demo', 'run.ts'), '--duration', String(seconds)], {
      cwd: projectRoot,
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: baseUrl, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`demo exited with ${code}`))));
  });
}
