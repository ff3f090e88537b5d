import { describe, expect, it } from 'vitest';
import { severitiesAtLeast } from '@/lib/log-severity';

describe('severitiesAtLeast', () => {
  it('lists the level and every level above it, case-insensitively', () => {
    expect(severitiesAtLeast('error')).toEqual(['error', 'fatal']);
    expect(severitiesAtLeast('WARN')).toEqual(['warn', 'error', 'fatal']);
  });

  it('is empty for an unknown level (no severity filter is better than a wrong one)', () => {
    expect(severitiesAtLeast('loud')).toEqual([]);
  });
});
