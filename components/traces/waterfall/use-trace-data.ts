'use client';

import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import { useTRPC } from '@/components/providers/trpc-client';

import type { TraceSpanInput } from '@/lib/trace-model';

type TraceWire = NonNullable<inferRouterOutputs<AppRouter>['traces']['get']>;
/** Mirrors server/query/traces/get-trace-view.ts TraceViewSpan (sent as JSON text, see the router). */
export interface TraceViewSpanData extends TraceSpanInput {
  logCount: number;
}
export type TraceViewData = Omit<TraceWire, 'spansJson'> & { spans: TraceViewSpanData[] };

function parseTrace(wire: TraceWire | null): TraceViewData | null {
  if (!wire) return wire;
  const { spansJson, ...rest } = wire;
  return { ...rest, spans: JSON.parse(spansJson) as TraceViewSpanData[] };
}

/** How long an unknown trace id is retried before "not found": exporters batch for a few seconds. */
export const WAIT_FOR_TRACE_MS = 30_000;
/** A trace whose last span ended this recently may still be receiving spans. */
export const ARRIVING_WINDOW_MS = 30_000;
const WAITING_POLL_MS = 2_000;
const ARRIVING_POLL_MS = 3_000;

export type TraceDataState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; retry: () => void }
  | { kind: 'waiting'; sinceMs: number; lastCheckedMs: number }
  | { kind: 'not-found' }
  | { kind: 'found'; trace: TraceViewData; arriving: boolean };

/**
 * The trace, polled while it may still change: every 2 s while the id is unknown (up to 30 s), every
 * 3 s while spans are still arriving (recent end, or the span count grew at the last fetch).
 */
export function useTraceData(traceId: string): TraceDataState {
  const trpc = useTRPC();
  const firstAskedAt = useRef(Date.now());
  const lastCount = useRef(-1);
  const grew = useRef(false);

  const isArriving = (trace: { endMs: number }) => grew.current || Date.now() - trace.endMs < ARRIVING_WINDOW_MS;
  const query = useQuery({
    ...trpc.traces.get.queryOptions({ traceId }),
    select: parseTrace,
    retry: (failures, error) => failures < 2 && !/trace id must be/.test(error.message),
    refetchInterval: (q) => {
      const data = q.state.data;
      if (data === null) return Date.now() - firstAskedAt.current < WAIT_FOR_TRACE_MS ? WAITING_POLL_MS : false;
      if (!data) return false;
      grew.current = lastCount.current >= 0 && data.spanCount > lastCount.current;
      lastCount.current = data.spanCount;
      return isArriving(data) ? ARRIVING_POLL_MS : false;
    },
  });

  if (query.isPending) return { kind: 'loading' };
  if (query.isError) return { kind: 'error', message: query.error.message, retry: () => void query.refetch() };
  if (query.data === null) {
    // dataUpdatedAt is read so that every (unchanged) null answer re-renders and the deadline is seen.
    const lastCheckedMs = query.dataUpdatedAt;
    return lastCheckedMs - firstAskedAt.current < WAIT_FOR_TRACE_MS
      ? { kind: 'waiting', sinceMs: firstAskedAt.current, lastCheckedMs }
      : { kind: 'not-found' };
  }
  return { kind: 'found', trace: query.data, arriving: isArriving(query.data) };
}
