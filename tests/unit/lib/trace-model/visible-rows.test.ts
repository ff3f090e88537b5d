import { describe, expect, it } from 'vitest';
import {
  buildTraceTree,
  collapseAll,
  expandAll,
  revealSpan,
  toggleCollapsed,
  visibleRows,
  type TraceTree,
} from '@/lib/trace-model';
import { deepChain, hexId, span, wideTrace } from './spans';

/** Median wall time of visibleRows over several runs, after warm-up runs that let the JIT compile it. */
function medianRowsMs(trace: TraceTree): number {
  for (let run = 0; run < 5; run++) visibleRows(trace, expandAll());
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    visibleRows(trace, expandAll());
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[3];
}

const tree = buildTraceTree([
  span('root', null, 0, 100),
  span('a', 'root', 10, 20),
  span('a1', 'a', 12, 5),
  span('a2', 'a', 20, 5),
  span('b', 'root', 50, 70),
  span('o', 'gone', 5, 5),
]);

describe('visibleRows', () => {
  it('lists every node in pre-order when nothing is collapsed', () => {
    const rows = visibleRows(tree, expandAll());
    expect(rows.map((row) => [row.key, row.depth])).toEqual([
      ['root', 0],
      ['a', 1],
      ['a1', 2],
      ['a2', 2],
      ['b', 1],
      ['missing-parent:gone', 0],
      ['o', 1],
    ]);
  });

  it('describes each row', () => {
    const rows = visibleRows(tree, new Set(['a', 'b']));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('root')).toMatchObject({ hasChildren: true, isCollapsed: false, childCount: 2, isPlaceholder: false });
    expect(byKey.get('a')).toMatchObject({ hasChildren: true, isCollapsed: true, childCount: 2 });
    // a leaf in the collapsed set is not "collapsed"
    expect(byKey.get('b')).toMatchObject({ hasChildren: false, isCollapsed: false, childCount: 0, skewed: true });
    const placeholder = byKey.get('missing-parent:gone')!;
    expect(placeholder).toMatchObject({ isPlaceholder: true, span: null, childCount: 1, skewed: false });
    expect(byKey.get('o')!.span?.spanId).toBe('o');
  });

  it('hides the descendants of collapsed nodes only', () => {
    expect(visibleRows(tree, new Set(['a'])).map((row) => row.key)).toEqual([
      'root',
      'a',
      'b',
      'missing-parent:gone',
      'o',
    ]);
    expect(visibleRows(tree, new Set(['missing-parent:gone'])).map((row) => row.key)).toEqual([
      'root',
      'a',
      'a1',
      'a2',
      'b',
      'missing-parent:gone',
    ]);
  });

  it('collapses all to the roots and expands all again', () => {
    const collapsed = collapseAll(tree);
    expect([...collapsed].sort()).toEqual(['a', 'missing-parent:gone', 'root']);
    expect(visibleRows(tree, collapsed).map((row) => row.key)).toEqual(['root', 'missing-parent:gone']);
    expect(visibleRows(tree, expandAll())).toHaveLength(7);
  });

  it('toggles one node and reveals a span hidden under collapsed ancestors', () => {
    const collapsed = toggleCollapsed(collapseAll(tree), 'root');
    expect(collapsed.has('root')).toBe(false);
    expect(toggleCollapsed(collapsed, 'root').has('root')).toBe(true);
    const revealed = revealSpan(tree, collapseAll(tree), 'a2');
    expect([...revealed].sort()).toEqual(['missing-parent:gone']);
    expect(visibleRows(tree, revealed).map((row) => row.key)).toContain('a2');
    const unchanged = new Set(['a']);
    expect(revealSpan(tree, unchanged, 'b')).toBe(unchanged);
  });

  it('flattens 10,000 wide spans quickly', () => {
    const wide = buildTraceTree(wideTrace(10_000));
    const rows = visibleRows(wide, expandAll());
    expect(rows).toHaveLength(10_001);
    expect(rows[10_000].key).toBe(hexId(10_000));
    expect(medianRowsMs(wide)).toBeLessThan(10);
    expect(visibleRows(wide, new Set([hexId(0)]))).toHaveLength(1);
  });

  it('flattens a 10,000-deep chain and collapses it midway', () => {
    const deep = buildTraceTree(deepChain(10_000));
    const rows = visibleRows(deep, expandAll());
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999].depth).toBe(9_999);
    expect(medianRowsMs(deep)).toBeLessThan(10);
    expect(visibleRows(deep, new Set([hexId(4_999)]))).toHaveLength(5_000);
    expect(collapseAll(deep).size).toBe(9_999);
  });
});
