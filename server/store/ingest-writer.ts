import type { WriteBatch } from './rows';
import { getSqlite, closeDb } from './connection';
import { createRowWriter } from './row-writer';
import { GroupCommitQueue } from './group-commit-queue';
import { serverEnv } from '@/server/env';

export { WriteQueueFullError } from './group-commit-queue';

/** The process's single write queue (globalThis: shared by every Next bundle in this process). */
const KEY = Symbol.for('sightline.writeQueue');
type Holder = { [KEY]?: GroupCommitQueue };

function queue(): GroupCommitQueue {
  const holder = globalThis as Holder;
  holder[KEY] ??= new GroupCommitQueue(createRowWriter(getSqlite()), serverEnv().SIGHTLINE_WRITE_QUEUE_ITEMS);
  return holder[KEY];
}

/** Stores a request's rows; resolves once they are committed. Rejects with WriteQueueFullError when full. */
export function storeBatch(batch: WriteBatch): Promise<void> {
  return queue().enqueue(batch);
}

/** Commits whatever is pending and closes the database (SIGTERM/SIGINT). Safe to call twice. */
export function flushAndClose(): void {
  const holder = globalThis as Holder;
  holder[KEY]?.flushSync();
  delete holder[KEY];
  closeDb();
}
