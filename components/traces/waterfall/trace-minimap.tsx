'use client';

import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { serviceColor } from '@/lib/service-color';
import { selectionFromWindow, windowFromSelection, type TraceSpanInput, type ViewWindow } from '@/lib/trace-model';

interface TraceMinimapProps {
  /** Spans in display order (fully expanded), drawn one thin line each. */
  spans: readonly TraceSpanInput[];
  full: ViewWindow;
  view: ViewWindow;
  onViewChange: (next: ViewWindow) => void;
}

const HEIGHT_PX = 56;

/** The whole trace in miniature (canvas: 10k spans cost one draw), with drag-to-zoom into a window. */
export function TraceMinimap({ spans, full, view, onViewChange }: TraceMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const width = c.clientWidth;
    c.width = width * devicePixelRatio;
    c.height = HEIGHT_PX * devicePixelRatio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(devicePixelRatio, devicePixelRatio);
    ctx.clearRect(0, 0, width, HEIGHT_PX);
    const span = Math.max(1, full.endNs - full.startNs);
    const rowH = Math.max(HEIGHT_PX / Math.max(spans.length, 1), 0.5);
    spans.forEach((s, i) => {
      ctx.fillStyle = s.statusCode === 2 ? '#ff8a80' : serviceColor(s.serviceName);
      const x = ((s.startNs - full.startNs) / span) * width;
      ctx.fillRect(x, i * rowH, Math.max(1, (s.durationNs / span) * width), Math.max(rowH, 1));
    });
  }, [spans, full]);

  const pct = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return Math.min(100, Math.max(0, ((e.clientX - r.left) / r.width) * 100));
  };
  const selection = drag ? { fromPct: Math.min(drag.from, drag.to), toPct: Math.max(drag.from, drag.to) } : selectionFromWindow(full, view);
  const zoomed = view.startNs > full.startNs || view.endNs < full.endNs;

  return (
    <div className="flex items-center gap-2">
      <div className="relative w-full cursor-crosshair select-none rounded border border-line bg-canvas" style={{ height: HEIGHT_PX }}
        title="Drag to zoom into part of the trace"
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); const p = pct(e); setDrag({ from: p, to: p }); }}
        onPointerMove={(e) => { if (drag) setDrag({ ...drag, to: pct(e) }); }}
        onPointerUp={() => {
          if (drag && Math.abs(drag.to - drag.from) > 0.5) onViewChange(windowFromSelection(full, Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)));
          setDrag(null);
        }}>
        <canvas ref={canvas} className="absolute inset-0 h-full w-full" aria-hidden="true" />
        <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 border-x-2 border-accent bg-accent/10"
          style={{ left: `${selection.fromPct}%`, width: `${selection.toPct - selection.fromPct}%` }} />
      </div>
      <button type="button" disabled={!zoomed} onClick={() => onViewChange(full)}
        className="shrink-0 rounded-md border border-line-strong px-2 py-1 text-xs text-fg hover:bg-panel-raised disabled:opacity-40">
        Reset zoom
      </button>
    </div>
  );
}
