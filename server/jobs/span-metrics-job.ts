import { serverEnv } from '@/server/env';
import { onSpansCommitted, storeBatch } from '@/server/store/ingest-writer';
import type { ResourceRow } from '@/server/store/rows';
import { SpanMetricsAggregator } from '@/server/ingest/span-metrics/aggregator';

/**
 * Span metrics job: counts every committed span (through the store's commit listener) into an
 * in-memory SpanMetricsAggregator and, every SIGHTLINE_SPAN_METRICS_INTERVAL_MS (15 s by default),
 * stores one cumulative point per series through the ordinary write queue. Counters live from process
 * start: a restart is a counter reset. stopSpanMetricsJob() writes a last snapshot (enqueued only; the
 * caller's flushAndClose() commits it).
 */

/** service.name Sightline would give its own spans; they are never turned into span metrics. */
export const SELF_SERVICE_NAME = 'sightline';

const KEY = Symbol.for('sightline.spanMetricsJob');

interface JobState {
  aggregator: SpanMetricsAggregator;
  timer: NodeJS.Timeout;
  unsubscribe: () => void;
  lastFlushUnixNano: bigint;
  reportedDrops: number;
  stopped: boolean;
}

type Holder = { [KEY]?: JobState };

const nowUnixNano = () => BigInt(Date.now()) * 1_000_000n;

/** Starts the job once per process (idempotent across Next bundles). No-op when the interval is 0. */
export function startSpanMetricsJob(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const { SIGHTLINE_SPAN_METRICS_INTERVAL_MS: intervalMs, SIGHTLINE_SPAN_METRICS_MAX_SERIES: maxSeries } = serverEnv();
  if (intervalMs === 0) return;

  const aggregator = new SpanMetricsAggregator({
    maxSeries,
    ignoreResource: (resource: ResourceRow) => resource.serviceName === SELF_SERVICE_NAME,
  });
  const unsubscribe = onSpansCommitted((spans) => aggregator.observe(spans, nowUnixNano()));
  const state: JobState = {
    aggregator, unsubscribe, lastFlushUnixNano: 0n, reportedDrops: 0, stopped: false,
    timer: setInterval(() => safeFlush(state), intervalMs),
  };
  state.timer.unref();
  holder[KEY] = state;
}

/** Stops the job and enqueues a final snapshot. Never throws; a second call does nothing. */
export function stopSpanMetricsJob(): void {
  const state = (globalThis as Holder)[KEY];
  if (!state || state.stopped) return;
  state.stopped = true;
  clearInterval(state.timer);
  state.unsubscribe();
  safeFlush(state);
}

/** A throwing flush (e.g. the database cannot be opened) must not take the process down from a timer. */
function safeFlush(state: JobState): void {
  try {
    flush(state);
  } catch (err) {
    console.error('[sightline] span metrics: flush failed', err);
  }
}

function flush(state: JobState): void {
  // Points are keyed (series, time): keep flush times strictly increasing so no point replaces another.
  let now = nowUnixNano();
  if (now <= state.lastFlushUnixNano) now = state.lastFlushUnixNano + 1n;
  state.lastFlushUnixNano = now;

  const metrics = state.aggregator.snapshot(now);
  const { droppedSpans, activeSeries } = state.aggregator.stats();
  if (droppedSpans > state.reportedDrops) {
    console.warn(`[sightline] span metrics: series cap reached (${activeSeries} series); ${droppedSpans - state.reportedDrops} spans not counted since last report (${droppedSpans} in total)`);
    state.reportedDrops = droppedSpans;
  }
  if (metrics.length === 0) return;
  // Cumulative values survive a refused write (the next flush carries them); only this interval's exemplars are lost.
  storeBatch({ metrics }).catch((err: unknown) => {
    console.warn('[sightline] span metrics: snapshot not stored', err instanceof Error ? err.message : err);
  });
}
