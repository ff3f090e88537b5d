import { describe, expect, it } from 'vitest';
import { minDurationText, serviceForSeries, tracesAroundHref } from '@/lib/explore/traces-around';

const Q = 'histogram_quantile(0.99, sum by (le) (rate(traces_spanmetrics_latency_bucket{service="payment"}[1m])))';

describe('traces around a chart point', () => {
  it('finds the service in the labels, else in the query', () => {
    expect(serviceForSeries({ service: 'cart', job: 'shop/x' }, Q)).toBe('cart');
    expect(serviceForSeries({ job: 'shop/checkout' }, 'up')).toBe('checkout');
    expect(serviceForSeries({}, Q)).toBe('payment');
    expect(serviceForSeries({}, 'up{service=~"a|b"}')).toBeNull();
    expect(serviceForSeries({}, 'a{service="x"} / b{service="y"}')).toBeNull();
  });

  it('writes 80% of a latency as a duration', () => {
    expect(minDurationText(1.1875, 'seconds')).toBe('950ms');
    expect(minDurationText(2, 'seconds')).toBe('1600ms');
    expect(minDurationText(0.0004, 'seconds')).toBe('320us');
    expect(minDurationText(250, 'milliseconds')).toBe('200ms');
    expect(minDurationText(0, 'seconds')).toBeNull();
    expect(minDurationText(NaN, 'seconds')).toBeNull();
  });

  it('links to the trace search over the step before the point, slower than 80% of a latency', () => {
    const url = new URL(tracesAroundHref({ labels: {}, expr: Q, t: 1_700_000_015_000, stepMs: 15_000, value: 1.1875, unit: 'seconds' }), 'http://x');
    expect(url.pathname).toBe('/traces');
    expect(Object.fromEntries(url.searchParams)).toEqual({ service: 'payment', from: '1700000000000', to: '1700000015000', minDuration: '950ms' });
  });

  it('leaves the duration out for non-latency series and adds the operation of span metrics', () => {
    const url = new URL(tracesAroundHref({ labels: { service: 'cart', span_name: 'GET /cart' }, expr: 'rate(x_total[1m])', t: 60_000, stepMs: 30_000, value: 12, unit: 'none' }), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ service: 'cart', operation: 'GET /cart', from: '30000', to: '60000' });
    expect(tracesAroundHref({ labels: {}, expr: 'up', t: 5000, stepMs: 1000, value: 1, unit: 'none' })).toBe('/traces?from=4000&to=5000');
  });
});
