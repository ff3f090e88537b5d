/**
 * Span metrics the way Tempo's metrics-generator derives them: per (service, span name, span kind,
 * status code) a calls counter and a latency histogram, cumulative from the moment the series was
 * first seen, with exemplars pointing at real spans. Pure: no I/O, no clock (callers pass "now").
 *
 * - observe() folds committed spans in; snapshot() returns one calls point and one histogram point per
 *   live series as OTLP-shaped MetricRows (see labels.ts for the names) and starts a new exemplar interval.
 * - Exemplars: per series and bucket, the slowest span observed since the previous snapshot (first
 *   seen wins a tie), so each flushed histogram point carries at most one exemplar per bucket.
 * - Bounded: at most `maxSeries` label sets live at once; spans that would open another are dropped
 *   and counted (`droppedSpans`). Series idle for `staleAfterNs` (and already flushed since their last
 *   span) are forgotten, freeing their slot; if they come back they restart from zero with a new start
 *   time (a counter reset, as after a restart).
 * - Durations: end − start; a span with a missing time or ending before it starts counts as 0 s.
 */
import type { ExemplarRow, MetricRow, ResourceRow, ScopedRows, SpanRow } from '@/server/store/rows';
import { LATENCY_BOUNDS_SECONDS, LATENCY_BUCKET_COUNT, latencyBucketIndex } from './buckets';
import {
  CALLS_METRIC, LATENCY_METRIC, SPAN_METRICS_SCOPE_NAME, boundLabelValue, labelsAttributesJson, labelsKey,
  serviceResourceAttributesJson, spanKindLabel, statusCodeLabel, type SpanMetricsLabels,
} from './labels';

export const DEFAULT_MAX_SERIES = 10_000;
/** Tempo's default `stale_duration`: 15 minutes. */
export const DEFAULT_STALE_AFTER_NS = 15n * 60n * 1_000_000_000n;

export interface SpanMetricsOptions {
  /** Most label sets kept at once (default 10,000). */
  maxSeries?: number;
  /** Forget a series after this long without spans (default 15 min). */
  staleAfterNs?: bigint;
  /** Resources whose spans are not counted (e.g. Sightline's own spans). */
  ignoreResource?: (resource: ResourceRow) => boolean;
}

interface PendingExemplar {
  traceId: string;
  spanId: string;
  durationNs: number;
  timeUnixNano: bigint;
}

interface Series {
  labels: SpanMetricsLabels;
  attributesJson: string;
  startUnixNano: bigint;
  lastSeenUnixNano: bigint;
  /** Observed since the last snapshot (so it must be flushed before it may be forgotten). */
  dirty: boolean;
  calls: number;
  bucketCounts: number[];
  sumSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  exemplars: (PendingExemplar | undefined)[];
}

export interface SpanMetricsStats {
  activeSeries: number;
  /** Spans not counted since start because the series cap was reached. */
  droppedSpans: number;
}

const NS_PER_SECOND = 1e9;

function durationNs(span: SpanRow): number {
  if (span.startTimeUnixNano === 0n || span.endTimeUnixNano <= span.startTimeUnixNano) return 0;
  return Number(span.endTimeUnixNano - span.startTimeUnixNano);
}

export class SpanMetricsAggregator {
  private readonly series = new Map<string, Series>();
  private readonly maxSeries: number;
  private readonly staleAfterNs: bigint;
  private readonly ignoreResource?: (resource: ResourceRow) => boolean;
  private dropped = 0;

  constructor(options: SpanMetricsOptions = {}) {
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    this.staleAfterNs = options.staleAfterNs ?? DEFAULT_STALE_AFTER_NS;
    this.ignoreResource = options.ignoreResource;
  }

  /** Counts committed spans; `nowUnixNano` becomes the start time of series seen for the first time. */
  observe(groups: readonly ScopedRows<SpanRow>[], nowUnixNano: bigint): void {
    for (const group of groups) {
      if (this.ignoreResource?.(group.resource)) continue;
      const service = boundLabelValue(group.resource.serviceName);
      for (const span of group.rows) this.observeSpan(service, span, nowUnixNano);
    }
  }

  private observeSpan(service: string, span: SpanRow, nowUnixNano: bigint): void {
    const labels: SpanMetricsLabels = {
      service,
      spanName: boundLabelValue(span.name),
      spanKind: spanKindLabel(span.kind),
      statusCode: statusCodeLabel(span.statusCode),
    };
    const key = labelsKey(labels);
    let s = this.series.get(key);
    if (!s) {
      if (this.series.size >= this.maxSeries) {
        this.dropped++;
        return;
      }
      s = {
        labels, attributesJson: labelsAttributesJson(labels), startUnixNano: nowUnixNano, lastSeenUnixNano: nowUnixNano,
        dirty: true, calls: 0, bucketCounts: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
        sumSeconds: 0, minSeconds: Infinity, maxSeconds: -Infinity, exemplars: new Array(LATENCY_BUCKET_COUNT).fill(undefined),
      };
      this.series.set(key, s);
    }
    const ns = durationNs(span);
    const seconds = ns / NS_PER_SECOND;
    const bucket = latencyBucketIndex(ns);
    s.calls++;
    s.bucketCounts[bucket]++;
    s.sumSeconds += seconds;
    if (seconds < s.minSeconds) s.minSeconds = seconds;
    if (seconds > s.maxSeconds) s.maxSeconds = seconds;
    s.lastSeenUnixNano = nowUnixNano;
    s.dirty = true;
    const current = s.exemplars[bucket];
    if (!current || ns > current.durationNs) {
      s.exemplars[bucket] = {
        traceId: span.traceId, spanId: span.spanId, durationNs: ns,
        timeUnixNano: span.endTimeUnixNano > 0n ? span.endTimeUnixNano : nowUnixNano,
      };
    }
  }

  /**
   * The cumulative values of every live series at `nowUnixNano`, grouped by service (one resource
   * per service), and the exemplars of the interval since the previous snapshot, which then restarts.
   */
  snapshot(nowUnixNano: bigint): ScopedRows<MetricRow>[] {
    const byService = new Map<string, ScopedRows<MetricRow>>();
    for (const [key, s] of this.series) {
      if (!s.dirty && nowUnixNano - s.lastSeenUnixNano > this.staleAfterNs) {
        this.series.delete(key);
        continue;
      }
      let group = byService.get(s.labels.service);
      if (!group) {
        group = { resource: serviceResource(s.labels.service), scope: SCOPE, rows: [] };
        byService.set(s.labels.service, group);
      }
      group.rows.push(callsRow(s, nowUnixNano), latencyRow(s, nowUnixNano));
      s.exemplars.fill(undefined);
      s.dirty = false;
    }
    return [...byService.values()];
  }

  stats(): SpanMetricsStats {
    return { activeSeries: this.series.size, droppedSpans: this.dropped };
  }
}

const SCOPE = Object.freeze({ name: SPAN_METRICS_SCOPE_NAME, version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' });

function serviceResource(service: string): ResourceRow {
  return { serviceName: service, attributesJson: serviceResourceAttributesJson(service), droppedAttributesCount: 0, schemaUrl: '' };
}

function callsRow(s: Series, nowUnixNano: bigint): MetricRow {
  return {
    series: {
      name: CALLS_METRIC.name, description: CALLS_METRIC.description, unit: CALLS_METRIC.unit, kind: 'sum',
      temporality: 2, isMonotonic: true, attributesJson: s.attributesJson, metadataJson: '[]',
    },
    point: { kind: 'number', value: BigInt(s.calls), startTimeUnixNano: s.startUnixNano, timeUnixNano: nowUnixNano, flags: 0, exemplars: [] },
  };
}

function latencyRow(s: Series, nowUnixNano: bigint): MetricRow {
  const exemplars: ExemplarRow[] = [];
  for (const e of s.exemplars) {
    if (e) {
      exemplars.push({ timeUnixNano: e.timeUnixNano, value: e.durationNs / NS_PER_SECOND, traceId: e.traceId, spanId: e.spanId, filteredAttributesJson: '[]' });
    }
  }
  const any = s.calls > 0;
  return {
    series: {
      name: LATENCY_METRIC.name, description: LATENCY_METRIC.description, unit: LATENCY_METRIC.unit, kind: 'histogram',
      temporality: 2, isMonotonic: false, attributesJson: s.attributesJson, metadataJson: '[]',
    },
    point: {
      kind: 'histogram', startTimeUnixNano: s.startUnixNano, timeUnixNano: nowUnixNano, flags: 0, exemplars,
      count: BigInt(s.calls), sum: s.sumSeconds, min: any ? s.minSeconds : null, max: any ? s.maxSeconds : null,
      bucketCounts: s.bucketCounts.map((c) => BigInt(c)), explicitBounds: [...LATENCY_BOUNDS_SECONDS],
    },
  };
}
