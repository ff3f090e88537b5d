import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHECKPOINT_WORKER_SOURCE } from './checkpoint-worker-source';

/**
 * WAL checkpoints on a worker thread instead of inside the ingest commits.
 *
 * Why: with SQLite's automatic checkpoint (every 1,000 WAL pages) the commit that crosses the mark
 * copies the WAL back into the database file and fsyncs both, on the event loop. Measured with the
 * ingest bench's rows (tests/bench/ingest.bench.ts payloads, 2 requests per commit) that was about half
 * of the write cost: spans 30 → 16 µs, log records 100 → 65 µs, metric points 17 → 13 µs per item
 * with checkpoints off the commit path. The checkpoint is mostly I/O wait, so a thread does it for free.
 *
 * How: the main connection's auto-checkpoint is raised to a safety net (SAFETY_FRAMES). After commits,
 * at most every MIN_GAP_MS, the worker runs a PASSIVE checkpoint on its own connection (it never waits
 * for or blocks the writer). That keeps the database file current, but SQLite only rewinds the WAL to
 * its start when a write transaction begins with every frame already copied back, which never happens
 * while commits land during each checkpoint. So once the WAL holds RESTART_FRAMES, commits are held
 * (the event loop keeps reading and decoding requests; nothing blocks) while the worker copies the last
 * few frames; the first commit after that rewinds the WAL. The WAL file thus stays around
 * RESTART_FRAMES pages plus what arrives during one checkpoint.
 *
 * Durability is unchanged: commits are as durable as before (WAL, synchronous=NORMAL); a checkpoint
 * only moves committed pages from the WAL into the database file. If the worker fails, the main
 * connection goes back to SQLite's default automatic checkpoints.
 */

/** Least time between two worker checkpoints, ms (each costs the worker two fsyncs). */
const MIN_GAP_MS = 100;
/** WAL size (pages) past which the WAL is rewound: 8,192 × 4 KiB = 32 MiB. */
const RESTART_FRAMES = 8192;
/** The main connection's own auto-checkpoint while the worker runs: only if the worker falls far behind. */
const SAFETY_FRAMES = 4 * RESTART_FRAMES;
/** SQLite's default wal_autocheckpoint, restored if the worker dies. */
const SQLITE_DEFAULT_FRAMES = 1000;
/** Commits are never held longer than this waiting for the worker, ms. */
const MAX_HOLD_MS = 1000;

/** Lets the checkpointer pause commits (not the event loop) until a promise settles. */
export interface CommitGate {
  hold(until: Promise<void>): void;
}

interface CheckpointResult {
  busy?: number;
  log?: number;
  checkpointed?: number;
  error?: string;
}

export interface WalCheckpointer {
  /** Call after every ingest commit (outside the transaction). */
  noteCommit(): void;
  /** Stops the worker (shutdown); the main connection goes back to SQLite's automatic checkpoints. */
  stop(): void;
}

/**
 * Starts the worker for a file database in WAL mode; returns null for anything else (in-memory
 * databases, test doubles), which then keep SQLite's automatic checkpoints.
 */
export function startWalCheckpointer(sqlite: Database.Database, gate: CommitGate): WalCheckpointer | null {
  if (typeof sqlite.name !== 'string' || sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  const betterSqlite3 = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINT_WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, betterSqlite3 } });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_FRAMES}`);

  let state: 'idle' | 'bulk' | 'final' | 'stopped' = 'idle';
  let lastEnd = 0;
  let release: (() => void) | null = null;

  const releaseHold = () => {
    release?.();
    release = null;
  };
  const fallBack = (reason: string | null) => {
    if (state === 'stopped') return;
    state = 'stopped';
    releaseHold();
    if (reason !== null) console.error(`[sightline] WAL checkpoint worker failed (${reason}); using SQLite's automatic checkpoints`);
    try {
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_FRAMES}`);
    } catch {
      // The connection is closing: nothing left to checkpoint from here.
    }
  };
  const checkpoint = (next: 'bulk' | 'final') => {
    state = next;
    worker.postMessage('checkpoint');
  };

  worker.on('message', (r: CheckpointResult) => {
    if (state === 'stopped') return;
    if (r.error !== undefined) return fallBack(r.error);
    if (state === 'bulk' && (r.log ?? 0) >= RESTART_FRAMES) {
      // Hold commits while the worker copies the frames written during the bulk checkpoint.
      const held = new Promise<void>((resolve) => (release = resolve));
      const timer = setTimeout(releaseHold, MAX_HOLD_MS);
      void held.then(() => clearTimeout(timer));
      gate.hold(held);
      return checkpoint('final');
    }
    releaseHold();
    state = 'idle';
    lastEnd = performance.now();
  });
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));

  return {
    noteCommit() {
      if (state === 'idle' && performance.now() - lastEnd >= MIN_GAP_MS) checkpoint('bulk');
    },
    stop() {
      if (state === 'stopped') return;
      worker.postMessage('close');
      fallBack(null);
    },
  };
}
