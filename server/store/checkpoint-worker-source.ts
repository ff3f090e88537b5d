/**
 * Source of the WAL checkpoint worker (see wal-checkpointer.ts), run with `new Worker(src, { eval: true })`
 * so it survives every bundler (esbuild for server/main.ts, Next's for route handlers) without a file
 * of its own. It opens its own connection to the database file and answers each message with the
 * result of one PASSIVE checkpoint: { busy, log, checkpointed } as SQLite reports them (log = frames in
 * the WAL, checkpointed = frames copied back into the database file), or { error }.
 * It never writes rows, so it takes no write lock and never blocks the main thread's transactions.
 */
export const CHECKPOINT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ busy: result.busy, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;
