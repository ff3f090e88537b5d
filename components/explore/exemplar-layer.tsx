'use client';

import Link from 'next/link';
import { useId } from 'react';
import { createPortal } from 'react-dom';
import { useChartWidth, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { formatInstant } from '@/lib/explore/time-axis';
import { formatDurationNs } from '@/lib/trace-model';
import type { SpanBriefView } from './use-exemplar-briefs';

/** One drawn exemplar, ready to render: position in data units, name, link (null = trace not stored). */
export interface ExemplarMarker {
  key: string;
  traceId: string;
  spanId: string | null;
  t: number;
  value: number;
  /** The chart series it belongs to (null: none matched). */
  seriesId: string | null;
  valueText: string;
  color: string;
  seriesName: string;
  /** The waterfall, or null when the trace is not stored. */
  href: string | null;
  brief: SpanBriefView | undefined;
  /** Accessible name: "Exemplar trace <32 hex>: <value>[, <service> <span>][, trace has errors][, trace not stored]". */
  label: string;
}

export interface ActiveExemplar {
  key: string;
  /** Opened by a click on a not-stored marker: stays until dismissed. */
  sticky: boolean;
}

interface ExemplarLayerProps {
  markers: readonly ExemplarMarker[];
  /** The HTML layer over the chart the markers are portalled into (same origin as the chart's SVG). */
  overlay: HTMLElement | null;
  active: ActiveExemplar | null;
  onActivate: (next: ActiveExemplar | null) => void;
}

/**
 * Exemplar markers as real links (stored traces) or buttons (not stored), placed with the chart's own
 * scales. Rendered inside the Recharts chart (for the scales) but portalled into an HTML layer, so each
 * marker is an ordinary focusable element in tab order after the chart, with a hover/focus card.
 */
export function ExemplarLayer({ markers, overlay, active, onActivate }: ExemplarLayerProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const chartWidth = useChartWidth() ?? 0;
  const tooltipId = useId();
  if (!overlay || !xScale || !yScale || !plot) return null;

  const placed = markers.flatMap((m) => {
    const x = xScale(m.t);
    const y = yScale(m.value);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return [];
    // Keep markers on the plot even when a value sits just outside the domain.
    return [{ m, x, y: Math.min(plot.y + plot.height, Math.max(plot.y, y)) }];
  });
  const shown = active ? placed.find((p) => p.m.key === active.key) : undefined;

  return createPortal(
    <>
      <ul aria-label="Exemplars" className="absolute inset-0 m-0 list-none p-0">
        {placed.map(({ m, x, y }) => {
          const isActive = active?.key === m.key;
          const common = {
            'data-exemplar': '',
            'aria-label': m.label,
            'aria-describedby': isActive ? tooltipId : undefined,
            // The hovered or focused marker rises above its neighbours, so a click lands on the one the card describes.
            className: 'pointer-events-auto absolute flex size-4 items-center justify-center rounded-sm hover:z-10 focus:z-10 focus-visible:outline-2 focus-visible:outline-accent',
            style: { left: x, top: y, transform: 'translate(-50%, -50%)' },
            onMouseEnter: () => { if (!active?.sticky) onActivate({ key: m.key, sticky: false }); },
            onMouseLeave: () => { if (!active?.sticky) onActivate(null); },
            onFocus: () => onActivate({ key: m.key, sticky: false }),
            onBlur: () => onActivate(null),
          };
          const diamond = (
            <span aria-hidden="true" className="block size-2.5 rotate-45 rounded-[1px] border-2"
              style={m.href ? { backgroundColor: m.color, borderColor: 'var(--color-canvas)' } : { borderColor: m.color, backgroundColor: 'var(--color-canvas)' }} />
          );
          return (
            <li key={m.key}>
              {m.href ? (
                <Link href={m.href} prefetch={false} {...common}>{diamond}</Link>
              ) : (
                <button type="button" {...common} aria-expanded={isActive && active?.sticky}
                  onClick={() => onActivate(isActive && active?.sticky ? null : { key: m.key, sticky: true })}
                  onKeyDown={(e) => { if (e.key === 'Escape') onActivate(null); }}>
                  {diamond}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {shown && (
        <div id={tooltipId} role="tooltip"
          className="pointer-events-none absolute z-10 w-72 rounded-md border border-line-strong bg-panel-raised px-3 py-2 text-xs shadow-lg"
          style={{
            top: Math.max(0, shown.y - 12),
            ...(shown.x > chartWidth * 0.6 ? { right: chartWidth - shown.x + 14 } : { left: shown.x + 14 }),
          }}>
          <ExemplarCard marker={shown.m} />
        </div>
      )}
    </>,
    overlay,
  );
}

function ExemplarCard({ marker }: { marker: ExemplarMarker }) {
  const b = marker.brief;
  const duration = b?.durationNs !== null && b?.durationNs !== undefined ? formatDurationNs(Number(b.durationNs)) : null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
      <dt className="text-fg-muted">Trace</dt>
      <dd className="break-all font-mono">{marker.traceId}</dd>
      {marker.spanId && (<><dt className="text-fg-muted">Span</dt><dd className="font-mono">{marker.spanId}</dd></>)}
      {b?.serviceName && (<><dt className="text-fg-muted">Service</dt><dd>{b.serviceName}</dd></>)}
      {b?.spanName && (<><dt className="text-fg-muted">Span name</dt><dd className="break-words">{b.spanName}</dd></>)}
      {duration && (<><dt className="text-fg-muted">Duration</dt><dd className="font-mono">{duration}</dd></>)}
      {b?.traceErrorCount ? (<><dt className="text-fg-muted">Errors</dt><dd className="text-red-300">{b.traceErrorCount} span{b.traceErrorCount === 1 ? '' : 's'} in the trace</dd></>) : null}
      <dt className="text-fg-muted">Value</dt>
      <dd className="font-mono">{marker.valueText}</dd>
      <dt className="text-fg-muted">At</dt>
      <dd className="font-mono">{formatInstant(marker.t)}</dd>
      <dt className="text-fg-muted">Series</dt>
      <dd className="break-all font-mono">{marker.seriesName}</dd>
      <dd className="col-span-2 mt-1 text-fg-muted">
        {marker.href
          ? (b ? 'Click to open the trace at this span.' : 'Loading details… Click to open the trace.')
          : 'Trace not stored: Sightline has no span of this trace (not sent, sampled out, or deleted by retention).'}
      </dd>
    </dl>
  );
}
