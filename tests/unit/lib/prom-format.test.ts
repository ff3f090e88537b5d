import { describe, expect, it } from 'vitest';
import { formatPromFloat, formatPromTimestamp, formatSamplePair, sortedLabelSet } from '@/lib/prom-format';

describe('formatPromFloat (Go strconv.FormatFloat(v, "f", -1, 64))', () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [-1, '-1'],
    [0.005, '0.005'],
    [123.456, '123.456'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [-2.5e22, '-25000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [-1.25e-7, '-0.000000125'],
    [2 ** 53 + 2, '9007199254740994'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%s → %s', (v, expected) => {
    expect(formatPromFloat(v)).toBe(expected);
  });

  it('writes the extremes without exponents', () => {
    expect(formatPromFloat(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
    expect(formatPromFloat(Number.MAX_VALUE)).toBe(`17976931348623157${'0'.repeat(292)}`);
  });

  it('round-trips', () => {
    for (const v of [Math.PI, 1 / 3, 1e-300 * 7, 6.02214076e23, -123456.789e-12]) expect(Number(formatPromFloat(v))).toBe(v);
  });
});

describe('timestamps and sample pairs', () => {
  it('writes seconds with millisecond precision as a JSON number', () => {
    expect(JSON.stringify(formatPromTimestamp(1435781430781))).toBe('1435781430.781');
    expect(JSON.stringify(formatPromTimestamp(1435781430000))).toBe('1435781430');
    expect(JSON.stringify(formatSamplePair(1435781430781, 1))).toBe('[1435781430.781,"1"]');
    expect(formatSamplePair(0, NaN)).toEqual([0, 'NaN']);
  });
});

describe('sortedLabelSet', () => {
  it('orders keys bytewise with __name__ first, as Prometheus writes label sets', () => {
    expect(Object.keys(sortedLabelSet({ job: 'a', __name__: 'up', Zone: 'z', instance: 'i' }))).toEqual(['Zone', '__name__', 'instance', 'job']);
  });
});
