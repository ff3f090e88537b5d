import { describe, expect, it } from 'vitest';
import { buildTraceTree, selfTimeNs } from '@/lib/trace-model';
import { span } from './spans';

function selfTimeOf(spans: Parameters<typeof buildTraceTree>[0], id: string): number {
  return selfTimeNs(buildTraceTree(spans).byId.get(id)!);
}

describe('selfTimeNs', () => {
  it('is the whole duration for a leaf', () => {
    expect(selfTimeOf([span('p', null, 5, 42)], 'p')).toBe(42);
  });

  it('subtracts disjoint children', () => {
    expect(selfTimeOf([span('p', null, 0, 100), span('a', 'p', 10, 20), span('b', 'p', 50, 30)], 'p')).toBe(50);
  });

  it('counts overlapping children once', () => {
    const spans = [span('p', null, 0, 100), span('a', 'p', 10, 20), span('b', 'p', 20, 30), span('c', 'p', 15, 5)];
    // union of [10,30], [20,50], [15,20] = [10,50]: 40 ns covered
    expect(selfTimeOf(spans, 'p')).toBe(60);
  });

  it('clips children to the span and ignores those outside it', () => {
    const spans = [
      span('p', null, 100, 100),
      span('before', 'p', 80, 30), // covers [100,110]
      span('after', 'p', 190, 50), // covers [190,200]
      span('outside', 'p', 300, 10),
      span('nested', 'p', 150, 0),
    ];
    expect(selfTimeOf(spans, 'p')).toBe(80);
  });

  it('is 0 when children cover everything, and for placeholders', () => {
    const tree = buildTraceTree([span('p', null, 0, 10), span('a', 'p', 0, 10), span('o', 'gone', 0, 5)]);
    expect(selfTimeNs(tree.byId.get('p')!)).toBe(0);
    expect(selfTimeNs(tree.roots.find((root) => root.kind === 'missing-parent')!)).toBe(0);
  });

  it('ignores grandchildren', () => {
    const spans = [span('p', null, 0, 100), span('a', 'p', 0, 10), span('g', 'a', 0, 90)];
    expect(selfTimeOf(spans, 'p')).toBe(90);
  });
});
