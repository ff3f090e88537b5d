import { describe, expect, it } from 'vitest';
import { MAX_TIME_MS, MIN_TIME_MS, parseDurationString, parsePromDuration, parsePromTime } from '@/lib/prom-time';

describe('parsePromTime', () => {
  it.each([
    ['1435781430.781', 1435781430781],
    ['1435781430', 1435781430000],
    ['1435781430.7815', 1435781430782], // rounded to the millisecond
    ['0.0005', 1],
    ['-1.5', -1500],
    ['1e9', 1e12],
    ['2015-07-01T20:10:51.781Z', 1435781451781],
    ['2015-07-01T20:10:51Z', 1435781451000],
    ['2015-07-01T22:10:51.781+02:00', 1435781451781],
    ['2015-07-01T18:40:51.781-01:30', 1435781451781],
    ['2015-07-01T20:10:51.781999999Z', 1435781451781], // truncated
    ['2015-07-01T20:10:51.7Z', 1435781451700],
    ['2016-02-29T00:00:00Z', Date.UTC(2016, 1, 29)],
    ['0050-01-01T00:00:00Z', -60589296000000],
  ])('%s → %d', (text, ms) => {
    expect(parsePromTime(text)).toBe(ms);
  });

  it("accepts Prometheus's printed min and max times", () => {
    expect(parsePromTime('-292273086-05-16T16:47:06Z')).toBe(MIN_TIME_MS);
    expect(parsePromTime('292277025-08-18T07:12:54.999999999Z')).toBe(MAX_TIME_MS);
  });

  it.each(['', 'abc', 'now', '2015-02-29T00:00:00Z', '2015-07-01 20:10:51Z', '2015-07-01T20:10:51', '2015-13-01T00:00:00Z',
    '2015-07-01T24:00:00Z', '2015-07-01t20:10:51z', 'Inf', 'NaN', '0x10', '1_000'])('rejects %j', (text) => {
    expect(() => parsePromTime(text)).toThrow(`cannot parse ${JSON.stringify(text)} to a valid timestamp`);
  });
});

describe('parsePromDuration', () => {
  it.each([
    ['15s', 15_000],
    ['1h30m', 5_400_000],
    ['100ms', 100],
    ['1y2w3d', (365 + 14 + 3) * 86_400_000],
    ['0', 0],
    ['15', 15_000],
    ['1.5', 1500],
    ['0.001', 1],
    ['0.0000005', 0.0005],
    ['-5', -5000],
    ['1e3', 1_000_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parsePromDuration(text)).toBe(ms);
  });

  it.each(['', '1.5h', '30s1m', '5m30', '-5m', 'abc', '1d1d'])('rejects %j', (text) => {
    expect(() => parsePromDuration(text)).toThrow(`cannot parse ${JSON.stringify(text)} to a valid duration`);
  });

  it('rejects float seconds that overflow int64 nanoseconds', () => {
    expect(() => parsePromDuration('1e10')).toThrow(/overflows int64/);
  });

  it('parses the duration syntax alone', () => {
    expect(parseDurationString('5m')).toBe(300_000);
    expect(parseDurationString('5')).toBeNull();
  });
});
