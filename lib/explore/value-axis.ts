/**
 * Y-axis domain and ticks on "nice" numbers (1, 2, 2.5, 5 × 10^n), including zero for non-negative data
 * so lines are read against a true baseline.
 */
function niceNumber(x: number, round: boolean): number {
  const exponent = Math.floor(Math.log10(x));
  const fraction = x / 10 ** exponent;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * 10 ** exponent;
}

/** Fixes binary drift: 0.30000000000000004 → 0.3, at the precision of `step`. */
function clean(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(20, decimals)));
}

/**
 * Domain and ticks covering `values` (non-finite ignored). The domain starts at 0 unless values go
 * negative; with no values it is [0, 1].
 */
export function valueAxis(values: Iterable<number>, maxTicks = 5): { domain: [number, number]; ticks: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  lo = Math.min(0, lo);
  hi = Math.max(0, hi);
  if (hi === lo) hi = lo + 1;
  const step = niceNumber(niceNumber(hi - lo, false) / Math.max(1, maxTicks - 1), true);
  // The epsilon keeps 0.30000000000000004 / 0.1 from adding a tick.
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) ticks.push(clean(start + i * step, step));
  return { domain: [clean(start, step), clean(end, step)], ticks };
}
