/**
 * Builds the waterfall's span tree from a flat span list. Never drops a span (except later duplicates of
 * an id) and never recurses, so a 10,000-deep parent chain is fine. Linear apart from sorting children.
 */
import type { MissingParentNode, SpanNode, TraceNode, TraceSpanInput, TraceTree } from './types';

const NO_PARENT = -1;

/** Order of siblings and roots: start time, then key (span id) so equal starts stay deterministic. */
export function compareNodes(a: TraceNode, b: TraceNode): number {
  if (a.startNs !== b.startNs) return a.startNs - b.startNs;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function missingParentKey(spanId: string): string {
  return `missing-parent:${spanId}`;
}

function createSpanNode(span: TraceSpanInput): SpanNode {
  return {
    kind: 'span',
    key: span.spanId,
    span,
    parent: null,
    children: [],
    depth: 0,
    startNs: span.startNs,
    endNs: span.startNs + Math.max(0, span.durationNs),
    skewed: false,
    cycleBroken: false,
  };
}

/** Index of the span that breaks a cycle: the earliest start, ties broken by the smaller span id. */
function cycleBreaker(nodes: readonly SpanNode[], cycle: readonly number[]): number {
  let best = cycle[0];
  for (const index of cycle) {
    if (compareNodes(nodes[index], nodes[best]) < 0) best = index;
  }
  return best;
}

/**
 * Cuts one parent link per cycle (each span has one parent, so each connected group holds at most one
 * cycle and one cut makes it a tree). Mutates parentIndex; returns the indexes of the spans cut loose.
 */
function breakCycles(nodes: readonly SpanNode[], parentIndex: Int32Array): number[] {
  const UNSEEN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(nodes.length);
  const broken: number[] = [];
  const path: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    if (state[start] !== UNSEEN) continue;
    path.length = 0;
    let at = start;
    while (at !== NO_PARENT && state[at] === UNSEEN) {
      state[at] = ON_PATH;
      path.push(at);
      at = parentIndex[at];
    }
    if (at !== NO_PARENT && state[at] === ON_PATH) {
      const cycle = path.slice(path.indexOf(at));
      const cut = cycleBreaker(nodes, cycle);
      parentIndex[cut] = NO_PARENT;
      broken.push(cut);
    }
    for (const index of path) state[index] = DONE;
  }
  return broken.sort((a, b) => a - b);
}

/** Sets depth on every node below the roots, top-down with an explicit stack; returns the maximum depth. */
function assignDepths(roots: readonly TraceNode[]): number {
  let maxDepth = 0;
  const stack: TraceNode[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth > maxDepth) maxDepth = node.depth;
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return maxDepth;
}

/**
 * Rules: the first span with a given id wins, later ones are counted in duplicateCount; a span whose
 * parent id is absent goes under a `missing-parent` placeholder root (one per absent id); a parent cycle
 * (including a self-parent) is cut at its earliest-starting span, which becomes a root flagged
 * `cycleBroken`; a child outside its parent's interval is flagged `skewed` but keeps its times.
 */
export function buildTraceTree(spans: readonly TraceSpanInput[]): TraceTree {
  const byId = new Map<string, SpanNode>();
  const nodes: SpanNode[] = [];
  let duplicateCount = 0;
  const duplicateIds = new Set<string>();
  for (const span of spans) {
    if (byId.has(span.spanId)) {
      duplicateCount++;
      duplicateIds.add(span.spanId);
      continue;
    }
    const node = createSpanNode(span);
    byId.set(span.spanId, node);
    nodes.push(node);
  }

  const indexById = new Map<string, number>();
  nodes.forEach((node, index) => indexById.set(node.key, index));
  const parentIndex = new Int32Array(nodes.length).fill(NO_PARENT);
  nodes.forEach((node, index) => {
    const parentId = node.span.parentSpanId;
    if (parentId !== null && parentId !== '') parentIndex[index] = indexById.get(parentId) ?? NO_PARENT;
  });

  const brokenIndexes = breakCycles(nodes, parentIndex);
  for (const index of brokenIndexes) nodes[index].cycleBroken = true;

  const roots: TraceNode[] = [];
  const placeholders = new Map<string, MissingParentNode>();
  let skewedCount = 0;
  nodes.forEach((node, index) => {
    const parentId = node.span.parentSpanId;
    if (parentIndex[index] !== NO_PARENT) {
      const parent = nodes[parentIndex[index]];
      node.parent = parent;
      parent.children.push(node);
      node.skewed = node.startNs < parent.startNs || node.endNs > parent.endNs;
      if (node.skewed) skewedCount++;
    } else if (parentId !== null && parentId !== '' && !node.cycleBroken) {
      let placeholder = placeholders.get(parentId);
      if (!placeholder) {
        placeholder = {
          kind: 'missing-parent',
          key: missingParentKey(parentId),
          missingSpanId: parentId,
          parent: null,
          children: [],
          depth: 0,
          startNs: node.startNs,
          endNs: node.endNs,
        };
        placeholders.set(parentId, placeholder);
        roots.push(placeholder);
      }
      placeholder.startNs = Math.min(placeholder.startNs, node.startNs);
      placeholder.endNs = Math.max(placeholder.endNs, node.endNs);
      node.parent = placeholder;
      placeholder.children.push(node);
    } else {
      roots.push(node);
    }
  });

  for (const node of nodes) if (node.children.length > 1) node.children.sort(compareNodes);
  for (const placeholder of placeholders.values()) placeholder.children.sort(compareNodes);
  roots.sort(compareNodes);
  const maxDepth = assignDepths(roots);

  return {
    roots,
    byId,
    spanCount: nodes.length,
    duplicateCount,
    duplicateSpanIds: [...duplicateIds],
    missingParentIds: roots.flatMap((root) => (root.kind === 'missing-parent' ? [root.missingSpanId] : [])),
    cycleBrokenSpanIds: brokenIndexes.map((index) => nodes[index].key),
    skewedCount,
    maxDepth,
  };
}
