import { describe, expect, it } from 'vitest';
import { textNeedle } from '@/server/store/attribute-sql';
import type { AttributeFilter } from '@/lib/attribute-filter';

const f = (key: string, op: AttributeFilter['op'], value = ''): AttributeFilter => ({ key, op, value } as AttributeFilter);

describe('textNeedle (the substring prefilter of attribute filters)', () => {
  it('uses a verbatim value for = and != (strings, ints, booleans)', () => {
    expect(textNeedle(f('order.id', '=', 'o-4242'))).toBe('o-4242');
    expect(textNeedle(f('http.status_code', '!=', '500'))).toBe('500');
    expect(textNeedle(f('cache.hit', '=', 'true'))).toBe('true');
  });

  it('falls back to the key when the value may be written differently in JSON', () => {
    expect(textNeedle(f('ratio', '=', '5.0'))).toBe('ratio'); // a double's JSON text can be `5`
    expect(textNeedle(f('ratio', '=', '1e3'))).toBe('ratio');
    expect(textNeedle(f('v', '=', 'NaN'))).toBe('v');
    expect(textNeedle(f('msg', '=', 'say "hi"'))).toBe('msg'); // escaped in JSON
    expect(textNeedle(f('city', '=', 'Zürich'))).toBe('city');
    expect(textNeedle(f('duration_ms', '>', '200'))).toBe('duration_ms');
    expect(textNeedle(f('user.id', 'exists'))).toBe('user.id');
  });

  it('gives up when neither is verbatim', () => {
    expect(textNeedle(f('ключ', '=', 'значение'))).toBeNull();
  });
});
