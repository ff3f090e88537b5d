import { describe, expect, it } from 'vitest';
import { exemplarTraceHref, shortTraceId } from '@/lib/explore/exemplar-links';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('exemplar links', () => {
  it('opens the waterfall at the span, keeping the range as written', () => {
    expect(exemplarTraceHref(TRACE, '00f067aa0ba902b7', { from: 'now-1h', to: 'now' }))
      .toBe(`/traces/${TRACE}?span=00f067aa0ba902b7&from=now-1h&to=now`);
    expect(exemplarTraceHref(TRACE, null, { from: '1700000000000', to: '1700000900000' }))
      .toBe(`/traces/${TRACE}?from=1700000000000&to=1700000900000`);
    expect(exemplarTraceHref(TRACE, null, { from: '', to: '' })).toBe(`/traces/${TRACE}`);
  });

  it('shortens trace ids', () => {
    expect(shortTraceId(TRACE)).toBe('4bf92f35…');
  });
});
