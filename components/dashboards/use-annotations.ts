'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChartAnnotation } from '@/components/charts/annotation-markers';

/** Annotations over [fromMs, toMs] for a service (plus those about no service), from GET /api/annotations. */
export function useAnnotations(fromMs: number, toMs: number, service: string | undefined): readonly ChartAnnotation[] {
  const query = useQuery({
    queryKey: ['annotations', fromMs, toMs, service ?? ''],
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ from: String(Math.floor(fromMs)), to: String(Math.ceil(toMs)) });
      if (service) params.set('service', service);
      const res = await fetch(`/api/annotations?${params}`, { signal });
      if (!res.ok) throw new Error(`annotations: HTTP ${res.status}`);
      return ((await res.json()) as { annotations: ChartAnnotation[] }).annotations;
    },
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return query.data ?? [];
}
