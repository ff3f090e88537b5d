import { describe, expect, it } from 'vitest';
import { buildTraceTree, criticalPath } from '@/lib/trace-model';
import { deepChain, span } from './spans';

type Section = [spanId: string, startNs: number, endNs: number];

function sectionsOf(spans: Parameters<typeof buildTraceTree>[0], includeAsyncChildren = false): Section[] {
  return criticalPath(buildTraceTree(spans), { includeAsyncChildren }).sections.map((section) => [
    section.spanId,
    section.startNs,
    section.endNs,
  ]);
}

describe('criticalPath', () => {
  it('walks sequential children back to front', () => {
    const spans = [span('root', null, 0, 100), span('a', 'root', 10, 30), span('b', 'root', 50, 40)];
    expect(sectionsOf(spans)).toEqual([
      ['root', 0, 10],
      ['a', 10, 40],
      ['root', 40, 50],
      ['b', 50, 90],
      ['root', 90, 100],
    ]);
  });

  it('chains children that touch end to start', () => {
    const spans = [span('root', null, 0, 100), span('a', 'root', 0, 40), span('b', 'root', 40, 60)];
    expect(sectionsOf(spans)).toEqual([
      ['a', 0, 40],
      ['b', 40, 100],
    ]);
  });

  it('keeps only the last-finishing of parallel children, and descends into it', () => {
    const spans = [
      span('root', null, 0, 100),
      span('a', 'root', 10, 70),
      span('b', 'root', 20, 40),
      span('a1', 'a', 30, 40),
    ];
    const result = criticalPath(buildTraceTree(spans));
    expect(result.sections.map((s) => [s.spanId, s.startNs, s.endNs])).toEqual([
      ['root', 0, 10],
      ['a', 10, 30],
      ['a1', 30, 70],
      ['a', 70, 80],
      ['root', 80, 100],
    ]);
    expect([...result.spanIds].sort()).toEqual(['a', 'a1', 'root']);
    expect(result.spanIds.has('b')).toBe(false);
  });

  it('clips a child ending after its parent, and drops children wholly outside', () => {
    const spans = [
      span('root', null, 0, 100),
      span('over', 'root', 50, 100),
      span('beyond', 'root', 120, 10),
      span('overKid', 'over', 110, 20), // outside the clipped parent [50,100]
    ];
    expect(sectionsOf(spans)).toEqual([
      ['root', 0, 50],
      ['over', 50, 100],
    ]);
  });

  it('clips a child starting before its parent', () => {
    const spans = [span('root', null, 0, 200), span('p', 'root', 100, 100), span('c', 'p', 50, 100)];
    expect(sectionsOf(spans)).toEqual([
      ['root', 0, 100],
      ['c', 100, 150],
      ['p', 150, 200],
    ]);
  });

  it('skips producer and consumer children unless asked to include them', () => {
    const spans = [
      span('root', null, 0, 100),
      span('send', 'root', 10, 85, { kind: 4 }),
      span('call', 'root', 10, 40, { kind: 3 }),
    ];
    expect(sectionsOf(spans)).toEqual([
      ['root', 0, 10],
      ['call', 10, 50],
      ['root', 50, 100],
    ]);
    expect(sectionsOf(spans, true)).toEqual([
      ['root', 0, 10],
      ['send', 10, 95],
      ['root', 95, 100],
    ]);
  });

  it('covers every root, including orphans under a placeholder', () => {
    const spans = [span('r1', null, 0, 10), span('o', 'gone', 20, 5), span('r2', null, 30, 10), span('k', 'r2', 30, 10)];
    expect(sectionsOf(spans)).toEqual([
      ['r1', 0, 10],
      ['o', 20, 25],
      ['k', 30, 40],
    ]);
  });

  it('terminates on zero-length spans', () => {
    const spans = [span('root', null, 0, 0), span('z1', 'root', 0, 0), span('z2', 'root', 0, 0)];
    const result = criticalPath(buildTraceTree(spans));
    expect(result.sections).toEqual([]);
    expect(result.spanIds.size).toBe(0);
  });

  it('handles a 10,000-deep chain iteratively', () => {
    const result = criticalPath(buildTraceTree(deepChain(10_000)));
    expect(result.spanIds.size).toBe(10_000);
    expect(result.sections).toHaveLength(2 * 10_000 - 1);
    expect(result.sections[0]).toEqual({ spanId: '0000000000000000', startNs: 0, endNs: 1 });
  });
});
