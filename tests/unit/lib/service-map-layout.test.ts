import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MAP_LAYOUT, layoutServiceMap, type ServiceMapLayout } from '@/lib/service-map-layout';

const e = (from: string, to: string) => ({ from, to });
const layers = (l: ServiceMapLayout) => {
  const out: string[][] = [];
  for (const n of l.nodes) (out[n.layer] ??= []).push(n.id);
  return out;
};
const node = (l: ServiceMapLayout, id: string) => l.nodes.find((n) => n.id === id)!;
const edge = (l: ServiceMapLayout, from: string, to: string) => l.edges.find((x) => x.from === from && x.to === to)!;
const { nodeWidth: W, nodeHeight: H, padding: P } = DEFAULT_SERVICE_MAP_LAYOUT;

describe('layoutServiceMap', () => {
  it('lays out nothing', () => {
    expect(layoutServiceMap([], [])).toMatchObject({ layerCount: 0, nodes: [], edges: [], width: 2 * P, height: 2 * P });
  });

  it('puts callers left of callees by longest path, each layer sorted by name', () => {
    const l = layoutServiceMap(
      ['payment', 'gateway', 'frontend', 'orders', 'inventory', 'loadgen', 'postgres'],
      [e('loadgen', 'frontend'), e('frontend', 'gateway'), e('gateway', 'orders'), e('gateway', 'payment'),
        e('orders', 'payment'), e('orders', 'inventory'), e('gateway', 'postgres')],
    );
    // payment is reached directly from gateway (layer 2) and via orders (layer 3): longest path wins.
    expect(layers(l)).toEqual([['loadgen'], ['frontend'], ['gateway'], ['orders', 'postgres'], ['inventory', 'payment']]);
    expect(l.layerCount).toBe(5);
    for (const x of l.edges) expect(node(l, x.to).layer).toBeGreaterThan(node(l, x.from).layer);
    expect(l.edges.every((x) => x.kind === 'forward')).toBe(true);
    // Same layer: same x, rows top to bottom by name.
    expect(node(l, 'orders').x).toBe(node(l, 'postgres').x);
    expect(node(l, 'orders').y).toBeLessThan(node(l, 'postgres').y);
    expect(node(l, 'orders').row).toBe(0);
    expect(node(l, 'postgres').row).toBe(1);
  });

  it('places unconnected services in the first layer, by name', () => {
    const l = layoutServiceMap(['zeta', 'alpha', 'b'], [e('b', 'c')]);
    expect(layers(l)).toEqual([['alpha', 'b', 'zeta'], ['c']]);
  });

  it('ignores back edges of a cycle for layering and draws them below the nodes', () => {
    const l = layoutServiceMap(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a')]);
    expect(layers(l)).toEqual([['a'], ['b'], ['c']]);
    expect(edge(l, 'c', 'a').kind).toBe('back');
    expect(edge(l, 'a', 'b').kind).toBe('forward');
    const back = edge(l, 'c', 'a');
    const bottom = Math.max(...l.nodes.map((n) => n.y + H / 2));
    expect(back.y1).toBe(node(l, 'c').y + H / 2);
    expect(back.x2).toBe(node(l, 'a').x);
    expect(back.labelY).toBeGreaterThan(bottom);
    expect(back.labelY).toBeLessThanOrEqual(l.height);
  });

  it('handles a cycle nobody enters and a mutual pair', () => {
    const l = layoutServiceMap([], [e('x', 'y'), e('y', 'x'), e('y', 'z')]);
    expect(layers(l)).toEqual([['x'], ['y'], ['z']]);
    expect(edge(l, 'y', 'x').kind).toBe('back');
    expect(edge(l, 'x', 'y').kind).toBe('forward');
  });

  it('is deterministic whatever the input order, and drops duplicate edges', () => {
    const a = layoutServiceMap(['b', 'a', 'c'], [e('a', 'b'), e('a', 'c'), e('a', 'b')]);
    const b = layoutServiceMap(['c', 'a', 'b'], [e('a', 'c'), e('a', 'b')]);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.edges).toHaveLength(2);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
  });

  it('joins box sides: forward edges leave the right side and end at the left side', () => {
    const l = layoutServiceMap(['a', 'b'], [e('a', 'b')]);
    const [a, b] = [node(l, 'a'), node(l, 'b')];
    const x = edge(l, 'a', 'b');
    expect([x.x1, x.y1, x.x2, x.y2]).toEqual([a.x + W / 2, a.y, b.x - W / 2, b.y]);
    expect(x.path).toBe(`M ${x.x1} ${x.y1} C ${(x.x1 + x.x2) / 2} ${x.y1}, ${(x.x1 + x.x2) / 2} ${x.y2}, ${x.x2} ${x.y2}`);
    expect([x.labelX, x.labelY]).toEqual([(x.x1 + x.x2) / 2, a.y]);
  });

  it('centres short layers on the tallest and keeps everything inside the padded box', () => {
    const l = layoutServiceMap([], [e('root', 'a'), e('root', 'b'), e('root', 'c'), e('root', 'c2'), e('a', 'deep'), e('root', 'deep')]);
    const root = node(l, 'root');
    const column = l.nodes.filter((n) => n.layer === 1).map((n) => n.y);
    expect(root.y).toBeCloseTo((Math.min(...column) + Math.max(...column)) / 2, 5);
    for (const n of l.nodes) {
      expect(n.x - W / 2).toBeGreaterThanOrEqual(P);
      expect(n.y - H / 2).toBeGreaterThanOrEqual(P);
      expect(n.x + W / 2).toBeLessThanOrEqual(l.width - P);
      expect(n.y + H / 2).toBeLessThanOrEqual(l.height - P);
    }
    // root → deep skips a layer: it runs on a lane above every node, so it crosses none.
    const skip = edge(l, 'root', 'deep');
    expect(skip.labelY).toBeLessThan(Math.min(...l.nodes.map((n) => n.y - H / 2)));
    expect(skip.path).toContain(` L `);
    for (const x of l.edges) {
      expect(x.labelY).toBeGreaterThanOrEqual(0);
      expect(x.labelY).toBeLessThanOrEqual(l.height);
    }
  });

  it('gives each layer-skipping edge and each back edge its own lane', () => {
    const l = layoutServiceMap([], [e('a', 'b'), e('b', 'c'), e('c', 'd'), e('a', 'c'), e('a', 'd'), e('d', 'a'), e('c', 'b')]);
    expect(layers(l)).toEqual([['a'], ['b'], ['c'], ['d']]);
    const top = Math.min(...l.nodes.map((n) => n.y - H / 2));
    const bottom = Math.max(...l.nodes.map((n) => n.y + H / 2));
    // Shorter spans nearer the nodes: a → c (2 layers) below a → d (3 layers); c → b (1 back) above d → a (3 back).
    expect(edge(l, 'a', 'c').labelY).toBeLessThan(top);
    expect(edge(l, 'a', 'd').labelY).toBeLessThan(edge(l, 'a', 'c').labelY);
    expect(edge(l, 'c', 'b').labelY).toBeGreaterThan(bottom);
    expect(edge(l, 'd', 'a').labelY).toBeGreaterThan(edge(l, 'c', 'b').labelY);
    expect(edge(l, 'd', 'a')).toMatchObject({ kind: 'back', x1: node(l, 'd').x, y2: node(l, 'a').y + H / 2 });
    expect(Math.min(...l.edges.map((x) => x.labelY - 15))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...l.edges.map((x) => x.labelY))).toBeLessThanOrEqual(l.height - P);
  });

  it('still draws edges whose ends are missing from the node list, and self-calls as loops', () => {
    const l = layoutServiceMap(['a'], [e('a', 'ghost'), e('a', 'a')]);
    expect(l.nodes.map((n) => n.id)).toEqual(['a', 'ghost']);
    expect(edge(l, 'a', 'a').kind).toBe('self');
    expect(edge(l, 'a', 'a').y1).toBe(node(l, 'a').y - H / 2);
  });

  it('honours custom sizes', () => {
    const l = layoutServiceMap([], [e('a', 'b')], { nodeWidth: 100, nodeHeight: 20, columnGap: 50, rowGap: 10, padding: 5 });
    expect(node(l, 'a')).toMatchObject({ x: 55, y: 15 });
    expect(node(l, 'b')).toMatchObject({ x: 205, y: 15 });
    expect([l.width, l.height]).toEqual([260, 30]);
  });
});
