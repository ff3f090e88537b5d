import { describe, expect, it } from 'vitest';
import { buildTraceTree, traceStats } from '@/lib/trace-model';
import { span } from './spans';

describe('traceStats', () => {
  it('sums up a trace with orphans, errors and several services', () => {
    const tree = buildTraceTree([
      span('root', null, 0, 100, { serviceName: 'frontend' }),
      span('db', 'root', 40, 10, { serviceName: 'db', statusCode: 2 }),
      span('api', 'root', 10, 50, { serviceName: 'api' }),
      span('deep', 'api', 20, 5, { serviceName: 'api', statusCode: 2 }),
      span('late', 'gone', 90, 60, { serviceName: 'worker', statusCode: 1 }),
      span('root', null, 0, 500, { serviceName: 'dupe' }),
    ]);
    expect(traceStats(tree)).toEqual({
      totalDurationNs: 150,
      startNs: 0,
      endNs: 150,
      spanCount: 5,
      errorCount: 2,
      services: ['frontend', 'api', 'db', 'worker'],
      maxDepth: 2,
    });
  });

  it('orders services starting together by name and measures from the earliest start', () => {
    const tree = buildTraceTree([span('b', null, 30, 5, { serviceName: 'zeta' }), span('a', null, 30, 20, { serviceName: 'alpha' })]);
    const stats = traceStats(tree);
    expect(stats.services).toEqual(['alpha', 'zeta']);
    expect(stats.totalDurationNs).toBe(20);
  });

  it('is all zeros for an empty trace', () => {
    expect(traceStats(buildTraceTree([]))).toEqual({
      totalDurationNs: 0,
      startNs: 0,
      endNs: 0,
      spanCount: 0,
      errorCount: 0,
      services: [],
      maxDepth: 0,
    });
  });
});
