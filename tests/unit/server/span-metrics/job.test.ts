import { describe, it, expect, vi, afterEach, beforeEach } from 'vitest';
import type { HistogramPoint, NumberPoint, ScopedRows, SpanRow, WriteBatch } from '@/server/store/rows';
import { group, span } from './helpers';

// The store is replaced: the test plays the commit listener and records what the job stores.
const listeners = new Set<(spans: readonly ScopedRows<SpanRow>[]) => void>();
const stored: WriteBatch[] = [];
vi.mock('@/server/store/ingest-writer', () => ({
  onSpansCommitted: (l: (spans: readonly ScopedRows<SpanRow>[]) => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  storeBatch: (b: WriteBatch) => {
    stored.push(b);
    return Promise.resolve();
  },
}));

const commit = (groups: ScopedRows<SpanRow>[]) => listeners.forEach((l) => l(groups));

async function freshJob(intervalMs: string) {
  vi.resetModules();
  process.env.SIGHTLINE_SPAN_METRICS_INTERVAL_MS = intervalMs;
  return import('@/server/jobs/span-metrics-job');
}

describe('span metrics job', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
  });
  afterEach(async () => {
    (await import('@/server/jobs/span-metrics-job')).stopSpanMetricsJob();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sightline.spanMetricsJob')];
    delete process.env.SIGHTLINE_SPAN_METRICS_INTERVAL_MS;
    listeners.clear();
    stored.length = 0;
    vi.useRealTimers();
  });

  it('stores a cumulative snapshot every interval, once started (idempotently), and a last one on stop', async () => {
    const job = await freshJob('1000');
    job.startSpanMetricsJob();
    job.startSpanMetricsJob();
    expect(listeners.size).toBe(1);

    commit([group('shop', [span({ name: 'GET /' }), span({ name: 'GET /' })]), group(job.SELF_SERVICE_NAME, [span()])]);
    vi.advanceTimersByTime(1000);
    expect(stored).toHaveLength(1);
    const [g] = stored[0].metrics!;
    expect(g.resource.serviceName).toBe('shop');
    expect((g.rows[0].point as NumberPoint).value).toBe(2n);
    expect((g.rows[1].point as HistogramPoint).exemplars).toHaveLength(1);
    const startNs = BigInt(Date.parse('2030-01-01T00:00:00Z')) * 1_000_000n;
    expect(g.rows[0].point.startTimeUnixNano).toBe(startNs);
    expect(g.rows[0].point.timeUnixNano).toBe(startNs + 1_000_000_000n);

    commit([group('shop', [span({ name: 'GET /' })])]);
    vi.advanceTimersByTime(1000);
    expect((stored[1].metrics![0].rows[0].point as NumberPoint).value).toBe(3n);

    job.stopSpanMetricsJob(); // same millisecond as the last flush: the time still moves forward
    expect(stored).toHaveLength(3);
    expect(stored[2].metrics![0].rows[0].point.timeUnixNano).toBe(stored[1].metrics![0].rows[0].point.timeUnixNano + 1n);
    expect(listeners.size).toBe(0);
    job.stopSpanMetricsJob();
    vi.advanceTimersByTime(5000);
    expect(stored).toHaveLength(3);
  });

  it('stores nothing while no span has been seen, and does not run at all with interval 0', async () => {
    let job = await freshJob('1000');
    job.startSpanMetricsJob();
    vi.advanceTimersByTime(3000);
    expect(stored).toEqual([]);
    job.stopSpanMetricsJob();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sightline.spanMetricsJob')];

    job = await freshJob('0');
    job.startSpanMetricsJob();
    expect(listeners.size).toBe(0);
  });
});
