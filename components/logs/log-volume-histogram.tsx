'use client';

import { useRef, useState, type PointerEvent } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatLocalDateTime } from '@/lib/format-time';
import { histogramBars, type HistogramBar } from '@/lib/log-histogram';
import { SEVERITY_COLORS, SEVERITY_LEVELS } from '@/lib/log-severity';
import type { LogHistogramData } from './types';

interface LogVolumeHistogramProps {
  data: LogHistogramData;
  /** Narrow the time range to [fromMs, toMs] (epoch ms): a drag across the chart or a click on a bar. */
  onZoom: (fromMs: number, toMs: number) => void;
}

const MARGIN = { top: 8, right: 12, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 48;
const DRAG_THRESHOLD_PX = 6;
const tick = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Records per time bucket, stacked by severity. Drag across it to narrow the range; click a bar to narrow to it. */
export function LogVolumeHistogram({ data, onZoom }: LogVolumeHistogramProps) {
  const box = useRef<HTMLDivElement>(null);
  /** Where the pointer went down (px in the box); a drag is drawn only once it moves past the threshold. */
  const start = useRef<number | null>(null);
  const [drag, setDrag] = useState<{ startX: number; x: number } | null>(null);
  const bars = histogramBars(data.counts, data.fromMs, data.toMs, data.bucketMs);
  const total = bars.reduce((n, b) => n + b.total, 0);
  const levels = SEVERITY_LEVELS.filter((l) => bars.some((b) => b[l] > 0));
  const first = bars[0]?.startMs ?? data.fromMs;
  const last = bars.at(-1)?.endMs ?? data.toMs;

  /** Pixel x in the plot → epoch ms (bars are evenly spaced over [first, last]). */
  const toTime = (px: number) => {
    const width = (box.current?.clientWidth ?? 1) - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH;
    const ratio = Math.min(1, Math.max(0, (px - MARGIN.left - Y_AXIS_WIDTH) / width));
    return first + ratio * (last - first);
  };
  const localX = (e: PointerEvent) => e.clientX - (box.current?.getBoundingClientRect().left ?? 0);
  // Clicks are resolved here from the pointer position rather than by Recharts' Bar onClick: a
  // re-render between pointerdown and pointerup can replace the bar's element and lose the click.
  const onPointerUp = (e: PointerEvent) => {
    if (start.current === null) return;
    const startX = start.current;
    const endX = localX(e);
    start.current = null;
    setDrag(null);
    if (Math.abs(endX - startX) < DRAG_THRESHOLD_PX) {
      const bar = bars[Math.floor((toTime(endX) - first) / data.bucketMs)];
      if (bar && bar.total > 0) onZoom(bar.startMs, bar.endMs);
      return;
    }
    const [a, b] = [toTime(startX), toTime(endX)].sort((p, q) => p - q);
    onZoom(Math.floor(a), Math.ceil(b));
  };

  return (
    <figure className="rounded-lg border border-line bg-panel p-2">
      <figcaption className="flex flex-wrap items-center gap-3 px-2 pb-1 text-xs text-fg-muted">
        <span>Log volume · {total.toLocaleString('en-US')} records · {Math.round(data.bucketMs / 1000)} s per bar · drag to zoom, click a bar to narrow to it</span>
        <ul aria-label="Severity colours" className="flex gap-2">
          {levels.map((l) => <li key={l} className="flex items-center gap-1"><span aria-hidden="true" className="inline-block size-2 rounded-sm" style={{ background: SEVERITY_COLORS[l] }} />{l}</li>)}
        </ul>
      </figcaption>
      <div ref={box} className="relative h-32 select-none" data-testid="log-volume"
        onPointerDown={(e) => { start.current = localX(e); }}
        onPointerMove={(e) => {
          const x = localX(e);
          if (start.current !== null && (drag || Math.abs(x - start.current) >= DRAG_THRESHOLD_PX)) setDrag({ startX: start.current, x });
        }}
        onPointerUp={onPointerUp}
        onPointerLeave={() => { start.current = null; setDrag(null); }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={MARGIN} barCategoryGap={1}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="startMs" tickFormatter={tick} stroke="var(--color-fg-muted)" fontSize={11} minTickGap={40} />
            <YAxis width={Y_AXIS_WIDTH} stroke="var(--color-fg-muted)" fontSize={11} allowDecimals={false} />
            <Tooltip cursor={{ fill: 'var(--color-panel-raised)' }} content={({ payload }) => {
              const bar = payload?.[0]?.payload as HistogramBar | undefined;
              if (!bar) return null;
              return (
                <div className="rounded border border-line bg-panel-raised px-2 py-1 text-xs">
                  <div>{formatLocalDateTime(bar.startMs)} · {bar.total} records</div>
                  {levels.filter((l) => bar[l] > 0).map((l) => <div key={l} style={{ color: SEVERITY_COLORS[l] }}>{l}: {bar[l]}</div>)}
                </div>
              );
            }} />
            {levels.map((l) => (
              <Bar key={l} dataKey={l} stackId="severity" fill={SEVERITY_COLORS[l]} isAnimationActive={false} className="cursor-pointer" />
            ))}
          </BarChart>
        </ResponsiveContainer>
        {drag && (
          <div aria-hidden="true" className="pointer-events-none absolute inset-y-2 bg-accent/20 ring-1 ring-accent"
            style={{ left: Math.min(drag.startX, drag.x), width: Math.abs(drag.x - drag.startX) }} />
        )}
      </div>
    </figure>
  );
}
