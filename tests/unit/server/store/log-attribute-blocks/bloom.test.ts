import { describe, expect, it } from 'vitest';
import { bloomMayContain, buildBloom } from '@/server/store/log-attribute-blocks/bloom';
import { termHash } from '@/server/store/log-attribute-blocks/terms';

const hashes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => termHash(`${prefix}${i}`, 'v'));

describe('Bloom filter of term hashes', () => {
  it('never forgets a hash it holds, at any size', () => {
    for (const n of [0, 1, 100, 1500, 50_000]) {
      const held = hashes('held-', n);
      const bloom = buildBloom(held, n, 7);
      expect(held.every((h) => bloomMayContain(bloom, h, 7))).toBe(true);
    }
  });

  it('sizes itself to ~10 bits per term, power of two, and answers absent terms ~1% wrong', () => {
    const bloom = buildBloom(hashes('held-', 1500), 1500, 3);
    expect(bloom.length * 8).toBe(16384);
    const absent = hashes('absent-', 20_000);
    const falsePositives = absent.filter((h) => bloomMayContain(bloom, h, 3)).length / absent.length;
    expect(falsePositives).toBeLessThan(0.01);
  });

  it('salts probes per block, so blocks with the same terms do not share false positives', () => {
    const held = hashes('held-', 1500);
    const absent = hashes('absent-', 20_000);
    const inBlock = (salt: number) => { const b = buildBloom(held, held.length, salt); return absent.filter((h) => bloomMayContain(b, h, salt)); };
    const a = new Set(inBlock(1));
    const both = inBlock(2).filter((h) => a.has(h)).length;
    expect(a.size).toBeGreaterThan(5);
    expect(both).toBeLessThan(a.size / 4);
  });

  it('treats bytes it did not write (bad length) as holding anything', () => {
    expect(bloomMayContain(new Uint8Array(3), termHash('x'), 0)).toBe(true);
    expect(bloomMayContain(new Uint8Array(0), termHash('x'), 0)).toBe(true);
  });
});
