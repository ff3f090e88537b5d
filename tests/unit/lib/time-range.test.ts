import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_RANGE,
  TimeRangeError,
  isTimeExpression,
  msToUnixNano,
  parseTimeExpression,
  rangeWindowMs,
  resolveTimeExpression,
  resolveTimeRange,
  unixNanoToMs,
} from '@/lib/time-range';

const NOW_MS = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('resolveTimeExpression', () => {
  it.each([
    ['now', 0],
    ['now-30s', -30_000],
    ['now-15m', -15 * 60_000],
    ['now-1h', -3_600_000],
    ['now-24h', -24 * 3_600_000],
    ['now-7d', -7 * 86_400_000],
    ['now-2w', -14 * 86_400_000],
    ['now+5m', 5 * 60_000],
  ])('resolves %s relative to nowMs', (expression, offsetMs) => {
    expect(resolveTimeExpression(expression, NOW_MS)).toBe(NOW_MS + offsetMs);
  });

  it('reads epoch milliseconds as absolute, ignoring nowMs', () => {
    expect(resolveTimeExpression('1763791200000', NOW_MS)).toBe(1_763_791_200_000);
    expect(parseTimeExpression('0')).toEqual({ kind: 'absolute', epochMs: 0 });
  });

  it('tolerates surrounding whitespace', () => {
    expect(resolveTimeExpression(' now-1h ', NOW_MS)).toBe(NOW_MS - 3_600_000);
  });

  it.each(['', 'yesterday', 'now-', 'now-1', 'now-1y', 'now - 1h', 'now-1.5h', '-5', '1e12', 'NOW', '12345678901234567'])(
    'rejects %j with a message naming the accepted forms',
    (expression) => {
      expect(isTimeExpression(expression)).toBe(false);
      expect(() => parseTimeExpression(expression)).toThrow(TimeRangeError);
      expect(() => parseTimeExpression(expression)).toThrow(/now-<n><unit>.*epoch milliseconds/);
    },
  );
});

describe('resolveTimeRange', () => {
  it('defaults to the last hour', () => {
    expect(DEFAULT_TIME_RANGE).toEqual({ from: 'now-1h', to: 'now' });
    const range = resolveTimeRange(DEFAULT_TIME_RANGE, NOW_MS);
    expect(range).toEqual({ fromMs: NOW_MS - 3_600_000, toMs: NOW_MS });
    expect(rangeWindowMs(range)).toBe(3_600_000);
  });

  it('mixes absolute and relative ends', () => {
    const fromMs = NOW_MS - 10_000;
    expect(resolveTimeRange({ from: String(fromMs), to: 'now' }, NOW_MS)).toEqual({ fromMs, toMs: NOW_MS });
  });

  it('names the offending end', () => {
    expect(() => resolveTimeRange({ from: 'bogus', to: 'now' }, NOW_MS)).toThrow(/^Invalid "from": Invalid time "bogus"/);
    expect(() => resolveTimeRange({ from: 'now-1h', to: 'later' }, NOW_MS)).toThrow(/^Invalid "to"/);
  });

  it('rejects empty and inverted ranges', () => {
    expect(() => resolveTimeRange({ from: 'now', to: 'now' }, NOW_MS)).toThrow(/"from" \(now\) must be before "to" \(now\)/);
    expect(() => resolveTimeRange({ from: 'now', to: 'now-1h' }, NOW_MS)).toThrow(TimeRangeError);
  });
});

describe('nanosecond conversion', () => {
  it('converts ms to bigint unix nanos beyond 2^53 exactly', () => {
    expect(msToUnixNano(1_763_791_200_123)).toBe(1_763_791_200_123_000_000n);
    expect(msToUnixNano(0)).toBe(0n);
  });

  it('truncates fractional milliseconds', () => {
    expect(msToUnixNano(1.9)).toBe(1_000_000n);
  });

  it('floors unix nanos to ms', () => {
    expect(unixNanoToMs(1_763_791_200_123_999_999n)).toBe(1_763_791_200_123);
    expect(unixNanoToMs(-1n)).toBe(-1);
  });
});
