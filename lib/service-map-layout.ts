/**
 * Layered layout for the service map: callers on the left, callees on the right.
 *
 * 1. Back edges: a depth-first search from the nodes without incoming edges (then from any node still
 *    unvisited, for cycles nobody enters), children in name order; an edge to a node still on the DFS stack
 *    closes a cycle and is a back edge. Back edges take no part in layering.
 * 2. Layers: longest path from the sources over the remaining edges (a DAG), so every forward edge goes at
 *    least one layer to the right and a node sits right of all its callers.
 * 3. Within a layer nodes are sorted by name and centred vertically on the tallest layer.
 *
 * Forward edges run from the right side of the caller to the left side of the callee, as a cubic curve with
 * horizontal tangents; those that skip layers climb to a lane above all nodes so they cross none. Back edges
 * run down from the bottom of the caller to a lane below all nodes and up into the bottom of the callee.
 * Each skipping or back edge has its own lane, so they do not overlap. Pure: no DOM.
 */

export interface ServiceMapLayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between layers (edge labels live here). */
  columnGap: number;
  /** Vertical space between nodes of a layer. */
  rowGap: number;
  /** Margin around the drawing. */
  padding: number;
}

export const DEFAULT_SERVICE_MAP_LAYOUT: Readonly<ServiceMapLayoutOptions> = Object.freeze({
  nodeWidth: 200, nodeHeight: 56, columnGap: 190, rowGap: 40, padding: 24,
});

export interface LayoutEdgeInput {
  from: string;
  to: string;
}

export interface LayoutNode {
  id: string;
  /** 0 = leftmost. */
  layer: number;
  /** Position within the layer, 0 = top. */
  row: number;
  /** Centre of the node box. */
  x: number;
  y: number;
}

export type LayoutEdgeKind = 'forward' | 'back' | 'self';

export interface LayoutEdge {
  from: string;
  to: string;
  kind: LayoutEdgeKind;
  /** Where the edge leaves the caller's box and where it meets the callee's box (the arrow head). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path data from (x1, y1) to (x2, y2). */
  path: string;
  /** Middle of the curve, for the label. */
  labelX: number;
  labelY: number;
}

export interface ServiceMapLayout {
  width: number;
  height: number;
  layerCount: number;
  /** In layer order, then row order. */
  nodes: LayoutNode[];
  /** In input order (duplicates removed). */
  edges: LayoutEdge[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Edges (as "from\u0000to" keys) that close a cycle in a name-ordered DFS from the sources. */
function findBackEdges(ids: readonly string[], out: ReadonlyMap<string, string[]>, indegree: ReadonlyMap<string, number>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (root: string) => {
    if (state.has(root)) return;
    state.set(root, 'open');
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const targets = out.get(top.id)!;
      if (top.next === targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next++];
      const seen = state.get(target);
      if (seen === 'open') back.add(`${top.id}\u0000${target}`);
      else if (seen === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
      }
    }
  };
  for (const id of ids) if (indegree.get(id) === 0) visit(id);
  for (const id of ids) visit(id);
  return back;
}

/** Longest-path layer of every node over the forward edges (Kahn's order). */
function assignLayers(ids: readonly string[], forward: ReadonlyMap<string, string[]>): Map<string, number> {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const targets of forward.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const layer = new Map(ids.map((id) => [id, 0]));
  const ready = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i];
    for (const t of forward.get(id)!) {
      layer.set(t, Math.max(layer.get(t)!, layer.get(id)! + 1));
      const left = indegree.get(t)! - 1;
      indegree.set(t, left);
      if (left === 0) ready.push(t);
    }
  }
  return layer;
}

const round = (v: number) => Math.round(v * 10) / 10;

type Point = [x: number, y: number];
/** One SVG path command and its points. */
type Segment = ['M' | 'L', Point] | ['Q', Point, Point] | ['C', Point, Point, Point];

/** Vertical distance between lanes: room for a two-line edge label. */
const LANE_STEP = 32;
/** Radius of the corners of back edges. */
const CORNER = 12;

export function layoutServiceMap(nodeIds: readonly string[], edgeList: readonly LayoutEdgeInput[],
  options: Partial<ServiceMapLayoutOptions> = {}): ServiceMapLayout {
  const o = { ...DEFAULT_SERVICE_MAP_LAYOUT, ...options };
  // Endpoints missing from nodeIds still get a node, so every edge can be drawn.
  const ids = [...new Set([...nodeIds, ...edgeList.flatMap((e) => [e.from, e.to])])].sort(byName);

  const seenEdges = new Set<string>();
  const edges: LayoutEdgeInput[] = [];
  for (const e of edgeList) {
    const key = `${e.from}\u0000${e.to}`;
    if (!seenEdges.has(key)) { seenEdges.add(key); edges.push(e); }
  }

  const out = new Map(ids.map((id) => [id, [] as string[]]));
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const e of edges) {
    if (e.from === e.to) continue;
    out.get(e.from)!.push(e.to);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  for (const targets of out.values()) targets.sort(byName);

  const back = findBackEdges(ids, out, indegree);
  const forward = new Map([...out].map(([id, targets]) => [id, targets.filter((t) => !back.has(`${id}\u0000${t}`))]));
  const layerOf = assignLayers(ids, forward);

  const layerCount = ids.length === 0 ? 0 : Math.max(...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of ids) layers[layerOf.get(id)!].push(id); // ids are sorted, so each layer is too
  const tallest = Math.max(0, ...layers.map((l) => l.length));
  const rowStep = o.nodeHeight + o.rowGap;
  const columnStep = o.nodeWidth + o.columnGap;

  const nodes: LayoutNode[] = [];
  const byId = new Map<string, LayoutNode>();
  layers.forEach((members, layer) => {
    const offset = ((tallest - members.length) * rowStep) / 2;
    members.forEach((id, row) => {
      const node = { id, layer, row, x: layer * columnStep + o.nodeWidth / 2, y: offset + row * rowStep + o.nodeHeight / 2 };
      nodes.push(node);
      byId.set(id, node);
    });
  });

  const halfW = o.nodeWidth / 2;
  const halfH = o.nodeHeight / 2;
  const top = Math.min(0, ...nodes.map((n) => n.y - halfH));
  const bottom = Math.max(0, ...nodes.map((n) => n.y + halfH));
  const isBack = (e: LayoutEdgeInput) => back.has(`${e.from}\u0000${e.to}`);
  const span = (e: LayoutEdgeInput) => byId.get(e.to)!.layer - byId.get(e.from)!.layer;
  // Lanes: edges that skip layers run above the nodes, back edges below, each on its own horizontal line;
  // shorter spans nearer the nodes so lanes nest instead of crossing.
  const laneOrder = (list: LayoutEdgeInput[]) => new Map(list
    .sort((a, b) => Math.abs(span(a)) - Math.abs(span(b)) || byName(a.from, b.from) || byName(a.to, b.to))
    .map((e, lane) => [e, lane]));
  const overLane = laneOrder(edges.filter((e) => e.from !== e.to && !isBack(e) && span(e) > 1));
  const underLane = laneOrder(edges.filter((e) => e.from !== e.to && isBack(e)));
  const halfGap = o.columnGap / 2;

  const drawn = edges.map((e): { e: LayoutEdgeInput; kind: LayoutEdgeKind; segments: Segment[]; label: Point } => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    if (e.from === e.to) {
      const y = a.y - halfH;
      return { e, kind: 'self', label: [a.x, y - 33], segments: [
        ['M', [a.x - 20, y]], ['C', [a.x - 30, y - 44], [a.x + 30, y - 44], [a.x + 20, y]]] };
    }
    if (isBack(e)) {
      // Down from the caller's bottom, left along the lane, up into the callee's bottom.
      const lane = bottom + o.rowGap * 0.75 + underLane.get(e)! * LANE_STEP;
      const [ax, ay, bx, by] = [a.x, a.y + halfH, b.x, b.y + halfH];
      return { e, kind: 'back', label: [(ax + bx) / 2, lane], segments: [
        ['M', [ax, ay]], ['L', [ax, lane - CORNER]], ['Q', [ax, lane], [ax - CORNER, lane]],
        ['L', [bx + CORNER, lane]], ['Q', [bx, lane], [bx, lane - CORNER]], ['L', [bx, by]]] };
    }
    const [x1, y1, x2, y2] = [a.x + halfW, a.y, b.x - halfW, b.y];
    if (span(e) > 1) {
      // Up within the first gap, over the nodes between, down within the last gap.
      const lane = top - o.rowGap * 0.75 - overLane.get(e)! * LANE_STEP;
      return { e, kind: 'forward', label: [(x1 + x2) / 2, lane], segments: [
        ['M', [x1, y1]], ['C', [x1 + halfGap / 2, y1], [x1 + halfGap / 2, lane], [x1 + halfGap, lane]],
        ['L', [x2 - halfGap, lane]], ['C', [x2 - halfGap / 2, lane], [x2 - halfGap / 2, y2], [x2, y2]]] };
    }
    const mx = (x1 + x2) / 2;
    return { e, kind: 'forward', label: [mx, (y1 + y2) / 2], segments: [['M', [x1, y1]], ['C', [mx, y1], [mx, y2], [x2, y2]]] };
  });

  // Extent of everything drawn (curves stay inside the hull of their control points), then the shift that
  // puts it inside the padding.
  let minX = 0, minY = top, maxX = Math.max(0, ...nodes.map((n) => n.x + halfW)), maxY = bottom;
  for (const { segments } of drawn) {
    for (const [, ...points] of segments) {
      for (const [x, y] of points) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  const shiftX = o.padding - minX;
  const shiftY = o.padding - minY;
  const at = ([x, y]: Point): Point => [round(x + shiftX), round(y + shiftY)];
  for (const n of nodes) [n.x, n.y] = at([n.x, n.y]);
  const layoutEdges: LayoutEdge[] = drawn.map(({ e, kind, segments, label }) => {
    const shifted = segments.map(([command, ...points]) => [command, ...points.map(at)] as Segment);
    const [x1, y1] = shifted[0][1];
    const last = shifted[shifted.length - 1];
    const [x2, y2] = last[last.length - 1] as Point;
    const [labelX, labelY] = at(label);
    const path = shifted.map(([command, ...points]) => `${command} ${points.map(([x, y]) => `${x} ${y}`).join(', ')}`).join(' ');
    return { from: e.from, to: e.to, kind, x1, y1, x2, y2, path, labelX, labelY };
  });

  return {
    width: round(maxX - minX + 2 * o.padding),
    height: round(maxY - minY + 2 * o.padding),
    layerCount,
    nodes,
    edges: layoutEdges,
  };
}
