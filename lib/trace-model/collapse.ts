/** Collapse state helpers: a collapsed set holds node keys (span ids and placeholder keys). */
import type { TraceNode, TraceTree } from './types';

/** Keys of every node that has children: the state with everything folded to the roots. */
export function collapseAll(tree: TraceTree): Set<string> {
  const keys = new Set<string>();
  const stack: TraceNode[] = [...tree.roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.children.length === 0) continue;
    keys.add(node.key);
    for (const child of node.children) stack.push(child);
  }
  return keys;
}

/** The fully expanded state. */
export function expandAll(): Set<string> {
  return new Set();
}

/** A copy of `collapsed` with `key` flipped. */
export function toggleCollapsed(collapsed: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(collapsed);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/**
 * A copy of `collapsed` without the ancestors of `spanId`, so that span's row is shown (for search
 * step-through). The span's own collapse state is kept. Returns the same set when nothing changes.
 */
export function revealSpan(tree: TraceTree, collapsed: ReadonlySet<string>, spanId: string): ReadonlySet<string> {
  let ancestor = tree.byId.get(spanId)?.parent ?? null;
  let next: Set<string> | null = null;
  while (ancestor) {
    if (collapsed.has(ancestor.key)) {
      next ??= new Set(collapsed);
      next.delete(ancestor.key);
    }
    ancestor = ancestor.parent;
  }
  return next ?? collapsed;
}
