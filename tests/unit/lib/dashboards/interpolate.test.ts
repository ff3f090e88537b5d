import { describe, expect, it } from 'vitest';
import { ALL_VALUE, applyLegend, interpolatePlain, interpolatePromQL } from '@/lib/dashboards/interpolate';

const one = (v: string) => ({ values: [v], regex: false });

describe('interpolatePromQL', () => {
  it('substitutes $name and ${name}, leaving unknown names alone', () => {
    const vars = { service: one('payment') };
    expect(interpolatePromQL('rate(x{service="$service"}[1m])', vars)).toBe('rate(x{service="payment"}[1m])');
    expect(interpolatePromQL('x{a="${service}_v"}', vars)).toBe('x{a="payment_v"}');
    expect(interpolatePromQL('x{a="$other"}', vars)).toBe('x{a="$other"}');
  });

  it('does not let a longer name be cut by a shorter one', () => {
    const vars = { s: one('A'), service: one('B') };
    expect(interpolatePromQL('$s $service ${s}ervice', vars)).toBe('A B Aervice');
  });

  it('turns multi values into an escaped regex alternation', () => {
    const vars = { service: { values: ['payment', 'cart.v2'], regex: true } };
    expect(interpolatePromQL('x{service=~"$service"}', vars)).toBe('x{service=~"payment|cart\\\\.v2"}');
  });

  it('turns All into .*', () => {
    expect(interpolatePromQL('x{s=~"$s"}', { s: { values: [ALL_VALUE], regex: true } })).toBe('x{s=~".*"}');
  });

  it('escapes quotes and backslashes for the string literal', () => {
    expect(interpolatePromQL('x{a="$v"}', { v: one('say "hi" \\o/') })).toBe('x{a="say \\"hi\\" \\\\o/"}');
  });

  it('knows $__range and $__interval', () => {
    expect(interpolatePromQL('rate(x[$__range]) [$__interval]', {}, { rangeSeconds: 3600, intervalSeconds: 15 })).toBe('rate(x[3600s]) [15s]');
    expect(interpolatePromQL('rate(x[$__range])', {})).toBe('rate(x[$__range])');
  });
});

describe('interpolatePlain', () => {
  it('takes the first value, and All means no filter', () => {
    expect(interpolatePlain('$service', { service: { values: ['a', 'b'], regex: true } })).toBe('a');
    expect(interpolatePlain('$service', { service: { values: [ALL_VALUE], regex: true } })).toBe('');
  });
});

describe('applyLegend', () => {
  it('fills {{label}} from the series labels', () => {
    expect(applyLegend('{{span_name}} ({{ missing }})', { span_name: 'GET /' })).toBe('GET / ()');
    expect(applyLegend(undefined, {})).toBeNull();
  });
});
