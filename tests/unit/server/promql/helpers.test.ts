/**
 * Pure helpers whose Go behaviour is observable: float formatting for count_values, Go regexp
 * template expansion, RE2 → JavaScript regex translation, Go's log2, quantile ordering, rate
 * extrapolation by hand.
 */
import { describe, expect, it } from 'vitest';
import { formatFloatF } from '@/server/query/promql/functions/format';
import { expandTemplate } from '@/server/query/promql/functions/labels';
import { compileAnchoredRegex, compileMatchers } from '@/server/query/promql/matchers';
import { goLog10, goLog2, roundTo } from '@/server/query/promql/functions/math';
import { quantile } from '@/server/query/promql/functions/quantile';
import { extrapolatedRate, instantValue } from '@/server/query/promql/functions/rate';
import { linearRegression } from '@/server/query/promql/functions/regression';
import { dateOf } from '@/server/query/promql/functions/date';
import { parseGoFloat } from '@/server/query/promql/functions/go-float';
import { promqlScript } from './promqltest';

const win = (pairs: [number, number][]) => ({ ts: pairs.map((p) => p[0]), vs: pairs.map((p) => p[1]), lo: 0, hi: pairs.length });

describe('formatFloatF (strconv.FormatFloat(v, "f", -1, 64))', () => {
  it('never uses exponents and keeps the shortest round-trip digits', () => {
    expect(formatFloatF(6)).toBe('6');
    expect(formatFloatF(0.1)).toBe('0.1');
    expect(formatFloatF(1e21)).toBe('1000000000000000000000');
    expect(formatFloatF(1.5e-7)).toBe('0.00000015');
    expect(formatFloatF(-2.5e22)).toBe('-25000000000000000000000');
    expect(formatFloatF(-0)).toBe('-0');
    expect(formatFloatF(Infinity)).toBe('+Inf');
    expect(formatFloatF(-Infinity)).toBe('-Inf');
    expect(formatFloatF(NaN)).toBe('NaN');
  });
});

describe('expandTemplate (Go Regexp.Expand)', () => {
  const m = /^(?<a>x)(y)?(z)$/.exec('xz')!;
  it('handles numbered, braced and named groups, $$ and unmatched groups', () => {
    expect(expandTemplate('$1-${1}-$a-${a}', m)).toBe('x-x-x-x');
    expect(expandTemplate('[$2]', m)).toBe('[]');
    expect(expandTemplate('$$1', m)).toBe('$1');
    expect(expandTemplate('$1x', m)).toBe(''); // the name is "1x", which is no group
    expect(expandTemplate('${1}x', m)).toBe('xx');
    expect(expandTemplate('$-', m)).toBe('$-'); // malformed: literal $
    expect(expandTemplate('${1', m)).toBe('${1');
  });
});

describe('RE2 regexes on JavaScript', () => {
  it('anchors fully and lets . match newlines', () => {
    expect(compileAnchoredRegex('a.c').test('a\nc')).toBe(true);
    expect(compileAnchoredRegex('b').test('abc')).toBe(false);
    expect(compileAnchoredRegex('a|b').test('b')).toBe(true);
  });

  it('translates (?i), (?P<name>), \\Q…\\E and POSIX classes', () => {
    expect(compileAnchoredRegex('(?i)foo').test('FOO')).toBe(true);
    expect(compileAnchoredRegex('(?P<n>\\d+)').exec('42')?.groups?.n).toBe('42');
    expect(compileAnchoredRegex('\\Qa.b\\E').test('axb')).toBe(false);
    expect(compileAnchoredRegex('[[:digit:]]+').test('123')).toBe(true);
  });

  it('matchers treat missing labels as empty', () => {
    const m = compileMatchers([{ name: 'job', type: '!=', value: '' }, { name: 'env', type: '=~', value: 'prod|' }]);
    expect(m({ job: 'a' })).toBe(true);
    expect(m({ job: 'a', env: 'dev' })).toBe(false);
    expect(m({})).toBe(false);
  });
});

describe('math as Go computes it', () => {
  it('log2 is exact for powers of two; log10 = log2 · ln2/ln10', () => {
    expect(goLog2(8)).toBe(3);
    expect(goLog2(0.125)).toBe(-3);
    expect(goLog2(0)).toBe(-Infinity);
    expect(goLog2(-1)).toBeNaN();
    expect(goLog10(1000)).toBeCloseTo(3, 15);
  });

  it('round rounds half up, to a multiple', () => {
    expect(roundTo(2.5, 1)).toBe(3);
    expect(roundTo(-2.5, 1)).toBe(-2);
    expect(roundTo(7, 5)).toBe(5);
    expect(roundTo(0.15, 0.1)).toBeCloseTo(0.2, 12);
  });

  it('quantile sorts NaN first and interpolates', () => {
    expect(quantile(0.5, [3, 1, 2])).toBe(2);
    expect(quantile(0.25, [4, 1, 2, 3])).toBe(1.75);
    expect(quantile(0, [1, NaN])).toBeNaN();
    expect(quantile(1, [1, NaN])).toBe(1);
    expect(quantile(0.5, [])).toBeNaN();
  });

  it('parseGoFloat reads le labels like strconv.ParseFloat', () => {
    expect(parseGoFloat('+Inf')).toBe(Infinity);
    expect(parseGoFloat('inf')).toBe(Infinity);
    expect(parseGoFloat('1e0')).toBe(1);
    expect(parseGoFloat('.2')).toBe(0.2);
    expect(parseGoFloat('0x1p-2')).toBe(0.25);
    expect(parseGoFloat('abc')).toBeUndefined();
    expect(parseGoFloat('')).toBeUndefined();
  });

  it('dates: negative seconds are before 1970, NaN has no date', () => {
    expect(dateOf('year', -1)).toBe(1969);
    expect(dateOf('day_of_week', -86400)).toBe(3);
    expect(dateOf('year', NaN)).toBeNaN();
    expect(dateOf('days_in_month', Date.UTC(2000, 1, 10) / 1000)).toBe(29);
    expect(dateOf('days_in_month', Date.UTC(1900, 1, 10) / 1000)).toBe(28);
  });
});

describe('rate extrapolation, by hand', () => {
  // Samples every 10s from t=5s; window (0, 60s].
  const w = win([[5000, 10], [15000, 20], [25000, 30], [35000, 40], [45000, 50], [55000, 60]]);

  it('extrapolates to both boundaries when samples are close to them', () => {
    // increase 50 over 50s sampled; 5s to each boundary < 1.1 × 10s → factor 60/50.
    expect(extrapolatedRate(w, 0, 60000, 60000, true, false)).toBeCloseTo(60, 12);
    expect(extrapolatedRate(w, 0, 60000, 60000, true, true)).toBeCloseTo(1, 12);
  });

  it('extrapolates only half an interval when far from a boundary', () => {
    // Window (−30s, 60s]: 35s to the start ≥ 11s → 5s; counter zero point at 50s × 10/50 = 10s > 5s.
    expect(extrapolatedRate(w, -30000, 60000, 90000, true, false)).toBeCloseTo(50 * (50 + 5 + 5) / 50, 12);
  });

  it('stops at the counter zero point', () => {
    const z = win([[5000, 1], [15000, 11], [25000, 21]]);
    // 20 over 20s; 5s to start, but the counter hits 0 at 20 × 1/20 = 1s before the first sample.
    expect(extrapolatedRate(z, 0, 30000, 30000, true, false)).toBeCloseTo(20 * (20 + 1 + 5) / 20, 12);
    // delta() is not a counter: extrapolates the full 5s.
    expect(extrapolatedRate(z, 0, 30000, 30000, false, false)).toBeCloseTo(20 * (20 + 5 + 5) / 20, 12);
  });

  it('adds counter resets and needs two samples', () => {
    const r = win([[0, 5], [10000, 8], [20000, 2], [30000, 4]]);
    // raw 4 - 5 = -1, + 8 at the reset = 7; window (0, 30s] with the first sample at 0: no start extrapolation.
    expect(extrapolatedRate(r, 0, 30000, 30000, true, false)).toBeCloseTo(7, 12);
    expect(extrapolatedRate(win([[0, 1]]), -1, 0, 1, true, true)).toBeUndefined();
  });

  it('irate / idelta use the last two samples; irate treats a drop as a reset', () => {
    const r = win([[0, 5], [10000, 8], [20000, 2]]);
    expect(instantValue(r, true)).toBeCloseTo(0.2, 12);
    expect(instantValue(r, false)).toBe(-6);
  });

  it('linear regression of a line', () => {
    const { slope, intercept } = linearRegression(win([[0, 1], [1000, 3], [2000, 5]]), 2000);
    expect(slope).toBeCloseTo(2, 12);
    expect(intercept).toBeCloseTo(5, 12);
  });
});

describe('matching that changes over time (step-by-step path)', () => {
  promqlScript('changing-matches', `
load 10s
  a{x="1", v="old"} 1 2 stale _
  a{x="1", v="new"} _ _ 3 4
  b{x="1"} 10 10 10 10

# Two left series share a signature but never coexist (a staleness marker ends the first):
# one output series, no error.
eval range from 0 to 30s step 10s a + ignoring(v) b
  {x="1"} 11 12 13 14

eval range from 0 to 30s step 10s a and ignoring(v) b
  a{x="1", v="old"} 1 2 stale _
  a{x="1", v="new"} _ _ 3 4

clear

load 10s
  a{x="1", v="1"} 1 2
  a{x="1", v="2"} 5 stale
  b{x="1"} 10 10

# They coexist at 0s only: the error is raised for that step.
eval range from 0 to 10s step 10s a + ignoring(v) b
  expect fail msg: multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)

eval instant at 10s a + ignoring(v) b
  {x="1"} 12
`);
});
