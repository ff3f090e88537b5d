'use client';

import { interpolatePlain, interpolatePromQL } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { exploreHref } from '@/lib/explore/explore-url';
import { useDashboardRuntime, type DashboardRuntime } from './dashboard-runtime';
import { PanelFrame } from './panel-frame';
import { BarGaugePanel } from './panels/bargauge-panel';
import { LogsPanel } from './panels/logs-panel';
import { StatPanel } from './panels/stat-panel';
import { TablePanel } from './panels/table-panel';
import { TimeseriesPanel } from './panels/timeseries-panel';
import { TracesPanel } from './panels/traces-panel';
import { severitiesAtLeast } from '@/lib/log-severity';

/** Where a panel's data continues: Explore for PromQL panels, /logs or /traces with the same filters. */
function panelLink(panel: DashboardPanel, rt: DashboardRuntime): { href: string; label: string } {
  const range = { from: String(rt.fromMs), to: String(rt.toMs) };
  const params = new URLSearchParams();
  const service = panel.search?.service ? interpolatePlain(panel.search.service, rt.vars) : '';
  if (panel.type === 'logs' || panel.type === 'traces') {
    if (service) params.set('service', service);
    if (panel.type === 'logs' && panel.search?.severity) params.set('severity', severitiesAtLeast(panel.search.severity).join(','));
    if (panel.type === 'traces') {
      if (panel.search?.sort && panel.search.sort !== 'newest') params.set('sort', panel.search.sort);
      if (panel.search?.errorsOnly) params.set('status', 'error');
      if (panel.search?.operation) params.set('operation', interpolatePlain(panel.search.operation, rt.vars));
    }
    params.set('from', range.from);
    params.set('to', range.to);
    return panel.type === 'logs' ? { href: `/logs?${params}`, label: 'Open in Logs' } : { href: `/traces?${params}`, label: 'Open in Traces' };
  }
  const rangeSeconds = (rt.toMs - rt.fromMs) / 1000;
  return { href: exploreHref(panel.targets.map((t) => interpolatePromQL(t.expr, rt.vars, { rangeSeconds })), range), label: 'Open in Explore' };
}

function PanelBody({ panel }: { panel: DashboardPanel }) {
  switch (panel.type) {
    case 'timeseries': return <TimeseriesPanel panel={panel} />;
    case 'stat': return <StatPanel panel={panel} />;
    case 'bargauge': return <BarGaugePanel panel={panel} />;
    case 'table': return <TablePanel panel={panel} />;
    case 'logs': return <LogsPanel panel={panel} />;
    case 'traces': return <TracesPanel panel={panel} />;
  }
}

interface PanelViewProps {
  panel: DashboardPanel;
  editing?: boolean;
  onEdit?: () => void;
  onRemove?: () => void;
}

/** One panel: its frame, its link out and the body for its type. */
export function PanelView({ panel, editing, onEdit, onRemove }: PanelViewProps) {
  const rt = useDashboardRuntime();
  return (
    <PanelFrame title={panel.title} link={panelLink(panel, rt)} editing={editing} onEdit={onEdit} onRemove={onRemove}>
      <PanelBody panel={panel} />
    </PanelFrame>
  );
}
