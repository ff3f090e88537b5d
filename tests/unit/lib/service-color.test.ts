import { describe, expect, it } from 'vitest';
import { SERVICE_COLOR_PALETTE, serviceColor } from '@/lib/service-color';

describe('serviceColor', () => {
  it('is stable for a name across calls', () => {
    expect(serviceColor('checkout')).toBe(serviceColor('checkout'));
  });

  it('is pinned, so colors do not shift between releases', () => {
    expect(serviceColor('frontend')).toMatchInlineSnapshot(`"#ff9830"`);
    expect(serviceColor('checkout')).toMatchInlineSnapshot(`"#b877d9"`);
    expect(serviceColor('')).toMatchInlineSnapshot(`"#b5d334"`);
  });

  it('always returns a palette color', () => {
    for (const name of ['a', 'b', 'unknown_service', 'payment-service', 'ünïcødé', 'x'.repeat(1000)]) {
      expect(SERVICE_COLOR_PALETTE).toContain(serviceColor(name));
    }
  });

  it('spreads names over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, index) => serviceColor(`service-${index}`)));
    expect(used.size).toBe(SERVICE_COLOR_PALETTE.length);
  });
});
