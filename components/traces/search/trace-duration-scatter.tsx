'use client';

import { useRef } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { unixNanoToMs } from '@/lib/time-range';
import { formatDurationNs } from '@/lib/trace-model';
import type { TraceSummaryView } from './trace-results-table';
import { useDragSelect } from '@/components/charts/use-drag-select';

interface TraceDurationScatterProps {
  traces: readonly TraceSummaryView[];
  /** The x domain: the resolved time range, epoch ms. */
  fromMs: number;
  toMs: number;
  onOpenTrace: (traceId: string) => void;
  /** Called with the window the user dragged across, epoch ms. */
  onZoom: (fromMs: number, toMs: number) => void;
}

interface Point { x: number; y: number; traceId: string; error: boolean; label: string }

const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 64;

const timeTick = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Each dot is a link to its trace (keyboard: Tab then Enter). Errors are red and drawn larger. */
function TraceDot(props: { cx?: number; cy?: number; payload?: Point; onOpen: (id: string) => void }) {
  const { cx, cy, payload, onOpen } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <circle
      cx={cx} cy={cy} r={payload.error ? 5 : 3.5} role="link" tabIndex={0} aria-label={payload.label}
      fill={payload.error ? 'var(--color-danger)' : 'var(--color-accent)'} fillOpacity={payload.error ? 0.95 : 0.7}
      stroke={payload.error ? '#fff' : 'none'} strokeWidth={payload.error ? 1 : 0} className="cursor-pointer"
      onClick={() => onOpen(payload.traceId)}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(payload.traceId); } }}
    />
  );
}

/** Trace duration over time; drag across the plot to narrow the time range. */
export function TraceDurationScatter({ traces, fromMs, toMs, onOpenTrace, onZoom }: TraceDurationScatterProps) {
  const box = useRef<HTMLDivElement>(null);
  const points: Point[] = traces.map((t) => ({
    x: unixNanoToMs(t.startTimeUnixNano), y: Number(t.durationNs) / 1e6, traceId: t.traceId, error: t.errorCount > 0,
    label: `Trace ${t.traceId}: ${t.rootSpanName ?? 'root not received'}, ${formatDurationNs(Number(t.durationNs))}${t.errorCount > 0 ? ', has errors' : ''}`,
  }));

  /** Pixel x within the plot area → epoch ms, using the fixed margins and axis width. */
  const toTime = (px: number) => {
    const width = (box.current?.clientWidth ?? 1) - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH;
    const ratio = Math.min(1, Math.max(0, (px - MARGIN.left - Y_AXIS_WIDTH) / width));
    return fromMs + ratio * (toMs - fromMs);
  };
  // A press on a dot (a link) opens its trace; anywhere else it may start a drag.
  const { handlers, selection } = useDragSelect({ box, toTime, onSelect: onZoom, ignore: (target) => target.getAttribute('role') === 'link' });

  return (
    <figure className="rounded-lg border border-line bg-panel p-2">
      <figcaption className="px-2 pb-1 text-xs text-fg-muted">
        Trace duration over time · {points.length} traces · red = errors · drag across the chart to zoom in
      </figcaption>
      <div
        ref={box} className="relative h-48 select-none" {...handlers}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={MARGIN}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis type="number" dataKey="x" domain={[fromMs, toMs]} tickFormatter={timeTick} stroke="var(--color-fg-muted)" fontSize={11} allowDataOverflow />
            <YAxis type="number" dataKey="y" width={Y_AXIS_WIDTH} stroke="var(--color-fg-muted)" fontSize={11}
              tickFormatter={(ms: number) => formatDurationNs(ms * 1e6)} />
            <Tooltip cursor={false} content={({ payload }) => {
              const p = payload?.[0]?.payload as Point | undefined;
              return p ? <div className="rounded border border-line bg-panel-raised px-2 py-1 text-xs">{p.label}</div> : null;
            }} />
            <Scatter data={points} isAnimationActive={false} shape={(props: unknown) => <TraceDot {...(props as object)} onOpen={onOpenTrace} />} />
          </ScatterChart>
        </ResponsiveContainer>
        {selection}
      </div>
    </figure>
  );
}
