import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommitQueue } from '@/server/store/group-commit-queue';
import { startWalCheckpointer } from '@/server/store/wal-checkpointer';
import type { WriteBatch } from '@/server/store/rows';

const batch = (name: string): WriteBatch => ({
  spans: [{ resource: { serviceName: name, attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' },
    scope: { name: '', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' }, rows: [{} as never] }],
});
const turn = () => new Promise((r) => setImmediate(r));

describe('GroupCommitQueue.hold', () => {
  it('defers commits (not enqueues) until the hold settles, then commits what accumulated together', async () => {
    const commits: string[][] = [];
    const queue = new GroupCommitQueue((bs) => commits.push(bs.map((b) => b.spans![0].resource.serviceName)), 1000);
    let release!: () => void;
    queue.hold(new Promise<void>((r) => (release = r)));
    const done = [queue.enqueue(batch('a')), queue.enqueue(batch('b'))];
    await turn();
    await turn();
    expect(commits).toEqual([]);
    expect(queue.queuedItems).toBe(2);
    release();
    await Promise.all(done);
    expect(commits).toEqual([['a', 'b']]);
  });

  it('a rejected hold also releases; flushSync ignores holds', async () => {
    const commits: number[] = [];
    const queue = new GroupCommitQueue((bs) => commits.push(bs.length), 1000);
    queue.hold(Promise.reject(new Error('worker gone')));
    await queue.enqueue(batch('a'));
    expect(commits).toEqual([1]);
    queue.hold(new Promise<void>(() => {}));
    void queue.enqueue(batch('b'));
    queue.flushSync();
    expect(commits).toEqual([1, 1]);
  });
});

describe('startWalCheckpointer', () => {
  it('is not used for in-memory databases', () => {
    const db = new Database(':memory:');
    expect(startWalCheckpointer(db, { hold: () => {} })).toBeNull();
    db.close();
  });

  it('takes over checkpoints of a WAL file database and hands them back to SQLite on stop', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ckpt-'));
    const db = new Database(path.join(dir, 'x.db'));
    db.pragma('journal_mode = WAL');
    const checkpointer = startWalCheckpointer(db, { hold: () => {} });
    expect(checkpointer).not.toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
    checkpointer!.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
