// Shared by `npm start`, `npm run demo` and `npm test`: install if needed, build if needed.
// Plain Node ESM with no dependencies, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Files and folders whose content decides whether the production build is current. */
const BUILD_INPUTS = ['app', 'components', 'lib', 'server', 'db', 'public', 'instrumentation.ts', 'next.config.ts',
  'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const HASH_FILE = path.join(root, '.next', 'sightline-build-hash');

export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`[sightline] "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** npm install when node_modules is missing or older than the lockfile (npm ci fails here: see README). */
export function installIfNeeded() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('[sightline] installing dependencies (first run builds better-sqlite3 from source: ~2 min)…');
  run('npm', ['install', '--no-audit', '--no-fund'], { npm_config_build_from_source: 'true' });
}

function hashInputs() {
  const hash = createHash('sha256');
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest('hex');
}

/** next build when there is no build, or the sources changed since the last one. */
export function buildIfNeeded() {
  const digest = hashInputs();
  const current = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(HASH_FILE)
    && fs.readFileSync(HASH_FILE, 'utf8') === digest;
  if (current) return;
  console.log('[sightline] building the console (next build)…');
  run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
  bundleMainServer();
  fs.writeFileSync(HASH_FILE, digest);
}

/** The production entry (server/main.ts: OTLP receivers + Next handler) bundled for plain `node`. */
export const MAIN_SERVER = path.join(root, '.next', 'sightline', 'main.cjs');

function bundleMainServer() {
  // Loaded only now: esbuild is a dependency, present once installIfNeeded() has run.
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  const options = {
    absWorkingDir: root, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external',
    logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' },
  };
  esbuild.buildSync({ ...options, entryPoints: ['server/main.ts'], outfile: MAIN_SERVER });
  // The OTLP decode worker thread's entry (server/ingest/decode-worker/), loaded by main.cjs from its own directory.
  esbuild.buildSync({ ...options, entryPoints: ['server/ingest/decode-worker/worker-main.ts'], outfile: path.join(path.dirname(MAIN_SERVER), 'decode-worker.cjs') });
}

export function migrate() {
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'migrate.ts')]);
}
