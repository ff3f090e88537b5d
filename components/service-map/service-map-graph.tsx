'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, type MouseEvent } from 'react';
import { serviceColor } from '@/lib/service-color';
import { DEFAULT_SERVICE_MAP_LAYOUT, layoutServiceMap } from '@/lib/service-map-layout';
import { describeStats, formatErrorPercent, formatP95, formatRate } from './format';
import type { ServiceMapEdgeView, ServiceMapNodeView } from './types';

interface ServiceMapGraphProps {
  nodes: readonly ServiceMapNodeView[];
  edges: readonly ServiceMapEdgeView[];
  /** Traces of a service (keeps the time range). */
  serviceHref: (service: string) => string;
}

const { nodeWidth: NODE_W, nodeHeight: NODE_H } = DEFAULT_SERVICE_MAP_LAYOUT;
/** Characters of a service name that fit in a node; longer names are cut with "…" (the link name is whole). */
const NAME_CHARS = 26;
const HALO = { paintOrder: 'stroke' } as const;

function shorten(name: string): string {
  return name.length <= NAME_CHARS ? name : `${name.slice(0, NAME_CHARS - 1)}…`;
}

/**
 * The map as SVG: one link per service (a box in its color) and per call (an arrow caller → callee). Links
 * navigate client-side unless opened in a new tab or window.
 */
export function ServiceMapGraph({ nodes, edges, serviceHref }: ServiceMapGraphProps) {
  const router = useRouter();
  const markerId = `service-map-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const layout = useMemo(
    () => layoutServiceMap(nodes.map((n) => n.service), edges.map((e) => ({ from: e.caller, to: e.callee }))),
    [nodes, edges],
  );
  const nodeData = useMemo(() => new Map(nodes.map((n) => [n.service, n])), [nodes]);
  const edgeData = useMemo(() => new Map(edges.map((e) => [`${e.caller}\u0000${e.callee}`, e])), [edges]);

  const follow = (href: string) => (event: MouseEvent<Element>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <svg
        role="group"
        aria-label="Service map: services and the calls between them"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="block max-w-none"
      >
        <defs>
          {(['ok', 'error'] as const).map((tone) => (
            <marker key={tone} id={`${markerId}-${tone}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
              orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className={tone === 'error' ? 'fill-danger' : 'fill-fg-muted'} />
            </marker>
          ))}
        </defs>

        <g>
          {layout.edges.map((geometry) => {
            const edge = edgeData.get(`${geometry.from}\u0000${geometry.to}`)!;
            const failing = edge.errorCount > 0;
            const href = serviceHref(edge.callee);
            return (
              <a key={`${edge.caller}\u0000${edge.callee}`} href={href} onClick={follow(href)} className="group"
                aria-label={`${edge.caller} → ${edge.callee}: ${describeStats(edge)}`}>
                <title>{`${edge.caller} → ${edge.callee}: open traces of ${edge.callee}`}</title>
                <path d={geometry.path} fill="none" stroke="transparent" strokeWidth={14} pointerEvents="stroke" />
                <path d={geometry.path} fill="none" strokeWidth={1.5} markerEnd={`url(#${markerId}-${failing ? 'error' : 'ok'})`}
                  className={`${failing ? 'stroke-danger/80' : 'stroke-fg-muted/60'} group-hover:stroke-accent group-focus-visible:stroke-accent`} />
                <text x={geometry.labelX} y={geometry.labelY - 4} textAnchor="middle" style={HALO}
                  className="fill-fg stroke-panel text-[11px] tabular-nums" strokeWidth={4}>
                  {formatRate(edge.ratePerSecond)} req/s · p95 {formatP95(edge.p95Ns)}
                </text>
                <text x={geometry.labelX} y={geometry.labelY + 10} textAnchor="middle" style={HALO}
                  className={`${failing ? 'fill-danger font-semibold' : 'fill-fg-muted'} stroke-panel text-[11px] tabular-nums`} strokeWidth={4}>
                  {formatErrorPercent(edge.errorPercent)} errors
                </text>
              </a>
            );
          })}
        </g>

        <g>
          {layout.nodes.map((position) => {
            const node = nodeData.get(position.id)!;
            const href = serviceHref(node.service);
            const failing = node.errorCount > 0;
            const left = position.x - NODE_W / 2;
            const top = position.y - NODE_H / 2;
            return (
              <a key={node.service} href={href} onClick={follow(href)} className="group"
                aria-label={`${node.service}: ${describeStats(node)}`}>
                <title>{`${node.service}: open its traces`}</title>
                <rect x={left} y={top} width={NODE_W} height={NODE_H} rx={8} strokeWidth={2} stroke={serviceColor(node.service)}
                  className="fill-panel-raised group-hover:fill-line group-focus-visible:stroke-accent" />
                <rect x={left} y={top} width={6} height={NODE_H} rx={3} fill={serviceColor(node.service)} aria-hidden="true" />
                <text x={left + 16} y={top + 22} className="fill-fg text-[13px] font-semibold">{shorten(node.service)}</text>
                <text x={left + 16} y={top + 42} className="fill-fg-muted text-[11px] tabular-nums">
                  {node.requestCount === 0 ? 'no requests received' : (
                    <>
                      {formatRate(node.ratePerSecond)} req/s ·{' '}
                      <tspan className={failing ? 'fill-danger font-semibold' : undefined}>{formatErrorPercent(node.errorPercent)} err</tspan>
                      {' '}· p95 {formatP95(node.p95Ns)}
                    </>
                  )}
                </text>
              </a>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
