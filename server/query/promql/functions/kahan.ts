/**
 * Prometheus's util/kahansum.Inc: Kahan–Neumaier compensated summation. Used wherever
 * Prometheus uses it (sum, avg, *_over_time, regression) so sums match it to the last bit.
 */
export function kahanInc(inc: number, sum: number, c: number): [number, number] {
  const t = sum + inc;
  if (!Number.isFinite(t) && !Number.isNaN(t)) {
    c = 0;
  } else if (Math.abs(sum) >= Math.abs(inc)) {
    // Neumaier: swap when the next term is larger than the running sum.
    c += (sum - t) + inc;
  } else {
    c += (inc - t) + sum;
  }
  return [t, c];
}
