import { describe, expect, it } from 'vitest';
import { EMPTY_LOG_SEARCH, logFilterOf, readLogSearch, writeLogSearch } from '@/lib/log-search-url';
import { histogramBars, histogramBucketMs } from '@/lib/log-histogram';
import { severityLevelOf, severityRange } from '@/lib/log-severity';

describe('log search URL', () => {
  it('round-trips every filter and keeps the time range', () => {
    const state = { ...EMPTY_LOG_SEARCH, q: 'declined', mode: 'substring' as const, service: 'payment', severities: ['error' as const, 'warn' as const],
      attributes: ['duration_ms > 200', 'order.id=o-1'], traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), traceScope: true, live: true };
    const qs = writeLogSearch('from=now-1h&to=now&q=old', state);
    expect(qs).toContain('from=now-1h');
    expect(qs).toContain('severity=error%2Cwarn');
    expect(readLogSearch(new URLSearchParams(qs))).toEqual(state);
  });

  it('ignores unknown severities and reads defaults', () => {
    expect(readLogSearch(new URLSearchParams('severity=error,bogus,ERROR'))).toEqual({ ...EMPTY_LOG_SEARCH, severities: ['error'] });
    expect(writeLogSearch('', EMPTY_LOG_SEARCH)).toBe('');
  });

  it('turns state into API filters: span scope unless the trace scope is chosen', () => {
    const s = { ...EMPTY_LOG_SEARCH, traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8) };
    expect(logFilterOf(s)).toMatchObject({ traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8) });
    expect(logFilterOf({ ...s, traceScope: true }).spanId).toBeUndefined();
    expect(logFilterOf({ ...EMPTY_LOG_SEARCH, mode: 'substring' })).toEqual({});
  });
});

describe('severity levels and histogram buckets', () => {
  it('maps OTLP severity numbers to levels and back', () => {
    expect([0, 1, 4, 5, 9, 13, 17, 20, 21, 24, 25].map(severityLevelOf))
      .toEqual(['unspecified', 'trace', 'trace', 'debug', 'info', 'warn', 'error', 'error', 'fatal', 'fatal', 'unspecified']);
    expect(severityRange('error')).toEqual([17, 20]);
    expect(severityRange('unspecified')).toEqual([0, 0]);
  });

  it('picks round bucket widths and lays out empty buckets', () => {
    expect(histogramBucketMs(3_600_000)).toBe(30_000);
    expect(histogramBucketMs(86_400_000)).toBe(900_000);
    expect(histogramBucketMs(10_000)).toBe(1_000);
    const bars = histogramBars([{ bucketStartMs: 60_000, level: 'error', count: 2 }, { bucketStartMs: 60_000, level: 'info', count: 3 }], 0, 180_000, 60_000);
    expect(bars.map((b) => b.total)).toEqual([0, 5, 0]);
    expect(bars[1]).toMatchObject({ startMs: 60_000, endMs: 120_000, error: 2, info: 3 });
  });
});
