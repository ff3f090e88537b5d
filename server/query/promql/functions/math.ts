/**
 * Element-wise math functions of instant vectors, with Go's math package results where JS
 * differs: log2/log10 are computed the way Go computes them (frexp-based, exact for powers of
 * two) so values match Prometheus bit for bit.
 */

// Constants as Go evaluates them (exact arithmetic, then rounded once).
const INV_LN2 = 1.4426950408889634;
const LN2_OVER_LN10 = 0.30102999566398120;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the high word

/** Go's math.Frexp: x = frac × 2^exp with |frac| in [0.5, 1). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let exp = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 2 ** 52; // normalise subnormals
    exp = -52;
  }
  f64[0] = x;
  const hi = u32[HI];
  exp += ((hi >>> 20) & 0x7ff) - 1022;
  u32[HI] = (hi & ~(0x7ff << 20)) | (1022 << 20);
  return [f64[0], exp];
}

export function goLog2(x: number): number {
  const [frac, exp] = frexp(x);
  if (frac === 0.5) return exp - 1; // exact for powers of two
  return Math.log(frac) * INV_LN2 + exp;
}

export const goLog10 = (x: number): number => goLog2(x) * LN2_OVER_LN10;

export function sgn(v: number): number {
  if (v < 0) return -1;
  if (v > 0) return 1;
  return v; // 0, -0 and NaN stay as they are
}

/** Functions of one float, keyed by PromQL name. */
export const SIMPLE_MATH: Readonly<Record<string, (v: number) => number>> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: goLog2,
  log10: goLog10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  rad: (v) => (v * Math.PI) / 180,
  deg: (v) => (v * 180) / Math.PI,
  sgn,
};

/** round(v, toNearest): ties round up; the inverse is used as Prometheus does to limit float error. */
export function roundTo(v: number, toNearest: number): number {
  const inv = 1 / toNearest;
  return Math.floor(v * inv + 0.5) / inv;
}

export const clampValue = (v: number, min: number, max: number): number => Math.max(min, Math.min(max, v));
