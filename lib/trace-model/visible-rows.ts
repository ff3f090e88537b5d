/** Flattening the tree into waterfall rows, honouring collapsed nodes. */
import type { TraceNode, TraceSpanInput, TraceTree } from './types';

export interface VisibleRow {
  /** The node's key: its span id, or `missing-parent:<id>` for a placeholder. */
  key: string;
  node: TraceNode;
  /** Null for a missing-parent placeholder. */
  span: TraceSpanInput | null;
  depth: number;
  hasChildren: boolean;
  /** True only for a node that has children and whose key is in the collapsed set. */
  isCollapsed: boolean;
  isPlaceholder: boolean;
  skewed: boolean;
  /** Direct children, whether shown or not. */
  childCount: number;
}

/**
 * Rows in display order (pre-order: a node, then its children by start), leaving out the descendants of
 * every node whose key is in `collapsed`. Explicit stack, one row object per shown node: O(shown rows).
 */
export function visibleRows(tree: TraceTree, collapsed: ReadonlySet<string>): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const stack: TraceNode[] = [];
  for (let index = tree.roots.length - 1; index >= 0; index--) stack.push(tree.roots[index]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const childCount = node.children.length;
    const isCollapsed = childCount > 0 && collapsed.has(node.key);
    const isSpan = node.kind === 'span';
    rows.push({
      key: node.key,
      node,
      span: isSpan ? node.span : null,
      depth: node.depth,
      hasChildren: childCount > 0,
      isCollapsed,
      isPlaceholder: !isSpan,
      skewed: isSpan ? node.skewed : false,
      childCount,
    });
    if (isCollapsed) continue;
    for (let index = childCount - 1; index >= 0; index--) stack.push(node.children[index]);
  }
  return rows;
}
