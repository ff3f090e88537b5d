'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { useTimeRange } from '@/components/time-range/use-time-range';
import { BUTTON, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { readRefresh, searchWithVariable } from '@/lib/dashboards/dashboard-url';
import { nextPanelId, nextPanelPos } from '@/lib/dashboards/layout';
import type { DashboardModel, DashboardPanel } from '@/lib/dashboards/model';
import { DashboardGrid } from './dashboard-grid';
import { DashboardRuntimeProvider } from './dashboard-runtime';
import { PanelEditor } from './panel-editor';
import { RefreshPicker } from './refresh-picker';
import { useAnnotations } from './use-annotations';
import { useDashboardClock } from './use-dashboard-clock';
import { useVariables } from './use-variables';
import { VariablesBar } from './variables-bar';

/** /dashboards/<uid>: the variables bar, auto-refresh, the panel grid and edit mode. */
export function DashboardView({ uid }: { uid: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.dashboards.get.queryOptions({ uid }));
  if (query.isPending) return <LoadingPanel label="Loading dashboard…" />;
  if (query.isError) {
    return (
      <div className="flex flex-col gap-3">
        <ErrorBanner title="Dashboard unavailable:" message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        <Link href="/dashboards" className="text-accent hover:underline">All dashboards</Link>
      </div>
    );
  }
  return <LoadedDashboard key={query.data.version} model={query.data.model} version={query.data.version} provisioned={query.data.provisioned} />;
}

function LoadedDashboard({ model, version, provisioned }: { model: DashboardModel; version: number; provisioned: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { range: urlRange, setRange } = useTimeRange();
  const range = !params.has('from') && !params.has('to') && model.time ? model.time : urlRange;
  const refresh = readRefresh(params, model.refresh ?? 'off');
  const clock = useDashboardClock(range, refresh);
  const [draft, setDraft] = useState<DashboardModel | null>(null);
  const [editingPanel, setEditingPanel] = useState<DashboardPanel | null>(null);
  const shown = draft ?? model;
  const fromMs = 'error' in clock ? Date.now() - 3_600_000 : clock.fromMs;
  const toMs = 'error' in clock ? Date.now() : clock.toMs;
  const variables = useVariables(shown.variables, fromMs, toMs);
  const serviceVar = variables.vars.service?.values[0];
  const annotations = useAnnotations(fromMs, toMs, serviceVar && serviceVar !== '$__all' ? serviceVar : undefined);

  const save = useMutation(trpc.dashboards.update.mutationOptions({
    onSuccess: async () => {
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: trpc.dashboards.get.queryKey({ uid: model.uid }) });
    },
  }));

  const replaceUrl = (search: string) => router.replace(`${pathname}?${search}`, { scroll: false });
  const addPanel = () => {
    const base = draft ?? model;
    const panel: DashboardPanel = {
      id: nextPanelId(base.panels), type: 'timeseries', title: 'New panel', gridPos: nextPanelPos(base.panels),
      targets: [{ expr: 'sum(rate(traces_spanmetrics_calls_total[1m]))' }],
      options: { unit: 'auto', stacked: false, thresholds: [], exemplars: true },
    };
    setEditingPanel(panel);
  };
  const applyPanel = (panel: DashboardPanel) => {
    const base = draft ?? model;
    const exists = base.panels.some((p) => p.id === panel.id);
    setDraft({ ...base, panels: exists ? base.panels.map((p) => (p.id === panel.id ? panel : p)) : [...base.panels, panel] });
    setEditingPanel(null);
  };

  return (
    <DashboardRuntimeProvider value={{ range, fromMs, toMs, vars: variables.vars, annotations, onZoom: (a, b) => setRange({ from: String(a), to: String(b) }) }}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="mr-auto">
            <p className="text-xs text-fg-muted"><Link href="/dashboards" className="hover:underline">Dashboards</Link></p>
            <h1 className="text-xl font-semibold text-fg">{shown.title}</h1>
            {provisioned && <p className="text-xs text-fg-muted">Provisioned from a file: the file wins when it changes.</p>}
          </div>
          <VariablesBar states={variables.states} onChange={(name, values) => replaceUrl(searchWithVariable(params.toString(), name, values))} />
          <RefreshPicker value={refresh} onChange={(next) => {
            const p = new URLSearchParams(params.toString());
            if (next === 'off') p.delete('refresh'); else p.set('refresh', next);
            replaceUrl(p.toString());
          }} />
          {draft ? (
            <div className="flex gap-2">
              <button type="button" className={BUTTON} onClick={addPanel}>Add panel</button>
              <button type="button" className={PRIMARY_BUTTON} disabled={save.isPending}
                onClick={() => save.mutate({ uid: model.uid, version, model: draft })}>
                {save.isPending ? 'Saving…' : 'Save dashboard'}
              </button>
              <button type="button" className={BUTTON} onClick={() => { setDraft(null); save.reset(); }}>Discard changes</button>
            </div>
          ) : (
            <button type="button" className={BUTTON} onClick={() => setDraft(model)}>Edit dashboard</button>
          )}
        </div>
        {draft && (
          <label className="flex max-w-md flex-col gap-1 text-xs font-medium text-fg-muted">
            Dashboard title
            <input className="rounded-md border border-line-strong bg-canvas px-2 py-1.5 text-sm text-fg" value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          </label>
        )}
        {save.isError && <ErrorBanner title="Not saved:" message={save.error.message} />}
        {'error' in clock && <ErrorBanner title="Invalid time range." message={clock.error} />}
        {editingPanel && (
          <PanelEditor key={editingPanel.id} panel={editingPanel} dashboard={draft ?? model} onApply={applyPanel} onCancel={() => setEditingPanel(null)} />
        )}
        <DashboardGrid panels={shown.panels} editing={draft !== null}
          onEdit={(id) => setEditingPanel(shown.panels.find((p) => p.id === id) ?? null)}
          onRemove={(id) => setDraft({ ...(draft ?? model), panels: (draft ?? model).panels.filter((p) => p.id !== id) })} />
      </div>
    </DashboardRuntimeProvider>
  );
}
