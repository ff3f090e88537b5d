import { describe, expect, it } from 'vitest';
import { readTraceSearch, writeTraceSearch } from '@/lib/trace-search-url';

describe('trace search URL state', () => {
  it('reads defaults from an empty URL', () => {
    expect(readTraceSearch(new URLSearchParams(''))).toEqual({
      service: '', operation: '', minDuration: '', maxDuration: '', errorsOnly: false, attributes: [], sort: 'newest', page: 0,
    });
  });

  it('round-trips every filter and keeps the time range', () => {
    const state = {
      service: 'payment', operation: 'POST /charge', minDuration: '250ms', maxDuration: '5s', errorsOnly: true,
      attributes: ['http.route=/pay', 'retry exists'], sort: 'slowest' as const, page: 2,
    };
    const qs = writeTraceSearch('from=now-6h&to=now&service=old', state);
    const params = new URLSearchParams(qs);
    expect(params.get('from')).toBe('now-6h');
    expect(params.getAll('service')).toEqual(['payment']);
    expect(params.get('page')).toBe('3');
    expect(readTraceSearch(params)).toEqual(state);
  });

  it('ignores an unknown sort and a bad page', () => {
    const s = readTraceSearch(new URLSearchParams('sort=random&page=-4'));
    expect(s.sort).toBe('newest');
    expect(s.page).toBe(0);
  });

  it('leaves empty filters out of the URL', () => {
    expect(writeTraceSearch('', { service: ' ', operation: '', minDuration: '', maxDuration: '', errorsOnly: false, attributes: [' '], sort: 'newest', page: 0 })).toBe('');
  });
});
