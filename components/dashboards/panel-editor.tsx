'use client';

import { useEffect, useState } from 'react';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import { GRID_ROW_PX } from '@/lib/dashboards/layout';
import { PANEL_TYPES, parseDashboardModel, type DashboardModel, type DashboardPanel, type PanelType } from '@/lib/dashboards/model';
import { PanelView } from './panel-view';

const UNITS = ['auto', 'seconds', 'milliseconds', 'bytes', 'bytesPerSecond', 'ratio', 'percent', 'none'] as const;
const TYPE_LABELS: Record<PanelType, string> = { timeseries: 'Time series', stat: 'Stat', bargauge: 'Bar gauge', table: 'Table', logs: 'Logs', traces: 'Traces' };
/** The preview re-runs queries this long after the last keystroke, not on every one. */
const PREVIEW_DEBOUNCE_MS = 600;

interface PanelEditorProps {
  panel: DashboardPanel;
  dashboard: DashboardModel;
  onApply: (panel: DashboardPanel) => void;
  onCancel: () => void;
}

/** Title, type, queries, unit, thresholds and size of one panel, with a live preview. Validated on apply. */
export function PanelEditor({ panel: initial, dashboard, onApply, onCancel }: PanelEditorProps) {
  const [panel, setPanel] = useState<DashboardPanel>(initial);
  const [preview, setPreview] = useState<DashboardPanel>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPreview(panel), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [panel]);

  const searches = panel.type === 'logs' || panel.type === 'traces';
  const set = (patch: Partial<DashboardPanel>) => setPanel((p) => ({ ...p, ...patch }));
  const setOptions = (patch: Partial<DashboardPanel['options']>) => setPanel((p) => ({ ...p, options: { ...p.options, ...patch } }));
  const apply = () => {
    const others = dashboard.panels.filter((p) => p.id !== panel.id);
    const checked = parseDashboardModel({ ...dashboard, panels: [...others, panel] });
    if (!checked.ok) { setProblem(checked.message); return; }
    onApply(checked.model.panels.find((p) => p.id === panel.id) ?? panel);
  };

  return (
    <section role="dialog" aria-label={`Edit panel ${initial.title || initial.id}`} className="grid gap-4 rounded-lg border border-accent/60 bg-panel p-4 lg:grid-cols-2">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); apply(); }}>
        <div className="flex gap-3">
          <label className={`${LABEL} flex-1`}>Panel title<input className={INPUT} value={panel.title} onChange={(e) => set({ title: e.target.value })} /></label>
          <label className={LABEL}>Panel type
            <select className={INPUT} value={panel.type} onChange={(e) => set({ type: e.target.value as PanelType })}>
              {PANEL_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
            </select>
          </label>
        </div>
        {!searches && panel.targets.map((t, i) => (
          <fieldset key={i} className="flex flex-col gap-1 rounded-md border border-line p-2">
            <legend className="px-1 text-xs text-fg-muted">Query {i + 1}</legend>
            <label className={LABEL}>PromQL query {i + 1}
              <textarea className={`${INPUT} font-mono`} rows={2} value={t.expr}
                onChange={(e) => set({ targets: panel.targets.map((x, j) => (j === i ? { ...x, expr: e.target.value } : x)) })} />
            </label>
            <div className="flex items-end gap-2">
              <label className={`${LABEL} flex-1`}>Legend {i + 1} ({'{{label}}'} allowed)
                <input className={INPUT} value={t.legend ?? ''}
                  onChange={(e) => set({ targets: panel.targets.map((x, j) => (j === i ? { ...x, legend: e.target.value || undefined } : x)) })} />
              </label>
              <button type="button" className={BUTTON} onClick={() => set({ targets: panel.targets.filter((_, j) => j !== i) })}>Remove query {i + 1}</button>
            </div>
          </fieldset>
        ))}
        {!searches && <button type="button" className={`${BUTTON} self-start`} onClick={() => set({ targets: [...panel.targets, { expr: '' }] })}>Add query</button>}
        {searches && (
          <div className="flex flex-wrap gap-3">
            <label className={LABEL}>Service<input className={INPUT} value={panel.search?.service ?? ''} placeholder="$service"
              onChange={(e) => set({ search: { ...panel.search, service: e.target.value || undefined } })} /></label>
            {panel.type === 'logs' ? (
              <label className={LABEL}>Minimum severity<select className={INPUT} value={panel.search?.severity ?? ''}
                onChange={(e) => set({ search: { ...panel.search, severity: e.target.value || undefined } })}>
                {['', 'debug', 'info', 'warn', 'error', 'fatal'].map((s) => <option key={s} value={s}>{s || 'any'}</option>)}
              </select></label>
            ) : (
              <label className={LABEL}>Sort<select className={INPUT} value={panel.search?.sort ?? 'newest'}
                onChange={(e) => set({ search: { ...panel.search, sort: e.target.value as 'newest' | 'slowest' | 'errors' } })}>
                {['newest', 'slowest', 'errors'].map((s) => <option key={s} value={s}>{s}</option>)}
              </select></label>
            )}
          </div>
        )}
        <div className="flex flex-wrap items-end gap-3">
          {!searches && (
            <label className={LABEL}>Unit<select className={INPUT} value={panel.options.unit} onChange={(e) => setOptions({ unit: e.target.value as (typeof UNITS)[number] })}>
              {UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
            </select></label>
          )}
          {panel.type === 'timeseries' && (
            <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={panel.options.stacked} onChange={(e) => setOptions({ stacked: e.target.checked })} />Stacked</label>
          )}
          <label className={LABEL}>Column (0–11)<input type="number" min={0} max={11} className={`${INPUT} w-20`} value={panel.gridPos.x}
            onChange={(e) => set({ gridPos: { ...panel.gridPos, x: Number(e.target.value) } })} /></label>
          <label className={LABEL}>Row<input type="number" min={0} className={`${INPUT} w-20`} value={panel.gridPos.y}
            onChange={(e) => set({ gridPos: { ...panel.gridPos, y: Number(e.target.value) } })} /></label>
          <label className={LABEL}>Width (of 12)<input type="number" min={1} max={12} className={`${INPUT} w-20`} value={panel.gridPos.w}
            onChange={(e) => set({ gridPos: { ...panel.gridPos, w: Number(e.target.value), x: Math.min(panel.gridPos.x, 12 - Number(e.target.value)) } })} /></label>
          <label className={LABEL}>Height (rows)<input type="number" min={1} max={40} className={`${INPUT} w-20`} value={panel.gridPos.h}
            onChange={(e) => set({ gridPos: { ...panel.gridPos, h: Number(e.target.value) } })} /></label>
        </div>
        {!searches && (
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs text-fg-muted">Thresholds</legend>
            {panel.options.thresholds.map((t, i) => (
              <div key={i} className="flex items-end gap-2">
                <label className={LABEL}>Threshold {i + 1} value<input type="number" step="any" className={`${INPUT} w-28`} value={t.value}
                  onChange={(e) => setOptions({ thresholds: panel.options.thresholds.map((x, j) => (j === i ? { ...x, value: Number(e.target.value) } : x)) })} /></label>
                <label className={LABEL}>Threshold {i + 1} color<input type="color" className="h-8 w-12" value={t.color}
                  onChange={(e) => setOptions({ thresholds: panel.options.thresholds.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)) })} /></label>
                <button type="button" className={BUTTON} onClick={() => setOptions({ thresholds: panel.options.thresholds.filter((_, j) => j !== i) })}>Remove threshold {i + 1}</button>
              </div>
            ))}
            <button type="button" className={`${BUTTON} self-start`} onClick={() => setOptions({ thresholds: [...panel.options.thresholds, { value: 0, color: '#f2495c' }] })}>Add threshold</button>
          </fieldset>
        )}
        {problem && <p role="alert" className="text-sm text-red-300">{problem}</p>}
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY_BUTTON}>Apply panel</button>
          <button type="button" className={BUTTON} onClick={onCancel}>Cancel</button>
        </div>
      </form>
      <div aria-label="Preview" role="region" style={{ height: Math.max(4, preview.gridPos.h) * GRID_ROW_PX }}>
        <PanelView panel={preview} />
      </div>
    </section>
  );
}
