import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The receiver with the real store and the real group-commit queue, made tiny (300 items).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ndjson-'));
process.env.SIGHTLINE_DB = path.join(dir, 'test.db');
process.env.SIGHTLINE_WRITE_QUEUE_ITEMS = '300';
const { receiveNdjson } = await import('@/server/ingest/ndjson/receive-ndjson');
const { getSqlite, closeDb } = await import('@/server/store/connection');

afterAll(() => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); });

const request = (lines: number, tag: string) => {
  const text = Array.from({ length: lines }, (_, i) => JSON.stringify({ msg: `${tag} ${i}`, level: 'info' })).join('\n');
  async function* chunks() { yield new TextEncoder().encode(text); }
  return { contentType: 'application/x-ndjson', contentEncoding: null, contentLength: NaN, chunks: chunks() };
};
const stored = (tag: string) => Number(getSqlite().prepare('SELECT count(*) FROM log_records WHERE body_text LIKE ?').pluck().get(`${tag} %`));

describe('receiveNdjson', () => {
  it('answers only after the commit: the lines are stored when the promise resolves', async () => {
    const answer = await receiveNdjson(request(50, 'committed'));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ accepted: 50, rejected: 0, errors: [] });
    expect(stored('committed')).toBe(50);
  });

  it('answers 503 with Retry-After when the write queue is full, and stores nothing of the refused request', async () => {
    // Both requests reach the queue in the same event-loop turn: 200 + 200 > 300 items.
    const [a, b] = await Promise.all([receiveNdjson(request(200, 'first')), receiveNdjson(request(200, 'second'))]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(503);
    expect(b.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(b.body).error).toMatch(/queue/i);
    expect([stored('first'), stored('second')]).toEqual([200, 0]);
  });

  it('refuses unsupported content types with a clear message', async () => {
    const answer = await receiveNdjson({ ...request(1, 'x'), contentType: 'application/x-protobuf' });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).error).toMatch(/application\/x-ndjson/);
  });
});
