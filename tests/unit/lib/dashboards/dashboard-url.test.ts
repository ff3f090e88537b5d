import { describe, expect, it } from 'vitest';
import { effectiveValues, readRefresh, readVariableValues, refreshIntervalMs, searchWithVariable } from '@/lib/dashboards/dashboard-url';
import { labelValuesUrl, parseLabelValuesQuery } from '@/lib/dashboards/label-values';
import { gaugeFraction, thresholdColor } from '@/lib/dashboards/thresholds';

describe('dashboard URL state', () => {
  it('reads and writes repeated var- parameters, keeping the others', () => {
    const next = searchWithVariable('from=now-1h&var-service=a', 'service', ['b', 'c']);
    expect(next).toBe('from=now-1h&var-service=b&var-service=c');
    expect(readVariableValues(new URLSearchParams(next), 'service')).toEqual(['b', 'c']);
  });

  it('reads refresh, falling back on unknown values', () => {
    expect(readRefresh(new URLSearchParams('refresh=30s'))).toBe('30s');
    expect(readRefresh(new URLSearchParams('refresh=7s'))).toBe('off');
    expect(refreshIntervalMs('1m')).toBe(60_000);
    expect(refreshIntervalMs('off')).toBe(false);
  });

  it('keeps offered URL values, else defaults to the first option', () => {
    expect(effectiveValues(['payment'], ['cart', 'payment'], false)).toEqual(['payment']);
    expect(effectiveValues(['gone'], ['cart', 'payment'], false)).toEqual(['cart']);
    expect(effectiveValues(['a', 'b'], null, false)).toEqual(['a']);
    expect(effectiveValues(['a', 'b'], ['a', 'b'], true)).toEqual(['a', 'b']);
    expect(effectiveValues([], [], false)).toEqual([]);
  });
});

describe('label_values', () => {
  it('parses both forms and rejects others', () => {
    expect(parseLabelValuesQuery('label_values(traces_spanmetrics_calls_total, service)')).toEqual({ label: 'service', match: 'traces_spanmetrics_calls_total' });
    expect(parseLabelValuesQuery('label_values(up{job="a,b"}, instance)')).toEqual({ label: 'instance', match: 'up{job="a,b"}' });
    expect(parseLabelValuesQuery('label_values(job)')).toEqual({ label: 'job', match: null });
    expect(parseLabelValuesQuery('up')).toBeNull();
    expect(parseLabelValuesQuery('label_values(up, 1x)')).toBeNull();
  });

  it('builds the Prometheus API request', () => {
    expect(labelValuesUrl({ label: 'service', match: 'm' }, 1000, 2000)).toBe('/api/v1/label/service/values?match%5B%5D=m&start=1&end=2');
  });
});

describe('thresholds', () => {
  const steps = [{ value: 0.05, color: 'red' }, { value: 0.01, color: 'orange' }];
  it('takes the color of the highest step reached, in any order', () => {
    expect(thresholdColor(0.001, steps, 'green')).toBe('green');
    expect(thresholdColor(0.02, steps, 'green')).toBe('orange');
    expect(thresholdColor(0.05, steps, 'green')).toBe('red');
    expect(thresholdColor(null, steps, 'green')).toBe('green');
  });
  it('clamps gauge fractions', () => {
    expect(gaugeFraction(5, 0, 10)).toBe(0.5);
    expect(gaugeFraction(50, 0, 10)).toBe(1);
    expect(gaugeFraction(1, 0, 0)).toBe(0);
  });
});
