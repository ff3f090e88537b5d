'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, useActiveTooltipLabel, usePlotArea,
  type TooltipContentProps,
} from 'recharts';
import { BUTTON } from '@/components/ui/form-styles';
import type { TimeRangeInput } from '@/lib/time-range';
import { exemplarTraceHref, shortTraceId } from '@/lib/explore/exemplar-links';
import type { ExemplarPoint } from '@/lib/explore/exemplars';
import { nearestRow, type ChartRow, type ChartSeries } from '@/lib/explore/series';
import { thinExemplars } from '@/lib/explore/thin-exemplars';
import { formatInstant, formatTimeTick, timeTicks } from '@/lib/explore/time-axis';
import { minDurationText, tracesAroundHref } from '@/lib/explore/traces-around';
import { formatValue, isDurationUnit, type ValueUnit } from '@/lib/explore/units';
import { valueAxis } from '@/lib/explore/value-axis';
import { AnnotationMarkers, type ChartAnnotation } from '@/components/charts/annotation-markers';
import { ExemplarLayer, type ActiveExemplar, type ExemplarMarker } from './exemplar-layer';
import { briefKey, useExemplarBriefs } from './use-exemplar-briefs';
import { useDragSelect } from '@/components/charts/use-drag-select';

export interface ChartQuery { expr: string; unit: ValueUnit }

interface TimeSeriesChartProps {
  rows: readonly ChartRow[];
  /** Visible series only. */
  series: readonly ChartSeries[];
  /** By query index. */
  queries: readonly ChartQuery[];
  axisUnit: ValueUnit;
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** Every exemplar of the visible series, unthinned. */
  exemplars: readonly ExemplarPoint[];
  /** The URL's range as written (links keep relative expressions). */
  range: TimeRangeInput;
  caption: string;
  onZoom: (fromMs: number, toMs: number) => void;
  /** Height of the plot box in px (dashboards size it from the panel); 320 px (h-80) by default. */
  heightPx?: number;
  /** Stack the series as areas (dashboards' "stacked" option). */
  stacked?: boolean;
  /** Horizontal threshold lines. */
  thresholds?: readonly { value: number; color: string }[];
  /** A crosshair shared with other charts: `t` is drawn here, hovering here reports the time (epoch ms). */
  crosshair?: { t: number | null; onHover: (t: number | null) => void };
  annotations?: readonly ChartAnnotation[];
}

const MARGIN = { top: 12, right: 16, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 72;
/** Exemplar thinning: at most one marker per 6 px column per series, and a hard cap per chart. */
const EXEMPLAR_COLUMN_PX = 6;
const MAX_MARKERS = 600;
const TOOLTIP_ROWS = 12;
const UNMATCHED_EXEMPLAR_COLOR = '#e3e8ef';

interface Plot { x: number; y: number; width: number; height: number }

/** Reports the plot area and the keyboard/hover tooltip's time from inside the chart. */
function ChartProbe({ onPlot, activeLabel }: { onPlot: (p: Plot) => void; activeLabel: { current: number | null } }) {
  const plot = usePlotArea();
  const label = useActiveTooltipLabel();
  activeLabel.current = label === undefined ? null : Number(label);
  const { x = 0, y = 0, width = 0, height = 0 } = plot ?? {};
  useEffect(() => { if (width > 0) onPlot({ x, y, width, height }); }, [x, y, width, height, onPlot]);
  return null;
}

/** The hover tooltip: every visible series' value at the hovered time, highest first. */
function SeriesTooltip({ active, payload, label, unitOf, nameOf }: TooltipContentProps<number, string> & {
  unitOf: (dataKey: string) => ValueUnit; nameOf: (dataKey: string) => string;
}) {
  if (!active || !payload?.length || label === undefined) return null;
  const entries = payload
    .filter((p) => typeof p.value === 'number' && Number.isFinite(p.value))
    .sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div className="max-w-md rounded-md border border-line-strong bg-panel-raised px-3 py-2 text-xs shadow-lg">
      <p className="mb-1 font-mono text-fg-muted">{formatInstant(Number(label))}</p>
      <ul className="flex flex-col gap-0.5">
        {entries.slice(0, TOOLTIP_ROWS).map((p) => (
          <li key={String(p.dataKey)} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: p.color }} />
            <span className="min-w-0 flex-1 truncate">{nameOf(String(p.dataKey))}</span>
            <span className="font-mono tabular-nums">{formatValue(Number(p.value), unitOf(String(p.dataKey)))}</span>
          </li>
        ))}
      </ul>
      {entries.length > TOOLTIP_ROWS && <p className="mt-1 text-fg-muted">and {entries.length - TOOLTIP_ROWS} more</p>}
      <p className="mt-1 text-fg-muted">Click to pin: links to exemplars and to traces around this time.</p>
    </div>
  );
}

/**
 * Lines for every visible series on a time axis, exemplars as markers, drag-to-zoom, and a pinned view
 * of one instant (click, or Enter while the chart has focus) with links to traces.
 */
export function TimeSeriesChart({
  rows, series, queries, axisUnit, fromMs, toMs, stepMs, exemplars, range, caption, onZoom,
  heightPx, stacked = false, thresholds = [], crosshair, annotations = [],
}: TimeSeriesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null);
  const [plot, setPlot] = useState<Plot | null>(null);
  const activeLabel = useRef<number | null>(null);
  const [activeExemplar, setActiveExemplar] = useState<ActiveExemplar | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);

  const seriesById = useMemo(() => new Map(series.map((s) => [s.id, s])), [series]);
  const unitOfQuery = (queryIndex: number) => queries[queryIndex]?.unit ?? 'none';

  const thinned = useMemo(
    () => (plot ? thinExemplars(exemplars, { fromMs, toMs, widthPx: plot.width, columnPx: EXEMPLAR_COLUMN_PX, maxTotal: MAX_MARKERS }) : []),
    [exemplars, fromMs, toMs, plot],
  );
  const briefs = useExemplarBriefs(thinned);
  const markers: ExemplarMarker[] = thinned.map((e) => {
    const brief = briefs.byKey.get(briefKey(e.traceId, e.spanId));
    const stored = brief ? brief.traceStored : true; // until we know, assume stored: it usually is
    const s = e.seriesId ? seriesById.get(e.seriesId) : undefined;
    const valueText = formatValue(e.value, unitOfQuery(e.queryIndex));
    const who = brief?.serviceName ? `, ${brief.serviceName}${brief.spanName ? ` ${brief.spanName}` : ''}` : '';
    return {
      key: e.key, traceId: e.traceId, spanId: e.spanId, t: e.t, value: e.value, seriesId: e.seriesId, valueText,
      color: s?.color ?? UNMATCHED_EXEMPLAR_COLOR,
      seriesName: s?.name ?? queries[e.queryIndex]?.expr ?? '',
      href: stored ? exemplarTraceHref(e.traceId, e.spanId, range) : null,
      brief,
      label: `Exemplar trace ${e.traceId}: ${valueText}${who}${brief?.traceErrorCount ? ', trace has errors' : ''}${stored ? '' : ', trace not stored'}`,
    };
  });

  const yAxis = useMemo(() => {
    const values: number[] = [];
    for (const row of rows) for (const s of series) { const v = row[s.id]; if (typeof v === 'number') values.push(v); }
    for (const e of thinned) values.push(e.value);
    if (stacked) {
      // A stack's top is the sum of the row's values.
      for (const row of rows) values.push(series.reduce((sum, s) => sum + (typeof row[s.id] === 'number' ? (row[s.id] as number) : 0), 0));
    }
    for (const t of thresholds) values.push(t.value);
    return valueAxis(values);
  }, [rows, series, thinned, stacked, thresholds]);
  const xAxis = useMemo(() => {
    const maxTicks = Math.max(2, Math.floor((plot?.width ?? 600) / 90));
    return timeTicks(fromMs, toMs, maxTicks, -new Date(fromMs).getTimezoneOffset() * 60_000);
  }, [fromMs, toMs, plot?.width]);

  /** Pixel x within the box → epoch ms, from the measured plot area. */
  const toTime = (px: number) => {
    const p = plot ?? { x: MARGIN.left + Y_AXIS_WIDTH, width: (box.current?.clientWidth ?? 1) - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH };
    const ratio = Math.min(1, Math.max(0, (px - p.x) / Math.max(1, p.width)));
    return fromMs + ratio * (toMs - fromMs);
  };
  // A press on an exemplar marker follows it; anywhere else it may start a drag (a mere click pins a time).
  const { handlers, selection, consumeDragged } = useDragSelect({
    box, toTime, onSelect: (a, b) => { if (b - a >= 1000) onZoom(a, b); },
    ignore: (target) => target.closest('[data-exemplar]') !== null,
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { setPinned(null); setActiveExemplar(null); return; }
    const onChart = (e.target as Element).closest?.('.recharts-wrapper, svg.recharts-surface') !== null;
    if (onChart && (e.key === 'Enter' || e.key === ' ') && activeLabel.current !== null) {
      e.preventDefault();
      setPinned(activeLabel.current);
    }
  };

  const zoomOut = () => {
    const width = toMs - fromMs;
    const to = Math.min(Date.now(), toMs + width / 2);
    onZoom(Math.floor(to - 2 * width), Math.ceil(to));
  };

  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-2">
      <figcaption className="flex flex-wrap items-center gap-3 px-2 text-xs text-fg-muted">
        <span>{caption}</span>
        <span>· drag across the chart to zoom in; click a time to pin it</span>
        <button type="button" className={`${BUTTON} ml-auto py-0.5 text-xs`} onClick={zoomOut}>Zoom out</button>
      </figcaption>
      <div
        ref={box} className={`relative ${heightPx ? '' : 'h-80'} select-none`} style={heightPx ? { height: heightPx } : undefined} onKeyDown={onKeyDown}
        {...handlers}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows as ChartRow[]} margin={MARGIN}
            onMouseMove={crosshair ? (state) => crosshair.onHover(state.activeLabel === undefined ? null : Number(state.activeLabel)) : undefined}
            onMouseLeave={crosshair ? () => crosshair.onHover(null) : undefined}
            onClick={(state) => {
              if (consumeDragged()) return;
              const t = state.activeLabel === undefined ? null : Number(state.activeLabel);
              if (t !== null && Number.isFinite(t)) setPinned(t);
            }}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={false} />
            <XAxis type="number" dataKey="t" domain={[fromMs, toMs]} ticks={xAxis.ticks} allowDataOverflow
              tickFormatter={(ms: number) => formatTimeTick(ms, xAxis.intervalMs, toMs - fromMs)}
              stroke="var(--color-fg-muted)" fontSize={11} />
            <YAxis type="number" width={Y_AXIS_WIDTH} domain={yAxis.domain} ticks={yAxis.ticks} allowDataOverflow
              tickFormatter={(v: number) => formatValue(v, axisUnit)} stroke="var(--color-fg-muted)" fontSize={11} />
            <Tooltip isAnimationActive={false} cursor={{ stroke: 'var(--color-line-strong)' }} active={activeExemplar ? false : undefined}
              content={(props) => (
                <SeriesTooltip {...(props as TooltipContentProps<number, string>)}
                  unitOf={(id) => unitOfQuery(seriesById.get(id)?.queryIndex ?? -1)}
                  nameOf={(id) => seriesById.get(id)?.name ?? id} />
              )} />
            {thresholds.map((t) => (
              <ReferenceLine key={`th-${t.value}`} y={t.value} stroke={t.color} strokeDasharray="4 4" ifOverflow="extendDomain" />
            ))}
            {crosshair?.t != null && crosshair.t >= fromMs && crosshair.t <= toMs && (
              <ReferenceLine x={crosshair.t} stroke="var(--color-fg-muted)" strokeWidth={1} data-crosshair="" />
            )}
            {stacked && series.map((s) => (
              <Area key={s.id} dataKey={s.id} name={s.name} type="linear" stackId="stack" stroke={s.color} fill={s.color} fillOpacity={0.25}
                strokeWidth={1.5} dot={false} activeDot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
            ))}
            {!stacked && series.map((s) => (
              <Line key={s.id} dataKey={s.id} name={s.name} type="linear" stroke={s.color} strokeWidth={1.5}
                dot={false} activeDot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
            ))}
            <ChartProbe onPlot={setPlot} activeLabel={activeLabel} />
            <ExemplarLayer markers={markers} overlay={overlay} active={activeExemplar} onActivate={setActiveExemplar} />
          </ComposedChart>
        </ResponsiveContainer>
        <div ref={setOverlay} className="pointer-events-none absolute inset-0" />
        {annotations.length > 0 && <AnnotationMarkers annotations={annotations} plot={plot} fromMs={fromMs} toMs={toMs} />}
        {selection}
      </div>
      <p className="px-2 text-xs text-fg-muted" aria-live="polite">
        {thinned.length === 0
          ? 'No exemplars in this range.'
          : `${thinned.length} exemplar${thinned.length === 1 ? '' : 's'} shown${thinned.length < exemplars.length ? ` (the slowest of ${exemplars.length})` : ''} · diamonds link to their traces${briefs.failed ? ' · trace details unavailable' : ''}`}
      </p>
      {pinned !== null && (
        <PinnedValues t={pinned} rows={rows} series={series} queries={queries} stepMs={stepMs} markers={markers}
          onClose={() => setPinned(null)} />
      )}
    </figure>
  );
}

interface PinnedValuesProps {
  t: number;
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  queries: readonly ChartQuery[];
  stepMs: number;
  markers: readonly ExemplarMarker[];
  onClose: () => void;
}

/**
 * One instant of the chart: each series' value, with its exemplar when the step before that instant has
 * one, else "Traces around here" (the trace search over that step, slower than 80% of a latency).
 */
function PinnedValues({ t: clickedT, rows, series, queries, stepMs, markers, onClose }: PinnedValuesProps) {
  const row = nearestRow(rows, clickedT);
  if (!row) return null;
  const t = row.t;
  const title = `Values at ${formatInstant(t)}`;
  const entries = series
    .map((s) => ({ s, v: row[s.id] }))
    .filter((e): e is { s: ChartSeries; v: number } => typeof e.v === 'number')
    .sort((a, b) => b.v - a.v);
  const markerFor = (s: ChartSeries) => {
    let best: ExemplarMarker | undefined;
    for (const m of markers) {
      if (m.seriesId === s.id && m.t > t - stepMs && m.t <= t && (!best || m.value > best.value)) best = m;
    }
    return best;
  };
  return (
    <section aria-label={title} className="rounded-md border border-line bg-canvas p-2">
      <div className="mb-1 flex items-center gap-2">
        <h2 className="text-sm font-semibold text-fg">{title}</h2>
        <button type="button" className={`${BUTTON} ml-auto py-0.5 text-xs`} onClick={onClose}>Unpin</button>
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-fg-muted">No series has a value at this time.</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="text-left text-xs text-fg-muted">
              <th scope="col" className="px-2 py-1 font-semibold">Series</th>
              <th scope="col" className="px-2 py-1 text-right font-semibold">Value</th>
              <th scope="col" className="px-2 py-1 font-semibold">Traces</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, 50).map(({ s, v }) => {
              const unit = queries[s.queryIndex]?.unit ?? 'none';
              const marker = markerFor(s);
              return (
                <tr key={s.id} className="border-t border-line">
                  <th scope="row" className="max-w-xl px-2 py-1 text-left font-normal">
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: s.color }} />
                      <span className="truncate font-mono text-xs" title={s.name}>{s.name}</span>
                    </span>
                  </th>
                  <td className="px-2 py-1 text-right font-mono tabular-nums">{formatValue(v, unit)}</td>
                  <td className="px-2 py-1">
                    {marker?.href ? (
                      <Link href={marker.href} prefetch={false} className="text-accent hover:text-accent-strong hover:underline">
                        Open exemplar trace {shortTraceId(marker.traceId)} ({marker.valueText})
                      </Link>
                    ) : (
                      <Link prefetch={false} className="text-accent hover:text-accent-strong hover:underline"
                        aria-label={`Traces around here for ${s.name}`}
                        href={tracesAroundHref({ labels: s.labels, expr: queries[s.queryIndex]?.expr ?? '', t, stepMs, value: v, unit })}>
                        Traces around here{isDurationUnit(unit) && minDurationText(v, unit) ? ` (≥ ${minDurationText(v, unit)})` : ''}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
