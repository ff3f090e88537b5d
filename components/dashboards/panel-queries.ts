'use client';

import { useMemo } from 'react';
import { interpolatePromQL } from '@/lib/dashboards/interpolate';
import type { DashboardPanel } from '@/lib/dashboards/model';
import { autoStepSeconds } from '@/lib/explore/step';
import { guessUnit, type ValueUnit } from '@/lib/explore/units';
import { useDashboardRuntime } from './dashboard-runtime';

/** Points per series for a panel `w` columns wide: about one point per 4 px of a 1,200 px-wide grid. */
export function targetPoints(w: number): number {
  return Math.max(60, Math.round((w / 12) * 300));
}

/** A panel's PromQL with variables and builtins substituted, and the step it should use (seconds). */
export function usePanelQueries(panel: DashboardPanel) {
  const { fromMs, toMs, vars } = useDashboardRuntime();
  const stepSeconds = autoStepSeconds(toMs - fromMs, targetPoints(panel.gridPos.w));
  const exprs = useMemo(
    () => panel.targets.map((t) => interpolatePromQL(t.expr, vars, { rangeSeconds: (toMs - fromMs) / 1000, intervalSeconds: stepSeconds })),
    [panel.targets, vars, fromMs, toMs, stepSeconds],
  );
  return { exprs, stepSeconds, fromMs, toMs };
}

/** The panel's unit: its option, or guessed from the query ('auto'). */
export function panelUnit(panel: DashboardPanel, expr: string): ValueUnit {
  return panel.options.unit === 'auto' ? guessUnit(expr) : panel.options.unit;
}
