import { describe, expect, it } from 'vitest';
import { buildTraceTree, visibleRows, type SpanNode, type TraceNode } from '@/lib/trace-model';
import { deepChain, hexId, span, wideTrace } from './spans';

const keys = (nodes: readonly TraceNode[]) => nodes.map((node) => node.key);

describe('buildTraceTree', () => {
  it('nests children under parents, sorted by start then span id, with depths', () => {
    const tree = buildTraceTree([
      span('c', 'root', 30, 10),
      span('root', null, 0, 100),
      span('b', 'root', 10, 10),
      span('a', 'root', 10, 5),
      span('d', 'c', 31, 2),
    ]);
    expect(keys(tree.roots)).toEqual(['root']);
    const root = tree.roots[0];
    expect(keys(root.children)).toEqual(['a', 'b', 'c']);
    const d = tree.byId.get('d')!;
    expect(d.depth).toBe(2);
    expect(d.parent?.key).toBe('c');
    expect(root.parent).toBeNull();
    expect(tree.spanCount).toBe(5);
    expect(tree.maxDepth).toBe(2);
    expect(tree.skewedCount).toBe(0);
  });

  it('puts orphans under one missing-parent placeholder root per absent parent id', () => {
    const tree = buildTraceTree([
      span('root', null, 0, 100),
      span('o1', 'gone1', 20, 10),
      span('o2', 'gone1', 15, 50),
      span('o3', 'gone2', 5, 1),
      span('kid', 'o1', 21, 1),
    ]);
    expect(keys(tree.roots)).toEqual(['root', 'missing-parent:gone2', 'missing-parent:gone1']);
    const placeholder = tree.roots[2];
    expect(placeholder.kind).toBe('missing-parent');
    if (placeholder.kind !== 'missing-parent') throw new Error('unreachable');
    expect(placeholder.missingSpanId).toBe('gone1');
    expect(keys(placeholder.children)).toEqual(['o2', 'o1']);
    expect([placeholder.startNs, placeholder.endNs]).toEqual([15, 65]);
    expect(tree.byId.get('o1')!.depth).toBe(1);
    expect(tree.byId.get('kid')!.depth).toBe(2);
    expect(tree.byId.get('o1')!.skewed).toBe(false);
    expect(tree.missingParentIds).toEqual(['gone2', 'gone1']);
    expect(tree.spanCount).toBe(5);
    expect(visibleRows(tree, new Set()).filter((row) => !row.isPlaceholder)).toHaveLength(5);
  });

  it('treats an empty-string parent id as no parent', () => {
    const tree = buildTraceTree([span('root', '', 0, 10)]);
    expect(keys(tree.roots)).toEqual(['root']);
    expect(tree.missingParentIds).toEqual([]);
  });

  it('breaks a 2-cycle at its earliest-starting span and keeps both spans', () => {
    const tree = buildTraceTree([span('b', 'a', 5, 10), span('a', 'b', 3, 20), span('c', 'b', 6, 1)]);
    expect(keys(tree.roots)).toEqual(['a']);
    const a = tree.byId.get('a')!;
    expect(a.cycleBroken).toBe(true);
    expect(a.parent).toBeNull();
    expect(tree.byId.get('b')!.cycleBroken).toBe(false);
    expect(tree.byId.get('b')!.parent?.key).toBe('a');
    expect(tree.byId.get('c')!.depth).toBe(2);
    expect(tree.cycleBrokenSpanIds).toEqual(['a']);
    expect(visibleRows(tree, new Set()).map((row) => row.key)).toEqual(['a', 'b', 'c']);
  });

  it('breaks equal-start cycles at the smaller span id, whatever the input order', () => {
    const forward = buildTraceTree([span('x', 'y', 0, 1), span('y', 'z', 0, 1), span('z', 'x', 0, 1)]);
    const backward = buildTraceTree([span('z', 'x', 0, 1), span('y', 'z', 0, 1), span('x', 'y', 0, 1)]);
    expect(forward.cycleBrokenSpanIds).toEqual(['x']);
    expect(backward.cycleBrokenSpanIds).toEqual(['x']);
    expect(visibleRows(forward, new Set()).map((row) => row.key)).toEqual(['x', 'z', 'y']);
  });

  it('makes a self-parented span a flagged root', () => {
    const tree = buildTraceTree([span('s', 's', 0, 10), span('t', 's', 1, 2)]);
    expect(keys(tree.roots)).toEqual(['s']);
    expect(tree.byId.get('s')!.cycleBroken).toBe(true);
    expect(keys(tree.roots[0].children)).toEqual(['t']);
    expect(tree.cycleBrokenSpanIds).toEqual(['s']);
  });

  it('keeps the tail of a chain that leads into a cycle under the cycle', () => {
    const tree = buildTraceTree([span('tail', 'a', 9, 1), span('a', 'b', 2, 5), span('b', 'a', 1, 8)]);
    expect(tree.cycleBrokenSpanIds).toEqual(['b']);
    expect(visibleRows(tree, new Set()).map((row) => [row.key, row.depth])).toEqual([
      ['b', 0],
      ['a', 1],
      ['tail', 2],
    ]);
  });

  it('keeps the first of duplicate span ids and counts the rest', () => {
    const tree = buildTraceTree([
      span('a', null, 0, 10, { name: 'first' }),
      span('a', null, 5, 10, { name: 'second' }),
      span('b', 'a', 1, 1),
      span('a', null, 7, 1),
      span('b', 'a', 2, 1),
    ]);
    expect(tree.spanCount).toBe(2);
    expect(tree.duplicateCount).toBe(3);
    expect(tree.duplicateSpanIds).toEqual(['a', 'b']);
    expect(tree.byId.get('a')!.span.name).toBe('first');
    expect(tree.byId.get('b')!.startNs).toBe(1);
  });

  it('flags children outside their parent as skewed without moving them', () => {
    const tree = buildTraceTree([
      span('p', null, 100, 100),
      span('early', 'p', 90, 20),
      span('late', 'p', 150, 60),
      span('inside', 'p', 100, 100),
      span('grand', 'late', 160, 10),
    ]);
    const early = tree.byId.get('early')!;
    expect(early.skewed).toBe(true);
    expect([early.startNs, early.endNs]).toEqual([90, 110]);
    expect(tree.byId.get('late')!.skewed).toBe(true);
    expect(tree.byId.get('inside')!.skewed).toBe(false);
    expect(tree.byId.get('grand')!.skewed).toBe(false);
    expect(tree.byId.get('p')!.skewed).toBe(false);
    expect(tree.skewedCount).toBe(2);
    expect(keys(tree.roots[0].children)).toEqual(['early', 'inside', 'late']);
  });

  it('orders multiple roots by start', () => {
    const tree = buildTraceTree([span('r2', null, 50, 10), span('r1', null, 0, 10), span('r3', null, 50, 1)]);
    expect(keys(tree.roots)).toEqual(['r1', 'r2', 'r3']);
  });

  it('handles an empty trace', () => {
    const tree = buildTraceTree([]);
    expect(tree.roots).toEqual([]);
    expect(tree.spanCount).toBe(0);
    expect(tree.maxDepth).toBe(0);
  });

  it('builds a 10,000-span wide trace', () => {
    const tree = buildTraceTree(wideTrace(10_000));
    expect(tree.spanCount).toBe(10_001);
    expect(tree.roots[0].children).toHaveLength(10_000);
    expect(tree.roots[0].children[9_999].key).toBe(hexId(10_000));
    expect(tree.maxDepth).toBe(1);
  });

  it('builds a 10,000-deep chain without overflowing the stack', () => {
    const tree = buildTraceTree(deepChain(10_000).reverse());
    expect(tree.maxDepth).toBe(9_999);
    const deepest = tree.byId.get(hexId(9_999)) as SpanNode;
    expect(deepest.depth).toBe(9_999);
    expect(visibleRows(tree, new Set())).toHaveLength(10_000);
  });

  it('breaks a 10,000-span cycle without overflowing the stack', () => {
    const spans = deepChain(10_000);
    spans[0] = span(hexId(0), hexId(9_999), 0, 20_000);
    const tree = buildTraceTree(spans);
    expect(tree.cycleBrokenSpanIds).toEqual([hexId(0)]);
    expect(visibleRows(tree, new Set())).toHaveLength(10_000);
  });
});
