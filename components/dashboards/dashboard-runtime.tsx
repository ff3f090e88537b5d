'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartAnnotation } from '@/components/charts/annotation-markers';
import type { VariableValues } from '@/lib/dashboards/interpolate';
import type { TimeRangeInput } from '@/lib/time-range';

/** What every panel of a dashboard shares: the resolved range (epoch ms), variables and annotations. */
export interface DashboardRuntime {
  range: TimeRangeInput;
  fromMs: number;
  toMs: number;
  vars: VariableValues;
  annotations: readonly ChartAnnotation[];
  /** Drag-to-zoom on a chart sets the dashboard's range (epoch ms). */
  onZoom: (fromMs: number, toMs: number) => void;
}

const RuntimeContext = createContext<DashboardRuntime | null>(null);
// The crosshair changes on every mouse move: its own context, so only charts re-render.
const CrosshairContext = createContext<{ t: number | null; onHover: (t: number | null) => void } | null>(null);

export function DashboardRuntimeProvider({ value, children }: { value: DashboardRuntime; children: ReactNode }) {
  const [t, setT] = useState<number | null>(null);
  // Mouse moves arrive faster than frames: redraw every chart at most once per animation frame.
  const pending = useRef<{ frame: number | null; t: number | null }>({ frame: null, t: null });
  const onHover = useCallback((next: number | null) => {
    pending.current.t = next;
    if (pending.current.frame !== null) return;
    pending.current.frame = requestAnimationFrame(() => {
      pending.current.frame = null;
      setT(pending.current.t);
    });
  }, []);
  useEffect(() => () => { if (pending.current.frame !== null) cancelAnimationFrame(pending.current.frame); }, []);
  const crosshair = useMemo(() => ({ t, onHover }), [t, onHover]);
  return (
    <RuntimeContext.Provider value={value}>
      <CrosshairContext.Provider value={crosshair}>{children}</CrosshairContext.Provider>
    </RuntimeContext.Provider>
  );
}

export function useDashboardRuntime(): DashboardRuntime {
  const value = useContext(RuntimeContext);
  if (!value) throw new Error('useDashboardRuntime outside a dashboard');
  return value;
}

export function useCrosshair() {
  return useContext(CrosshairContext) ?? undefined;
}
