/**
 * Critical path, after Jaeger UI's algorithm (components/TracePage/CriticalPath): from a root's end, walk
 * backwards in time; at each span take the last-finishing child that ends by the current point,
 * descend into it, and when a span has no such child, the rest of it back to its start is on the path and
 * the walk returns to its parent at the span's start. Computed for every root of the tree (children of a
 * missing-parent placeholder count as roots), without recursion.
 *
 * Like Jaeger, before walking: children are clipped to their (clipped) parent's interval, children lying
 * wholly outside it are dropped with their descendants, and (unless `includeAsyncChildren`) PRODUCER (4)
 * and CONSUMER (5) children are dropped with their descendants because their parent does not wait on them.
 */
import { compareNodes } from './build-tree';
import type { SpanNode, TraceTree } from './types';

const PRODUCER = 4;
const CONSUMER = 5;

/** A stretch of time, in ns from the trace start, during which `spanId` itself is the critical work. */
export interface CriticalPathSection {
  spanId: string;
  startNs: number;
  endNs: number;
}

export interface CriticalPath {
  /** Spans owning at least one section (of positive length). */
  spanIds: Set<string>;
  /** Non-overlapping within one root, chronological within a root; roots in tree order. */
  sections: CriticalPathSection[];
}

export interface CriticalPathOptions {
  /** Keep PRODUCER/CONSUMER children as if the parent waited for them. Default false. */
  includeAsyncChildren?: boolean;
}

/** A span with its sanitized interval and its kept children sorted by end, latest first. */
interface PathNode {
  spanId: string;
  startNs: number;
  endNs: number;
  parent: PathNode | null;
  childrenByEnd: PathNode[];
  /** Children before this index are walked or can no longer be chosen (the point here only decreases). */
  cursor: number;
}

/** The child's interval clipped to its parent's, or null when Jaeger would drop it. */
function clipToParent(child: SpanNode, parent: PathNode): [number, number] | null {
  const { startNs, endNs } = child;
  if (startNs >= parent.startNs) {
    if (startNs >= parent.endNs) return null;
    return [startNs, Math.min(endNs, parent.endNs)];
  }
  if (endNs <= parent.startNs) return null;
  return [parent.startNs, Math.min(endNs, parent.endNs)];
}

function byEndDescending(a: PathNode, b: PathNode): number {
  if (a.endNs !== b.endNs) return b.endNs - a.endNs;
  // Equal ends: prefer the longer child (earlier start), as Jaeger's start-ordered scan does.
  if (a.startNs !== b.startNs) return a.startNs - b.startNs;
  return a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}

/** The sanitized copy of one root's subtree, built top-down with an explicit stack. */
function sanitizedTree(root: SpanNode, includeAsync: boolean): PathNode {
  const top: PathNode = {
    spanId: root.key,
    startNs: root.startNs,
    endNs: root.endNs,
    parent: null,
    childrenByEnd: [],
    cursor: 0,
  };
  const stack: [SpanNode, PathNode][] = [[root, top]];
  while (stack.length > 0) {
    const [node, pathNode] = stack.pop()!;
    for (const child of node.children) {
      if (!includeAsync && (child.span.kind === PRODUCER || child.span.kind === CONSUMER)) continue;
      const clipped = clipToParent(child, pathNode);
      if (!clipped) continue;
      const childPathNode: PathNode = {
        spanId: child.key,
        startNs: clipped[0],
        endNs: clipped[1],
        parent: pathNode,
        childrenByEnd: [],
        cursor: 0,
      };
      pathNode.childrenByEnd.push(childPathNode);
      stack.push([child, childPathNode]);
    }
    pathNode.childrenByEnd.sort(byEndDescending);
  }
  return top;
}

/**
 * The last-finishing child ending at or before pointNs (any child when pointNs is undefined), not yet
 * walked. Jaeger requires "strictly before"; at-or-before also chains children that touch (one ends at
 * the ns the next starts), and moving the cursor past the chosen child keeps a zero-length child from
 * being chosen twice.
 */
function nextChild(node: PathNode, pointNs: number | undefined): PathNode | undefined {
  const children = node.childrenByEnd;
  if (pointNs !== undefined) {
    while (node.cursor < children.length && children[node.cursor].endNs > pointNs) node.cursor++;
  }
  const child = children[node.cursor];
  if (child) node.cursor++;
  return child;
}

/** Sections of one root, latest first (the order the walk finds them). */
function walk(root: PathNode, into: CriticalPathSection[]): void {
  let current: PathNode | null = root;
  // undefined: entering `current` from above, the point is its end; otherwise the start of the child
  // just returned from. Termination: every child is entered at most once (see nextChild) and every
  // return to a parent follows an entry, so the loop runs at most twice per span.
  let pointNs: number | undefined;
  while (current) {
    const sectionEnd: number = pointNs ?? current.endNs;
    const child = nextChild(current, pointNs);
    if (child) {
      if (child.endNs < sectionEnd) into.push({ spanId: current.spanId, startNs: child.endNs, endNs: sectionEnd });
      current = child;
      pointNs = undefined;
    } else {
      if (current.startNs < sectionEnd) into.push({ spanId: current.spanId, startNs: current.startNs, endNs: sectionEnd });
      pointNs = current.startNs;
      current = current.parent;
    }
  }
}

export function criticalPath(tree: TraceTree, options: CriticalPathOptions = {}): CriticalPath {
  const includeAsync = options.includeAsyncChildren ?? false;
  const sections: CriticalPathSection[] = [];
  const roots: SpanNode[] = [];
  for (const root of tree.roots) {
    if (root.kind === 'span') roots.push(root);
    else for (const orphan of root.children) roots.push(orphan);
  }
  roots.sort(compareNodes);
  for (const root of roots) {
    const found: CriticalPathSection[] = [];
    walk(sanitizedTree(root, includeAsync), found);
    for (let index = found.length - 1; index >= 0; index--) sections.push(found[index]);
  }
  return { spanIds: new Set(sections.map((section) => section.spanId)), sections };
}
