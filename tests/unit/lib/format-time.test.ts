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
