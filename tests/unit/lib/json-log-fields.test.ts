import { describe, expect, it } from 'vitest';
import { mapLogLevel, parseLogTimestamp, pickField } from '@/lib/json-log-fields';

const T = 1_763_791_200_000n; // 2025-11-22T06:00:00Z in ms

describe('parseLogTimestamp', () => {
  it('reads RFC 3339 text to the nanosecond, with zones', () => {
    expect(parseLogTimestamp('2025-11-22T06:00:00Z')).toBe(T * 1_000_000n);
    expect(parseLogTimestamp('2025-11-22T06:00:00.123456789Z')).toBe(T * 1_000_000n + 123_456_789n);
    expect(parseLogTimestamp('2025-11-22T07:00:00.5+01:00')).toBe(T * 1_000_000n + 500_000_000n);
    expect(parseLogTimestamp('2025-11-22 06:00:00')).toBe(T * 1_000_000n); // no zone: UTC
  });

  it('scales epoch integers by magnitude (s, ms, µs, ns)', () => {
    expect(parseLogTimestamp(1_763_791_200)).toBe(T * 1_000_000n);
    expect(parseLogTimestamp(Number(T))).toBe(T * 1_000_000n); // pino's `time`
    expect(parseLogTimestamp(String(T * 1000n))).toBe(T * 1_000_000n);
    expect(parseLogTimestamp(T * 1_000_000n + 7n)).toBe(T * 1_000_000n + 7n); // bigint from the exact parser
    expect(parseLogTimestamp('1763791200123456789')).toBe(1_763_791_200_123_456_789n);
  });

  it('keeps fractional seconds exact when written as text', () => {
    expect(parseLogTimestamp('1763791200.000001')).toBe(T * 1_000_000n + 1_000n);
    expect(parseLogTimestamp(1763791200.25)).toBe(T * 1_000_000n + 250_000_000n);
  });

  it('returns null for what is not a time', () => {
    for (const v of ['yesterday', '', null, true, {}, -5, 0, '2025-13-45T99:00:00Z']) expect(parseLogTimestamp(v)).toBeNull();
  });
});

describe('mapLogLevel', () => {
  it('maps names case-insensitively and keeps the text as sent', () => {
    expect(mapLogLevel('WARNING')).toEqual({ number: 13, text: 'WARNING' });
    expect(mapLogLevel('error')).toEqual({ number: 17, text: 'error' });
    expect(mapLogLevel('Info')).toEqual({ number: 9, text: 'Info' });
  });

  it('maps pino/bunyan numbers, and other 1–24 as OTLP severity numbers', () => {
    expect(mapLogLevel(50)).toEqual({ number: 17, text: 'ERROR' });
    expect(mapLogLevel(30)).toEqual({ number: 9, text: 'INFO' });
    expect(mapLogLevel(18)).toEqual({ number: 18, text: '' });
  });

  it('leaves unknown levels unspecified', () => {
    expect(mapLogLevel('verbose-ish')).toEqual({ number: 0, text: 'verbose-ish' });
    expect(mapLogLevel(undefined)).toEqual({ number: 0, text: '' });
  });
});

describe('pickField', () => {
  it('takes the first spelling present', () => {
    expect(pickField({ message: 'b', msg: 'a' }, ['msg', 'message'])).toEqual(['msg', 'a']);
    expect(pickField({ other: 1 }, ['msg', 'message'])).toBeNull();
  });
});
