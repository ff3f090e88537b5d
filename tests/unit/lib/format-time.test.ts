import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatTimeAgo } from '@/lib/format-time';

describe('formatTimeAgo', () => {
  it.each([
    [-5_000, 'just now'],
    [999, 'just now'],
    [1_000, '1 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3_599_999, '59 min ago'],
    [3_600_000, '1 h ago'],
    [86_400_000 * 3 + 5, '3 d ago'],
  ])('formats %i ms as %s', (ageMs, text) => {
    expect(formatTimeAgo(ageMs)).toBe(text);
  });
});

describe('formatLocalDateTime', () => {
  it('pads every field', () => {
    expect(formatLocalDateTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05');
  });
});

describe('log timestamps', () => {
  it('keeps all nine fraction digits exactly', async () => {
    const { formatUnixNanoIso, formatLocalDateTimeMs } = await import('@/lib/format-time');
    expect(formatUnixNanoIso(1_763_791_200_123_456_789n)).toBe('2025-11-22T06:00:00.123456789Z');
    expect(formatUnixNanoIso(1_763_791_200_000_000_001n)).toBe('2025-11-22T06:00:00.000000001Z');
    expect(formatLocalDateTimeMs(1_763_791_200_123_456_789n)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00\.123$/);
  });
});
