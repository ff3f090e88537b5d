import { describe, expect, it } from 'vitest';
import { parseDurationNs } from '@/lib/duration-input';

describe('parseDurationNs', () => {
  it.each([
    ['250ms', 250_000_000n], ['1.5s', 1_500_000_000n], ['800us', 800_000n], ['800µs', 800_000n],
    ['12ns', 12n], ['2m', 120_000_000_000n], ['1h', 3_600_000_000_000n], ['100', 100_000_000n], [' 3 s ', 3_000_000_000n],
  ])('%s → %s ns', (text, ns) => expect(parseDurationNs(text)).toBe(ns));

  it.each(['', 'fast', '-1s', '1 day', '1e3ms'])('rejects %j', (text) => expect(parseDurationNs(text)).toBeNull());
});
