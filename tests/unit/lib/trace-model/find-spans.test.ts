import { describe, expect, it } from 'vitest';
import { buildTraceTree, findSpans, nextMatchIndex, previousMatchIndex, visibleRows } from '@/lib/trace-model';
import { span } from './spans';

const tree = buildTraceTree([
  span('00000000000000aa', null, 0, 100, { name: 'GET /checkout', serviceName: 'frontend' }),
  span('00000000000000bb', '00000000000000aa', 10, 20, { name: 'SELECT orders', serviceName: 'postgres' }),
  span('00000000000000cc', '00000000000000aa', 40, 20, { name: 'charge', serviceName: 'Payment' }),
  span('00000000000000dd', '00000000000000cc', 45, 5, { name: 'POST /charge', serviceName: 'payment' }),
  span('00000000000000ee', '00000000000000ff', 50, 5, { name: 'orphan', serviceName: 'worker' }),
]);

const attributes = new Map([['00000000000000bb', 'db.system=postgresql db.statement=SELECT * FROM orders']]);

describe('findSpans', () => {
  it('matches name, service and span id case-insensitively, in display order', () => {
    expect(findSpans(tree, 'CHARGE')).toEqual(['00000000000000cc', '00000000000000dd']);
    expect(findSpans(tree, ' payment ')).toEqual(['00000000000000cc', '00000000000000dd']);
    expect(findSpans(tree, '0DD')).toEqual(['00000000000000dd']);
    expect(findSpans(tree, 'nothing-like-this')).toEqual([]);
  });

  it('does not match placeholders and matches nothing for an empty query', () => {
    expect(findSpans(tree, '00ff')).toEqual([]);
    expect(findSpans(tree, '   ')).toEqual([]);
  });

  it('searches attribute text from the caller', () => {
    const attributeText = (s: { spanId: string }) => attributes.get(s.spanId);
    expect(findSpans(tree, 'postgresql')).toEqual([]);
    expect(findSpans(tree, 'POSTGRESQL', { attributeText })).toEqual(['00000000000000bb']);
  });

  it('searches only the given rows, or the whole tree', () => {
    const rows = visibleRows(tree, new Set(['00000000000000cc']));
    expect(findSpans(rows, 'charge')).toEqual(['00000000000000cc']);
    expect(findSpans(tree, 'charge')).toHaveLength(2);
  });
});

describe('step-through', () => {
  it('wraps forwards and backwards', () => {
    expect(nextMatchIndex(-1, 3)).toBe(0);
    expect(nextMatchIndex(0, 3)).toBe(1);
    expect(nextMatchIndex(2, 3)).toBe(0);
    expect(previousMatchIndex(-1, 3)).toBe(2);
    expect(previousMatchIndex(0, 3)).toBe(2);
    expect(previousMatchIndex(2, 3)).toBe(1);
  });

  it('recovers from an index past a shrunken match list, and has nothing to step through when empty', () => {
    expect(nextMatchIndex(7, 3)).toBe(0);
    expect(previousMatchIndex(7, 3)).toBe(2);
    expect(nextMatchIndex(0, 0)).toBe(-1);
    expect(previousMatchIndex(0, 0)).toBe(-1);
  });
});
