import { describe, expect, it } from 'vitest';
import { hrefWithTimeRange, readTimeRange, searchWithTimeRange } from '@/lib/time-range-url';

describe('readTimeRange', () => {
  it('defaults missing or empty ends to the last hour', () => {
    expect(readTimeRange(new URLSearchParams(''))).toEqual({ from: 'now-1h', to: 'now' });
    expect(readTimeRange(new URLSearchParams('from=&to=now-5m'))).toEqual({ from: 'now-1h', to: 'now-5m' });
  });

  it('reads both ends', () => {
    expect(readTimeRange(new URLSearchParams('from=now-6h&to=now'))).toEqual({ from: 'now-6h', to: 'now' });
  });
});

describe('hrefWithTimeRange', () => {
  it('carries from/to and nothing else', () => {
    const current = new URLSearchParams('from=now-6h&to=now&service=api');
    expect(hrefWithTimeRange('/traces', current)).toBe('/traces?from=now-6h&to=now');
    expect(hrefWithTimeRange('/logs?q=x', current)).toBe('/logs?q=x&from=now-6h&to=now');
  });

  it('leaves links clean when the URL has no range', () => {
    expect(hrefWithTimeRange('/explore', new URLSearchParams('service=api'))).toBe('/explore');
  });
});

describe('searchWithTimeRange', () => {
  it('replaces the range and keeps other parameters', () => {
    expect(searchWithTimeRange('service=api&from=now-1h&to=now', { from: 'now-24h', to: 'now' })).toBe(
      'service=api&from=now-24h&to=now',
    );
  });
});
