import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's Prometheus (apt-get install prometheus). Tests that need it skip when it is missing locally; CI installs it. */
export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

export interface RealPrometheus {
  url: string;
  /** The TSDB directory (for size measurements). */
  tsdbPath: string;
  stop: () => Promise<void>;
}

/**
 * The installed Prometheus's major version as SIGHTLINE_PROMETHEUS_COMPAT spells it ('2' or '3'), so the
 * differential tests run Sightline with the same semantics (Debian ships 2.x).
 */
export function referenceCompat(): '2' | '3' {
  const out = execFileSync(PROMETHEUS_BIN, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const major = Number(/version (\d+)\./.exec(out)?.[1]);
  if (!Number.isFinite(major)) throw new Error(`cannot read the Prometheus version from: ${out}`);
  return major >= 3 ? '3' : '2';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Backfills `openMetrics` (text with timestamps, see prom-dataset.ts) into a fresh TSDB with
 * promtool, then starts Prometheus on loopback over it with no scrape targets.
 */
export async function startPrometheusWithData(openMetrics: string): Promise<RealPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-prom-'));
  const dataFile = path.join(dir, 'data.om');
  fs.writeFileSync(dataFile, openMetrics);
  // 2 h blocks: the default; the data must lie within the retention window (it is recent).
  execFileSync(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', dataFile, path.join(dir, 'tsdb')], { stdio: 'pipe' });
  return launchPrometheus(dir, 'global:\n  scrape_interval: 1h\n');
}

/** Starts Prometheus on loopback with `configYaml` (prometheus.yml) and an empty TSDB: it scrapes what the config says. */
export async function startPrometheusWithConfig(configYaml: string): Promise<RealPrometheus> {
  return launchPrometheus(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-prom-')), configYaml);
}

/** Runs Prometheus over `dir`/tsdb with `configYaml`; resolves once /-/ready answers. stop() removes `dir`. */
async function launchPrometheus(dir: string, configYaml: string): Promise<RealPrometheus> {
  const tsdb = path.join(dir, 'tsdb');
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), configYaml);
  const port = await freePort();
  const child: ChildProcess = spawn(PROMETHEUS_BIN, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${tsdb}`,
    `--web.listen-address=127.0.0.1:${port}`, '--storage.tsdb.retention.time=30d', '--log.level=warn',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/-/ready`)).status === 200) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`prometheus did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    tsdbPath: tsdb,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
