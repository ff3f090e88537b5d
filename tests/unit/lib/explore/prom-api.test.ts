import { describe, expect, it } from 'vitest';
import {
  PromQueryError, exemplarQueryParams, instantQueryParams, parseExemplarsResponse, parseInstantResponse,
  parseRangeResponse, parseSampleValue, rangeQueryParams,
} from '@/lib/explore/prom-api';

const ok = (data: unknown, extra: object = {}) => JSON.stringify({ status: 'success', data, ...extra });

describe('Prometheus API requests', () => {
  it('sends unix seconds and the step in seconds', () => {
    expect(rangeQueryParams('up', 1_700_000_000_123, 1_700_000_900_000, 5).toString())
      .toBe('query=up&start=1700000000.123&end=1700000900&step=5');
    expect(instantQueryParams('up', 1_700_000_000_000).toString()).toBe('query=up&time=1700000000');
    expect(exemplarQueryParams('a{b="c"}', 0, 1500).get('end')).toBe('1.5');
  });
});

describe('Prometheus API answers', () => {
  it('parses sample values, including NaN and infinities', () => {
    expect(parseSampleValue('1.5')).toBe(1.5);
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue(null)).toBeNaN();
  });

  it('parses a matrix', () => {
    const body = ok({ resultType: 'matrix', result: [
      { metric: { __name__: 'up', job: 'a' }, values: [[1700000000, '1'], [1700000015.5, 'NaN'], ['bad'], [1700000030, '+Inf']] },
      { metric: {}, histograms: [[1700000000, { count: '1' }]] },
    ] }, { warnings: ['careful'] });
    const r = parseRangeResponse(200, body);
    expect(r.data).toHaveLength(1);
    expect(r.data[0].labels).toEqual({ __name__: 'up', job: 'a' });
    expect(r.data[0].points.map((p) => p.t)).toEqual([1_700_000_000_000, 1_700_000_015_500, 1_700_000_030_000]);
    expect(r.data[0].points[1].v).toBeNaN();
    expect(r.warnings).toEqual(['careful']);
    expect(r.skippedHistograms).toBe(1);
  });

  it('turns an error answer into PromQueryError with its errorType and message', () => {
    const body = JSON.stringify({ status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' });
    try {
      parseRangeResponse(400, body);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PromQueryError);
      expect((e as PromQueryError).errorType).toBe('bad_data');
      expect((e as PromQueryError).message).toBe('1:5: parse error: unexpected "}"');
      expect((e as PromQueryError).httpStatus).toBe(400);
    }
  });

  it('reports a non-JSON answer as an HTTP error', () => {
    expect(() => parseRangeResponse(502, '<html>Bad gateway</html>')).toThrow(/HTTP 502: <html>Bad gateway/);
    expect(() => parseRangeResponse(200, ok({ resultType: 'vector', result: [] }))).toThrow(/Expected a matrix/);
  });

  it('parses instant vectors, scalars and strings', () => {
    const v = parseInstantResponse(200, ok({ resultType: 'vector', result: [{ metric: { job: 'a' }, value: [1700000000, '3.25'] }] }));
    expect(v.data).toEqual({ kind: 'vector', series: [{ labels: { job: 'a' }, t: 1_700_000_000_000, v: 3.25, raw: '3.25' }] });
    expect(parseInstantResponse(200, ok({ resultType: 'scalar', result: [1700000000, '2'] })).data)
      .toEqual({ kind: 'scalar', t: 1_700_000_000_000, value: '2' });
    expect(parseInstantResponse(200, ok({ resultType: 'string', result: [1700000000, 'hi'] })).data)
      .toEqual({ kind: 'string', t: 1_700_000_000_000, value: 'hi' });
    const m = parseInstantResponse(200, ok({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], [2, '2']] }] }));
    expect(m.data.kind).toBe('matrix');
  });

  it('parses exemplars', () => {
    const body = ok([{ seriesLabels: { __name__: 'x_bucket', le: '0.5' }, exemplars: [
      { labels: { trace_id: 'ab'.repeat(16) }, value: '0.42', timestamp: 1700000000.479 },
      { labels: {}, value: '1', timestamp: 'x' },
    ] }]);
    expect(parseExemplarsResponse(200, body).data).toEqual([
      { seriesLabels: { __name__: 'x_bucket', le: '0.5' }, exemplars: [{ labels: { trace_id: 'ab'.repeat(16) }, value: 0.42, t: 1_700_000_000_479 }] },
    ]);
  });
});
