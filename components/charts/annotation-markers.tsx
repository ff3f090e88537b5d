'use client';

import { useState } from 'react';
import { formatInstant } from '@/lib/explore/time-axis';

/** An annotation drawn on a time-series chart. Times in epoch ms. */
export interface ChartAnnotation {
  id: number;
  timeMs: number;
  timeEndMs: number | null;
  text: string;
  tags: readonly string[];
}

interface Plot { x: number; y: number; width: number; height: number }

/**
 * Vertical markers over the plot area, one per annotation in [fromMs, toMs]. Each is a focusable button
 * whose accessible name is its text (and time); hovering or focusing shows the text beside the line.
 */
export function AnnotationMarkers({ annotations, plot, fromMs, toMs }: { annotations: readonly ChartAnnotation[]; plot: Plot | null; fromMs: number; toMs: number }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!plot || toMs <= fromMs) return null;
  const xOf = (t: number) => plot.x + ((t - fromMs) / (toMs - fromMs)) * plot.width;
  return (
    <>
      {annotations.filter((a) => a.timeMs >= fromMs && a.timeMs <= toMs).map((a) => {
        const left = xOf(a.timeMs);
        const right = a.timeEndMs !== null ? xOf(Math.min(toMs, a.timeEndMs)) : left;
        const label = `Annotation at ${formatInstant(a.timeMs)}: ${a.text}`;
        return (
          <div key={a.id} className="pointer-events-none absolute" style={{ left, top: plot.y, height: plot.height, width: Math.max(1, right - left) }}>
            <div aria-hidden="true" className="absolute inset-y-0 left-0 border-l border-dashed border-amber-400" />
            {right > left + 1 && <div aria-hidden="true" className="absolute inset-0 bg-amber-400/10" />}
            <button
              type="button" aria-label={label} data-annotation=""
              className="pointer-events-auto absolute -top-2 -left-1.5 size-3 rotate-45 border border-amber-300 bg-amber-400 focus:outline focus:outline-2 focus:outline-accent"
              onMouseEnter={() => setOpen(a.id)} onMouseLeave={() => setOpen(null)}
              onFocus={() => setOpen(a.id)} onBlur={() => setOpen(null)}
            />
            {open === a.id && (
              <div role="tooltip" className="absolute top-3 left-2 z-10 w-max max-w-xs rounded-md border border-line-strong bg-panel-raised px-2 py-1 text-xs shadow-lg">
                <p className="font-mono text-fg-muted">{formatInstant(a.timeMs)}</p>
                <p className="text-fg">{a.text}</p>
                {a.tags.length > 0 && <p className="text-fg-muted">{a.tags.join(', ')}</p>}
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
