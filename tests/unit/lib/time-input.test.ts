import { describe, expect, it } from 'vitest';
import { formatTimeForInput, parseTimeInput } from '@/lib/time-input';

describe('parseTimeInput', () => {
  it('keeps Grafana expressions and epoch ms as typed', () => {
    expect(parseTimeInput(' now-6h ')).toEqual({ ok: true, expression: 'now-6h' });
    expect(parseTimeInput('1763791200000')).toEqual({ ok: true, expression: '1763791200000' });
  });

  it('turns local date-times into epoch ms', () => {
    const expected = new Date(2026, 0, 31, 14, 5, 9).getTime();
    expect(parseTimeInput('2026-01-31 14:05:09')).toEqual({ ok: true, expression: String(expected) });
    expect(parseTimeInput('2026-01-31T14:05:09')).toEqual({ ok: true, expression: String(expected) });
    expect(parseTimeInput('2026-01-31 14:05')).toEqual({
      ok: true,
      expression: String(new Date(2026, 0, 31, 14, 5).getTime()),
    });
    expect(parseTimeInput('2026-01-31')).toEqual({ ok: true, expression: String(new Date(2026, 0, 31).getTime()) });
  });

  it.each(['', '   ', 'tomorrow', '2026-02-30 10:00', '2026-13-01', '2026-01-31 25:00'])('rejects %j', (text) => {
    const result = parseTimeInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
  });
});

describe('formatTimeForInput', () => {
  it('shows relative expressions unchanged', () => {
    expect(formatTimeForInput('now-15m')).toBe('now-15m');
  });

  it('shows epoch ms as a local date-time that parses back to the same instant', () => {
    const epochMs = new Date(2026, 10, 22, 4, 30, 15).getTime();
    const shown = formatTimeForInput(String(epochMs));
    expect(shown).toBe('2026-11-22 04:30:15');
    expect(parseTimeInput(shown)).toEqual({ ok: true, expression: String(epochMs) });
  });

  it('passes invalid text through so the user can correct it', () => {
    expect(formatTimeForInput('garbage')).toBe('garbage');
  });
});
