import { describe, expect, it } from 'vitest';
import { logsHref, traceHref } from '@/lib/trace-links';

describe('trace links', () => {
  it('pads the logs window around a trace, more after than before', () => {
    const url = new URL(logsHref('ab'.repeat(16), 1_000_000, 1_000_500), 'http://x');
    expect(url.pathname).toBe('/logs');
    expect(url.searchParams.get('traceId')).toBe('ab'.repeat(16));
    expect(url.searchParams.has('spanId')).toBe(false);
    expect(Number(url.searchParams.get('from'))).toBe(940_000);
    expect(Number(url.searchParams.get('to'))).toBe(1_300_500);
  });

  it('adds the span id for a span', () => {
    expect(new URL(logsHref('a'.repeat(32), 0, 1, 'b'.repeat(16)), 'http://x').searchParams.get('spanId')).toBe('b'.repeat(16));
  });

  it('links a trace with a selected span and range', () => {
    expect(traceHref('c'.repeat(32))).toBe(`/traces/${'c'.repeat(32)}`);
    expect(traceHref('c'.repeat(32), { spanId: 'd'.repeat(16), fromMs: 1.5, toMs: 9.2 })).toBe(`/traces/${'c'.repeat(32)}?span=${'d'.repeat(16)}&from=1&to=10`);
  });
});
