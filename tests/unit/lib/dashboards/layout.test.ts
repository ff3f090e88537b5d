import { describe, expect, it } from 'vitest';
import { gridPlacement, nextPanelId, nextPanelPos, overlaps, readingOrder } from '@/lib/dashboards/layout';

describe('grid layout', () => {
  it('places panels on 1-based CSS grid lines', () => {
    expect(gridPlacement({ x: 0, y: 0, w: 12, h: 4 })).toEqual({ gridColumn: '1 / span 12', gridRow: '1 / span 4' });
    expect(gridPlacement({ x: 6, y: 11, w: 6, h: 8 })).toEqual({ gridColumn: '7 / span 6', gridRow: '12 / span 8' });
  });

  it('pulls a panel that would spill past column 12 back inside', () => {
    expect(gridPlacement({ x: 10, y: 0, w: 6, h: 1 }).gridColumn).toBe('7 / span 6');
  });

  it('orders panels top to bottom, then left to right', () => {
    const p = (id: number, x: number, y: number) => ({ id, gridPos: { x, y, w: 1, h: 1 } });
    expect(readingOrder([p(1, 6, 4), p(2, 0, 4), p(3, 8, 0)]).map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it('adds new panels below everything, with a fresh id', () => {
    const panels = [{ id: 4, gridPos: { x: 0, y: 0, w: 6, h: 7 } }, { id: 2, gridPos: { x: 6, y: 3, w: 6, h: 8 } }];
    expect(nextPanelPos(panels)).toEqual({ x: 0, y: 11, w: 6, h: 7 });
    expect(nextPanelPos([])).toEqual({ x: 0, y: 0, w: 6, h: 7 });
    expect(nextPanelId(panels)).toBe(5);
  });

  it('detects overlaps but not touching edges', () => {
    expect(overlaps({ x: 0, y: 0, w: 6, h: 4 }, { x: 5, y: 3, w: 2, h: 2 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, w: 6, h: 4 }, { x: 6, y: 0, w: 6, h: 4 })).toBe(false);
  });
});
