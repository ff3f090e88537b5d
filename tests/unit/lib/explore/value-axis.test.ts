import { describe, expect, it } from 'vitest';
import { valueAxis } from '@/lib/explore/value-axis';
import { legendClick } from '@/lib/explore/series';

describe('value axis', () => {
  it('starts at zero and ends on a nice number', () => {
    expect(valueAxis([0.3, 1.37])).toEqual({ domain: [0, 1.5], ticks: [0, 0.5, 1, 1.5] });
    expect(valueAxis([120, 870])).toEqual({ domain: [0, 1000], ticks: [0, 250, 500, 750, 1000] });
  });

  it('handles negatives, flat data, and no data', () => {
    expect(valueAxis([-3, 7]).domain).toEqual([-5, 7.5]);
    expect(valueAxis([0, 0]).domain).toEqual([0, 1]);
    expect(valueAxis([NaN, Infinity])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(valueAxis([0.1 + 0.2]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('legend clicks', () => {
  const all = ['a', 'b', 'c'];
  it('isolates a series, and shows all again when clicked again', () => {
    const isolated = legendClick(new Set(), 'b', all, false);
    expect([...isolated].sort()).toEqual(['a', 'c']);
    expect(legendClick(isolated, 'b', all, false).size).toBe(0);
    expect([...legendClick(isolated, 'a', all, false)].sort()).toEqual(['b', 'c']);
  });

  it('toggles one series with a modifier', () => {
    expect([...legendClick(new Set(['a']), 'b', all, true)].sort()).toEqual(['a', 'b']);
    expect([...legendClick(new Set(['a']), 'a', all, true)]).toEqual([]);
  });
});
