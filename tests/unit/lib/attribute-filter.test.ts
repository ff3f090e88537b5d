import { describe, expect, it } from 'vitest';
import { AttributeFilterError, formatAttributeFilter, parseAttributeFilter } from '@/lib/attribute-filter';

describe('parseAttributeFilter', () => {
  it.each([
    ['http.route=/checkout', { key: 'http.route', op: '=', value: '/checkout' }],
    [' http.response.status_code != 200 ', { key: 'http.response.status_code', op: '!=', value: '200' }],
    ['user.id exists', { key: 'user.id', op: 'exists', value: '' }],
    ['http.response.status_code>499', { key: 'http.response.status_code', op: '>', value: '499' }],
    ['retries < 2.5', { key: 'retries', op: '<', value: '2.5' }],
    ['url.full=http://x/?a=b', { key: 'url.full', op: '=', value: 'http://x/?a=b' }],
    ['k=', { key: 'k', op: '=', value: '' }],
  ])('parses %s', (text, expected) => {
    expect(parseAttributeFilter(text)).toEqual(expected);
  });

  it.each(['', 'justakey', '=value', 'a>b', 'a<', '!=x'])('rejects %j with a message', (text) => {
    expect(() => parseAttributeFilter(text)).toThrow(AttributeFilterError);
  });

  it('round-trips through formatAttributeFilter', () => {
    for (const text of ['a=b', 'a!=b', 'a exists', 'a>3', 'a<-1']) {
      expect(formatAttributeFilter(parseAttributeFilter(text))).toBe(text);
    }
  });
});
