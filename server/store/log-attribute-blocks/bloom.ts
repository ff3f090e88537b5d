/**
 * A Bloom filter over 53-bit term hashes (terms.ts), serialized as the bytes of its bit array. Pure.
 *
 * Sizing: ~10 bits per distinct term rounded up to a power of two, with 7 probes, gives about 1% false
 * positives (a block read for nothing); never a false negative. The size is read back from the byte
 * length, so filters of different sizes coexist.
 */
export const BLOOM_PROBES = 7;
const MIN_BITS = 1 << 10;
/** 128 KiB: past ~100k distinct terms per block the filter saturates and simply stops skipping. */
const MAX_BITS = 1 << 20;
const BITS_PER_TERM = 10;

/** murmur3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Probe positions by double hashing (Kirsch–Mitzenmacher): base + i × step (step odd), modulo the bit
 * count. Both are re-mixed with the filter's `salt` (its block number) so that blocks holding the same
 * terms (periodic data is common) do not share their false positives. `bits` is a power of two
 * ≤ 2^20, so `& (bits - 1)` on the int32 sum is exact.
 */
function probes(hash: number, salt: number, bits: number, visit: (position: number) => boolean): boolean {
  const mixedSalt = Math.imul(salt, 0x9e3779b1);
  const base = fmix32((hash % 4294967296) ^ mixedSalt);
  const step = fmix32(Math.floor(hash / 4294967296) ^ mixedSalt ^ 0x5bd1e995) | 1;
  for (let i = 0; i < BLOOM_PROBES; i++) {
    if (!visit((base + Math.imul(i, step)) & (bits - 1))) return false;
  }
  return true;
}

/** A filter holding `hashes` (`distinctCount` of them, which sizes it), salted with `salt`. */
export function buildBloom(hashes: Iterable<number>, distinctCount: number, salt: number): Uint8Array {
  let bits = MIN_BITS;
  while (bits < distinctCount * BITS_PER_TERM && bits < MAX_BITS) bits *= 2;
  const bytes = new Uint8Array(bits / 8);
  const set = (p: number) => { bytes[p >>> 3] |= 1 << (p & 7); return true; };
  for (const h of hashes) probes(h, salt, bits, set);
  return bytes;
}

/** False only when the hash was certainly not added (with the same salt). */
export function bloomMayContain(bytes: Uint8Array, hash: number, salt: number): boolean {
  const bits = bytes.length * 8;
  if (bits < MIN_BITS || (bits & (bits - 1)) !== 0) return true; // not one of ours: assume anything
  return probes(hash, salt, bits, (p) => (bytes[p >>> 3] & (1 << (p & 7))) !== 0);
}
