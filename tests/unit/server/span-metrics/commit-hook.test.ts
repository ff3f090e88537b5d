import { describe, it, expect, vi, afterEach } from 'vitest';
import type { WriteBatch } from '@/server/store/rows';
import { group, span } from './helpers';

// The row writer is replaced by one that fails any transaction holding a batch marked "poison",
// so the test sees what listeners hear when a grouped commit fails and is retried batch by batch.
const committed: WriteBatch[][] = [];
vi.mock('@/server/store/connection', () => ({ getSqlite: () => ({}), closeDb: () => {} }));
vi.mock('@/server/store/row-writer', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/store/row-writer')>()),
  createRowWriter: () => (batches: WriteBatch[]) => {
    if (batches.some((b) => b.spans?.[0]?.resource.serviceName === 'poison')) throw new Error('constraint failed');
    committed.push(batches);
  },
}));

const { onSpansCommitted, storeBatch, flushAndClose } = await import('@/server/store/ingest-writer');

describe('onSpansCommitted', () => {
  const unsubscribes: (() => void)[] = [];
  afterEach(() => {
    unsubscribes.splice(0).forEach((u) => u());
    flushAndClose();
    committed.length = 0;
  });

  it('announces spans only after their commit, once per committed batch, never a failed batch', async () => {
    const heard: string[] = [];
    unsubscribes.push(onSpansCommitted((groups) => heard.push(...groups.flatMap((g) => g.rows.map((r) => `${g.resource.serviceName}:${r.name}`)))));

    const ok1 = storeBatch({ spans: [group('a', [span({ name: 'x' })])] });
    const bad = storeBatch({ spans: [group('poison', [span({ name: 'y' })])] });
    const ok2 = storeBatch({ spans: [group('b', [span({ name: 'z' })])] });
    expect(heard).toEqual([]); // enqueued, not committed yet

    await ok1;
    await expect(bad).rejects.toThrow('constraint failed');
    await ok2;
    expect(heard).toEqual(['a:x', 'b:z']);
    expect(committed.flat()).toHaveLength(2);
  });

  it('ignores batches without spans, survives a throwing listener, and stops after unsubscribe', async () => {
    const heard: number[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unsubscribe = onSpansCommitted((groups) => heard.push(groups.length));
    unsubscribes.push(onSpansCommitted(() => { throw new Error('listener bug'); }));

    await storeBatch({ logs: [{ ...group('a', []), rows: [{ timeUnixNano: 1n, observedTimeUnixNano: 1n, severityNumber: 9, severityText: '', bodyJson: '{}', bodyText: '', attributesJson: '[]', droppedAttributesCount: 0, flags: 0, traceId: null, spanId: null, eventName: '' }] }] });
    await storeBatch({ spans: [group('a', [span()]), group('b', [span()])] });
    expect(heard).toEqual([2]);
    expect(committed.flat()).toHaveLength(2); // the listener's error did not make the queue re-store the batch
    expect(errors).toHaveBeenCalledOnce();

    unsubscribe();
    await storeBatch({ spans: [group('a', [span()])] });
    expect(heard).toEqual([2]);
    errors.mockRestore();
  });
});
