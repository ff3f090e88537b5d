import { describe, expect, it } from 'vitest';
import { parseAnnotationInput } from '@/lib/annotations/annotation-input';
import { isNewServiceVersion, serviceVersionOf } from '@/lib/annotations/service-version';

describe('parseAnnotationInput', () => {
  it('accepts epoch ms, digit strings and RFC 3339, with defaults', () => {
    expect(parseAnnotationInput({ time: 1_700_000_000_000, text: 'deploy' })).toEqual({
      ok: true, value: { timeMs: 1_700_000_000_000, timeEndMs: null, text: 'deploy', tags: [], serviceName: '' },
    });
    const r = parseAnnotationInput({ time: '2026-01-02T03:04:05.5Z', timeEnd: '1767323046000', text: ' x ', tags: ['deploy'], service: 'payment' });
    expect(r).toEqual({ ok: true, value: { timeMs: Date.UTC(2026, 0, 2, 3, 4, 5, 500), timeEndMs: 1767323046000, text: 'x', tags: ['deploy'], serviceName: 'payment' } });
  });

  it('names each bad field', () => {
    const r = parseAnnotationInput({ time: 'yesterday', text: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('time: "yesterday" is not a time');
      expect(r.message).toContain('text: text must not be empty');
    }
  });

  it('refuses seconds-or-nanoseconds mistakes, ends before starts and unknown fields', () => {
    expect(parseAnnotationInput({ time: 1_700_000_000_000_000_000, text: 'x' }).ok).toBe(false);
    const r = parseAnnotationInput({ time: 2000, timeEnd: 1000, text: 'x' });
    expect(r.ok ? null : r.message).toBe('timeEnd: timeEnd must not be before time');
    expect(parseAnnotationInput({ time: 1, text: 'x', colour: 'red' }).ok).toBe(false);
    expect(parseAnnotationInput(null).ok).toBe(false);
  });
});

describe('service version detection', () => {
  const attrs = (v?: string) => JSON.stringify([{ key: 'service.name', value: { stringValue: 'p' } }, ...(v ? [{ key: 'service.version', value: { stringValue: v } }] : [])]);

  it('reads service.version from OTLP/JSON attributes', () => {
    expect(serviceVersionOf(attrs('1.2.3'))).toBe('1.2.3');
    expect(serviceVersionOf(attrs())).toBeNull();
    expect(serviceVersionOf('not json "service.version"')).toBeNull();
  });

  it('flags only a version never seen while another was', () => {
    expect(isNewServiceVersion(['1.0'], '1.1')).toBe(true);
    expect(isNewServiceVersion([], '1.0')).toBe(false);
    expect(isNewServiceVersion(['1.0', '1.1'], '1.0')).toBe(false);
    expect(isNewServiceVersion(['1.0'], null)).toBe(false);
  });
});
