import type { ScopedRows, SpanRow, WriteBatch } from './rows';
import { getSqlite, closeDb } from './connection';
import { createRowWriter } from './row-writer';
import { GroupCommitQueue } from './group-commit-queue';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';
import { serverEnv } from '@/server/env';

export { WriteQueueFullError } from './group-commit-queue';

/** Told about the spans of every batch right after the transaction holding them commits. */
export type SpansCommittedListener = (spans: readonly ScopedRows<SpanRow>[]) => void;

/** The process's single write queue and commit listeners (globalThis: shared by every Next bundle in this process). */
const KEY = Symbol.for('sightline.writeQueue');
const LISTENERS = Symbol.for('sightline.spansCommittedListeners');
const CHECKPOINTER = Symbol.for('sightline.walCheckpointer');
type Holder = { [KEY]?: GroupCommitQueue; [LISTENERS]?: Set<SpansCommittedListener>; [CHECKPOINTER]?: WalCheckpointer | null };

function queue(): GroupCommitQueue {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const sqlite = getSqlite();
    const write = notifyingCommit(createRowWriter(sqlite));
    const q = new GroupCommitQueue((batches) => {
      write(batches);
      holder[CHECKPOINTER]?.noteCommit();
    }, serverEnv().SIGHTLINE_WRITE_QUEUE_ITEMS);
    // Checkpoints run on a worker thread, out of the commits (see wal-checkpointer.ts).
    holder[CHECKPOINTER] = startWalCheckpointer(sqlite, q);
    holder[KEY] = q;
  }
  return holder[KEY];
}

/**
 * Wraps the row writer so listeners hear about spans only after their transaction committed. When a
 * grouped commit fails the queue retries batch by batch: listeners then hear about each batch that
 * commits alone, and never about the failed one, so every committed batch is announced exactly once.
 * A listener's error is logged and swallowed: it must not make the queue retry (and re-store) a batch.
 */
function notifyingCommit(write: (batches: WriteBatch[]) => void): (batches: WriteBatch[]) => void {
  return (batches) => {
    write(batches);
    const listeners = (globalThis as Holder)[LISTENERS];
    if (!listeners || listeners.size === 0) return;
    for (const batch of batches) {
      if (!batch.spans || batch.spans.length === 0) continue;
      for (const listener of listeners) {
        try {
          listener(batch.spans);
        } catch (err) {
          console.error('[sightline] spans-committed listener failed', err);
        }
      }
    }
  };
}

/**
 * Registers a listener called synchronously, once per committed batch that has spans, right after
 * COMMIT. Returns the function that unregisters it. The store stays unaware of who listens (span
 * metrics, for one).
 */
export function onSpansCommitted(listener: SpansCommittedListener): () => void {
  const holder = globalThis as Holder;
  const listeners = (holder[LISTENERS] ??= new Set());
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Stores a request's rows; resolves once they are committed. Rejects with WriteQueueFullError when full. */
export function storeBatch(batch: WriteBatch): Promise<void> {
  return queue().enqueue(batch);
}

/** Commits whatever is pending and closes the database (SIGTERM/SIGINT). Safe to call twice. */
export function flushAndClose(): void {
  const holder = globalThis as Holder;
  holder[KEY]?.flushSync();
  holder[CHECKPOINTER]?.stop();
  delete holder[CHECKPOINTER];
  delete holder[KEY];
  closeDb();
}
