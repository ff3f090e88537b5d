import type { WriteBatch } from './rows';
import { countItems } from './row-writer';

export class WriteQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('write queue is full; retry later');
  }
}

interface Pending {
  batch: WriteBatch;
  items: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: batches enqueued during one turn of the event loop are committed together in one
 * transaction on the next turn (setImmediate), and each enqueue() resolves only after its rows are
 * committed. The queue is bounded in items; past the bound enqueue() throws WriteQueueFullError
 * (the receivers answer 503 + Retry-After) so memory stays flat under overload.
 * hold() defers commits (not enqueues) until a promise settles; flushSync() ignores holds.
 * Invariants: pendingItems equals the sum of items in `pending`; no commit starts while holds > 0.
 */
export class GroupCommitQueue {
  private pending: Pending[] = [];
  private pendingItems = 0;
  private scheduled = false;
  private holds = 0;

  constructor(
    private readonly commit: (batches: WriteBatch[]) => void,
    private readonly maxItems: number,
    /** Upper bound of items per transaction, so one commit never holds the loop for long. */
    private readonly maxItemsPerCommit = 50_000,
  ) {}

  enqueue(batch: WriteBatch): Promise<void> {
    const items = countItems(batch);
    if (items === 0) return Promise.resolve();
    // An empty queue always admits one batch, however large, so no single request can starve forever.
    if (this.pendingItems > 0 && this.pendingItems + items > this.maxItems) {
      return Promise.reject(new WriteQueueFullError(1));
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ batch, items, resolve, reject });
      this.pendingItems += items;
      this.schedule();
    });
  }

  /** Commits wait until `until` settles (the WAL checkpointer's final copy); enqueue() still accepts batches. */
  hold(until: Promise<void>): void {
    this.holds++;
    const done = () => {
      this.holds--;
      if (this.pending.length > 0) this.schedule();
    };
    until.then(done, done);
  }

  get queuedItems(): number {
    return this.pendingItems;
  }

  /** Commits everything pending now, synchronously (shutdown path). */
  flushSync(): void {
    while (this.pending.length > 0) this.commitChunk();
  }

  private schedule(): void {
    if (this.scheduled || this.holds > 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.holds > 0) return; // rescheduled when the last hold ends
      this.commitChunk();
      if (this.pending.length > 0) this.schedule();
    });
  }

  private commitChunk(): void {
    const chunk: Pending[] = [];
    let items = 0;
    while (this.pending.length > 0 && (chunk.length === 0 || items + this.pending[0].items <= this.maxItemsPerCommit)) {
      const next = this.pending.shift()!;
      chunk.push(next);
      items += next.items;
    }
    this.pendingItems -= items;
    try {
      this.commit(chunk.map((p) => p.batch));
      for (const p of chunk) p.resolve();
    } catch {
      // One bad batch must not fail its neighbours: retry each alone, failing only the culprits.
      for (const p of chunk) {
        try {
          this.commit([p.batch]);
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }
}
