'use client';

import { useQueries } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useMemo } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import type { AppRouter } from '@/server/api/root';

export type SpanBriefView = inferRouterOutputs<AppRouter>['traces']['briefs'][number];

/** The server takes at most this many references per call. */
export const BRIEFS_BATCH = 200;
/** Beyond this many markers, hovers fall back to ids only (thinning keeps us well under it). */
const MAX_REFS = 1000;

export const briefKey = (traceId: string, spanId: string | null) => `${traceId}:${spanId ?? ''}`;

/**
 * Service, span name and duration behind the visible exemplars, and whether their traces are stored:
 * `traces.briefs` in batches of ≤200 references (tRPC's batch link sends them in one request).
 */
export function useExemplarBriefs(refs: readonly { traceId: string; spanId: string | null }[]) {
  const trpc = useTRPC();
  const chunks = useMemo(() => {
    const unique = new Map<string, { traceId: string; spanId: string | null }>();
    for (const r of refs) unique.set(briefKey(r.traceId, r.spanId), { traceId: r.traceId, spanId: r.spanId });
    // Sorted so the same set of markers makes the same requests (and hits the cache).
    const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_REFS).map(([, r]) => r);
    const out: { traceId: string; spanId: string | null }[][] = [];
    for (let i = 0; i < sorted.length; i += BRIEFS_BATCH) out.push(sorted.slice(i, i + BRIEFS_BATCH));
    return out;
  }, [refs]);
  const results = useQueries({
    queries: chunks.map((chunk) => ({ ...trpc.traces.briefs.queryOptions({ refs: chunk }), staleTime: 30_000 })),
  });
  const byKey = new Map<string, SpanBriefView>();
  for (const r of results) for (const b of r.data ?? []) byKey.set(briefKey(b.traceId, b.spanId), b);
  return { byKey, pending: results.some((r) => r.isPending), failed: results.some((r) => r.isError) };
}
