'use client';

import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { effectiveValues, readVariableValues } from '@/lib/dashboards/dashboard-url';
import { ALL_VALUE, type VariableValues } from '@/lib/dashboards/interpolate';
import { labelValuesUrl, parseLabelValuesQuery } from '@/lib/dashboards/label-values';
import type { DashboardVariable } from '@/lib/dashboards/model';

async function fetchLabelValues(url: string, signal: AbortSignal): Promise<string[]> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = (await res.json()) as { status?: string; data?: unknown; error?: string };
  if (!res.ok || body.status !== 'success' || !Array.isArray(body.data)) throw new Error(body.error ?? `label values: HTTP ${res.status}`);
  return (body.data as unknown[]).filter((v): v is string => typeof v === 'string');
}

export interface VariableState {
  variable: DashboardVariable;
  /** Offered values (without All); null while loading or when the query cannot be read. */
  options: string[] | null;
  /** The values in effect (URL values still offered, else the first option). */
  values: string[];
  error: string | null;
}

/** Options of every variable (label values over the range, or the custom list) and their values from the URL. */
export function useVariables(variables: readonly DashboardVariable[], fromMs: number, toMs: number) {
  const params = useSearchParams();
  // Minute-aligned bounds: the options of a moving range need not be re-fetched on every refresh.
  const startMs = Math.floor(fromMs / 60_000) * 60_000;
  const endMs = Math.ceil(toMs / 60_000) * 60_000;
  const results = useQueries({
    queries: variables.map((v) => {
      const q = v.type === 'query' && v.query ? parseLabelValuesQuery(v.query) : null;
      const url = q ? labelValuesUrl(q, startMs, endMs) : '';
      return {
        queryKey: ['dashboard-variable', url],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchLabelValues(url, signal),
        enabled: url !== '',
        staleTime: 30_000,
      };
    }),
  });
  const resultsVersion = results.map((r) => `${r.dataUpdatedAt}:${r.errorUpdatedAt}`).join(',');
  return useMemo(() => {
    const states: VariableState[] = variables.map((variable, i) => {
      const r = results[i];
      let options: string[] | null = null;
      let error: string | null = null;
      if (variable.type === 'custom') options = variable.options ?? [];
      else if (!parseLabelValuesQuery(variable.query ?? '')) error = `cannot read "${variable.query}": use label_values(metric, label)`;
      else if (r?.data) options = r.data;
      else if (r?.isError) error = r.error instanceof Error ? r.error.message : String(r.error);
      const fromUrl = readVariableValues(params, variable.name);
      const values = effectiveValues(fromUrl, options, variable.multi);
      return { variable, options, values: values.length === 0 && variable.includeAll ? [ALL_VALUE] : values, error };
    });
    const vars: Record<string, { values: string[]; regex: boolean }> = {};
    for (const s of states) vars[s.variable.name] = { values: s.values, regex: s.variable.multi || Boolean(s.variable.includeAll) };
    return { states, vars: vars as VariableValues, ready: states.every((s) => s.options !== null || s.error !== null) };
  }, [variables, params, resultsVersion]);
}
