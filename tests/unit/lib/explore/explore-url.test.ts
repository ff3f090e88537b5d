import { describe, expect, it } from 'vitest';
import { exploreHref, readExploreUrl, writeExploreUrl } from '@/lib/explore/explore-url';

describe('explore URL state', () => {
  it('reads repeated queries, step and view', () => {
    const params = new URLSearchParams('query=up&query=%20rate(x_total%5B5m%5D)%20&query=&step=30s&view=table&from=now-15m&to=now');
    expect(readExploreUrl(params)).toEqual({ queries: ['up', 'rate(x_total[5m])'], step: '30s', view: 'table' });
  });

  it('defaults to no queries, an automatic step and the graph', () => {
    expect(readExploreUrl(new URLSearchParams('view=bogus'))).toEqual({ queries: [], step: '', view: 'graph' });
  });

  it('writes queries in order, keeps the time range and other parameters, drops empty and implicit values', () => {
    const qs = writeExploreUrl('from=now-1h&to=now&query=old&step=1m&view=table&x=1', {
      queries: ['histogram_quantile(0.99, sum by (le) (rate(a_bucket{service="payment"}[1m])))', ' ', 'up'],
      step: '', view: 'graph',
    });
    const p = new URLSearchParams(qs);
    expect(p.getAll('query')).toEqual(['histogram_quantile(0.99, sum by (le) (rate(a_bucket{service="payment"}[1m])))', 'up']);
    expect(p.get('from')).toBe('now-1h');
    expect(p.get('to')).toBe('now');
    expect(p.get('x')).toBe('1');
    expect(p.has('step')).toBe(false);
    expect(p.has('view')).toBe(false);
  });

  it('round-trips', () => {
    const state = { queries: ['a{b="c&d"}', 'sum(rate(x[1m]))'], step: '15s', view: 'table' as const };
    expect(readExploreUrl(new URLSearchParams(writeExploreUrl('', state)))).toEqual(state);
  });

  it('builds links into Explore', () => {
    expect(exploreHref([])).toBe('/explore');
    expect(exploreHref(['up'], { from: 'now-5m', to: 'now' })).toBe('/explore?query=up&from=now-5m&to=now');
  });
});
