import { describe, expect, it } from 'vitest';
import { formatValue, guessUnit, metricNamesIn } from '@/lib/explore/units';

describe('unit guessing', () => {
  it('finds the metric names of a query', () => {
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(traces_spanmetrics_latency_bucket{service="payment"}[1m])))'))
      .toEqual(['traces_spanmetrics_latency_bucket']);
    expect(metricNamesIn('sum without (instance) (rate(a_total[5m] offset 1h)) / on(job) group_left b')).toEqual(['a_total', 'b']);
    expect(metricNamesIn('1e3 * up')).toEqual(['up']);
  });

  it('guesses from suffixes and the functions around them', () => {
    expect(guessUnit('histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket[5m])))')).toBe('seconds');
    expect(guessUnit('histogram_quantile(0.99, sum by (le) (rate(traces_spanmetrics_latency_bucket{service="payment"}[1m])))')).toBe('seconds');
    expect(guessUnit('rate(http_server_request_duration_seconds_count[5m])')).toBe('none');
    expect(guessUnit('rate(x_seconds_sum[5m]) / rate(x_seconds_count[5m])')).toBe('seconds');
    expect(guessUnit('process_resident_memory_bytes')).toBe('bytes');
    expect(guessUnit('sum(rate(net_io_bytes_total[1m]))')).toBe('bytesPerSecond');
    expect(guessUnit('cache_hit_ratio')).toBe('ratio');
    expect(guessUnit('cpu_percent{core="0"}')).toBe('percent');
    expect(guessUnit('request_duration_milliseconds')).toBe('milliseconds');
    expect(guessUnit('rate(errors_total[5m]) / rate(requests_total[5m])')).toBe('none');
    expect(guessUnit('process_resident_memory_bytes + process_open_fds')).toBe('none');
    expect(guessUnit('up')).toBe('none');
    expect(guessUnit('1 + 1')).toBe('none');
  });
});

describe('value formatting', () => {
  it('formats durations', () => {
    expect(formatValue(1.234, 'seconds')).toBe('1.23 s');
    expect(formatValue(0.95, 'seconds')).toBe('950 ms');
    expect(formatValue(0.0000123, 'seconds')).toBe('12.3 µs');
    expect(formatValue(150, 'seconds')).toBe('2.5 min');
    expect(formatValue(250, 'milliseconds')).toBe('250 ms');
    expect(formatValue(0, 'seconds')).toBe('0 s');
  });

  it('formats bytes, rates, ratios and plain numbers', () => {
    expect(formatValue(1536, 'bytes')).toBe('1.5 KiB');
    expect(formatValue(5 * 1024 ** 2, 'bytesPerSecond')).toBe('5 MiB/s');
    expect(formatValue(0.123, 'ratio')).toBe('12.3%');
    expect(formatValue(42, 'percent')).toBe('42%');
    expect(formatValue(4200, 'none')).toBe('4.2k');
    expect(formatValue(0.01234, 'none')).toBe('0.0123');
    expect(formatValue(12.3456, 'none')).toBe('12.3');
    expect(formatValue(NaN, 'none')).toBe('NaN');
    expect(formatValue(-Infinity, 'seconds')).toBe('-Inf');
  });
});
