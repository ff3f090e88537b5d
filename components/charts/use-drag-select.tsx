'use client';

import { useRef, useState, type PointerEvent, type RefObject } from 'react';

/** Pointer travel (px) below which a press is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 6;

interface DragSelectOptions {
  /** The positioned box the pointer handlers and the selection overlay live in. */
  box: RefObject<HTMLDivElement | null>;
  /** Pixel x within the box → epoch ms (the chart's own scale). */
  toTime: (px: number) => number;
  /** Called with the dragged window [fromMs, toMs], whole milliseconds, once the pointer is released. */
  onSelect: (fromMs: number, toMs: number) => void;
  /** Presses that must not start a drag (markers and links inside the chart handle their own clicks). */
  ignore?: (target: Element, e: PointerEvent) => boolean;
}

/**
 * Drag across a time chart to select a window (charts zoom into it). Returns the box's pointer handlers,
 * the overlay to draw while dragging, and `consumeDragged()`, true once right after a completed drag so a
 * chart's own click handler can tell a drag's trailing click from a real one.
 */
export function useDragSelect({ box, toTime, onSelect, ignore }: DragSelectOptions) {
  const [drag, setDrag] = useState<{ startX: number; x: number } | null>(null);
  const dragged = useRef(false);
  const localX = (e: PointerEvent) => e.clientX - (box.current?.getBoundingClientRect().left ?? 0);

  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0 || ignore?.(e.target as Element, e)) return;
      setDrag({ startX: localX(e), x: localX(e) });
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => { if (drag) setDrag({ ...drag, x: localX(e) }); },
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
      if (!drag) return;
      const endX = localX(e);
      setDrag(null);
      if (Math.abs(endX - drag.startX) < DRAG_THRESHOLD_PX) return; // a click: the chart handles it
      dragged.current = true;
      const [a, b] = [toTime(drag.startX), toTime(endX)].sort((p, q) => p - q);
      onSelect(Math.floor(a), Math.ceil(b));
    },
    onPointerLeave: () => setDrag(null),
  };

  const selection = drag && Math.abs(drag.x - drag.startX) >= DRAG_THRESHOLD_PX
    ? (
      <div aria-hidden="true" className="pointer-events-none absolute inset-y-2 bg-accent/20 ring-1 ring-accent"
        style={{ left: Math.min(drag.startX, drag.x), width: Math.abs(drag.x - drag.startX) }} />
    )
    : null;

  const consumeDragged = () => {
    const was = dragged.current;
    dragged.current = false;
    return was;
  };

  return { handlers, selection, consumeDragged };
}
