import { describe, expect, it } from 'vitest';
import { thinExemplars } from '@/lib/explore/thin-exemplars';

const e = (t: number, value: number, group = 'a', id = `${group}@${t}`) => ({ t, value, group, id });

describe('thinExemplars', () => {
  // 600 px over 60 s: 10 px per second, so a 6 px column is 0.6 s.
  const opts = { fromMs: 0, toMs: 60_000, widthPx: 600 };

  it('keeps the highest value per 6 px column and group', () => {
    const items = [e(0, 1), e(100, 5), e(500, 3), e(700, 2), e(100, 0.5, 'b')];
    expect(thinExemplars(items, opts).map((x) => x.id)).toEqual(['a@100', 'b@100', 'a@700']);
  });

  it('keeps the later of equal values, and several per column when asked', () => {
    expect(thinExemplars([e(0, 1), e(300, 1)], opts).map((x) => x.id)).toEqual(['a@300']);
    expect(thinExemplars([e(0, 1), e(100, 3), e(200, 2)], { ...opts, perColumn: 2 }).map((x) => x.id)).toEqual(['a@100', 'a@200']);
  });

  it('drops exemplars outside the range or without a finite value', () => {
    expect(thinExemplars([e(-1, 9), e(60_001, 9), e(10, NaN), e(10, Infinity), e(60_000, 1)], opts).map((x) => x.id)).toEqual(['a@60000']);
  });

  it('caps the total, keeping the highest values, ordered by time', () => {
    const items = Array.from({ length: 100 }, (_, i) => e(i * 600, i % 10));
    const kept = thinExemplars(items, { ...opts, maxTotal: 10 });
    expect(kept).toHaveLength(10);
    expect(kept.every((x) => x.value === 9)).toBe(true);
    expect(kept.map((x) => x.t)).toEqual([...kept.map((x) => x.t)].sort((a, b) => a - b));
  });

  it('bounds the markers by the width whatever the input size', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => e((i * 7919) % 60_000, (i * 104_729) % 1000));
    const kept = thinExemplars(items, opts);
    expect(kept.length).toBeLessThanOrEqual(100);
    // Each column's survivor is that column's maximum.
    for (const k of kept) {
      const column = Math.floor(k.t / 600);
      const max = Math.max(...items.filter((x) => Math.floor(x.t / 600) === column).map((x) => x.value));
      expect(k.value).toBe(max);
    }
  });

  it('returns nothing for an empty plot or range', () => {
    expect(thinExemplars([e(1, 1)], { ...opts, widthPx: 0 })).toEqual([]);
    expect(thinExemplars([e(1, 1)], { ...opts, toMs: 0 })).toEqual([]);
  });
});
