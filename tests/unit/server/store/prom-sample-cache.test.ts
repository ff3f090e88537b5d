import { describe, expect, it } from 'vitest';
import { PromSampleCache, SETTLE_MS, type SampleColumns } from '@/server/store/prom-sample-cache';

const NOW = 10_000_000;
const OLD = NOW - SETTLE_MS; // everything at or before this is settled

/** A fake store: one sample per second at t (ms) with value t / 1000, logging each range read. */
function store() {
  const reads: [number, number][] = [];
  const extra = new Map<number, number>();
  const load = (from: number, to: number): SampleColumns => {
    reads.push([from, to]);
    const ts: number[] = [];
    for (let t = Math.ceil(from / 1000) * 1000; t <= to; t += 1000) ts.push(t);
    for (const t of extra.keys()) if (t >= from && t <= to && !ts.includes(t)) ts.push(t);
    ts.sort((a, b) => a - b);
    return { ts, vs: ts.map((t) => extra.get(t) ?? t / 1000), stale: [] };
  };
  return { reads, extra, load };
}

describe('PromSampleCache', () => {
  it('reads a settled range once, then serves it from memory', () => {
    const cache = new PromSampleCache(1_000_000);
    const s = store();
    const a = cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    const b = cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    expect(b).toEqual(a);
    expect(a.ts).toHaveLength(61);
    expect(s.reads).toEqual([[OLD - 60_000, OLD]]);
  });

  it('always reads the unsettled tail fresh, and extends the cached range as time passes', () => {
    const cache = new PromSampleCache(1_000_000);
    const s = store();
    const r = cache.read(1, OLD - 10_000, NOW, NOW, s.load);
    expect(r.ts.at(-1)).toBe(NOW);
    expect(s.reads).toEqual([[OLD - 10_000, OLD], [OLD + 1, NOW]]);
    s.reads.length = 0;
    const later = NOW + 30_000;
    const r2 = cache.read(1, OLD - 10_000, later, later, s.load);
    expect(s.reads).toEqual([[OLD + 1, OLD + 30_000], [OLD + 30_001, later]]);
    expect(r2.ts).toEqual(Array.from({ length: (later - (OLD - 10_000)) / 1000 + 1 }, (_, i) => OLD - 10_000 + i * 1000));
  });

  it('a window starting later is sliced from the entry; one starting earlier reloads', () => {
    const cache = new PromSampleCache(1_000_000);
    const s = store();
    cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    expect(cache.read(1, OLD - 30_000, OLD - 20_000, NOW, s.load).ts).toHaveLength(11);
    expect(s.reads).toHaveLength(1);
    cache.read(1, OLD - 90_000, OLD, NOW, s.load);
    expect(s.reads.at(-1)).toEqual([OLD - 90_000, OLD]);
  });

  it('a write inside a cached range drops the entry; a later one does not', () => {
    const cache = new PromSampleCache(1_000_000);
    const s = store();
    cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    cache.noteWrite(1, BigInt(OLD + 1000) * 1_000_000n);
    cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    expect(s.reads).toHaveLength(1);
    s.extra.set(OLD - 30_500, 99);
    cache.noteWrite(1, BigInt(OLD - 30_500) * 1_000_000n + 123n);
    const r = cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    expect(s.reads).toHaveLength(2);
    expect(r.vs[r.ts.indexOf(OLD - 30_500)]).toBe(99);
  });

  it('evicts the least recently used series beyond its budget', () => {
    const cache = new PromSampleCache(150);
    const s = store();
    cache.read(1, OLD - 60_000, OLD, NOW, s.load); // 61 samples
    cache.read(2, OLD - 60_000, OLD, NOW, s.load); // 122
    cache.read(1, OLD - 60_000, OLD, NOW, s.load); // touch 1
    cache.read(3, OLD - 60_000, OLD, NOW, s.load); // 183 > 150: evicts 2
    expect(cache.heldSamples).toBe(122);
    s.reads.length = 0;
    cache.read(1, OLD - 60_000, OLD, NOW, s.load);
    cache.read(2, OLD - 60_000, OLD, NOW, s.load);
    expect(s.reads).toEqual([[OLD - 60_000, OLD]]);
  });

  it('hands out arrays the caller may not corrupt the cache through', () => {
    const cache = new PromSampleCache(1_000_000);
    const s = store();
    const a = cache.read(1, OLD - 5_000, OLD, NOW, s.load);
    a.vs[0] = -1;
    expect(cache.read(1, OLD - 5_000, OLD, NOW, s.load).vs[0]).not.toBe(-1);
  });
});
