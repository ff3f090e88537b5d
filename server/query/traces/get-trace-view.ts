import type { OtlpKeyValue } from '@/lib/otlp-attributes';
import type { TraceSpanInput } from '@/lib/trace-model';
import { getSpanDetail, getTraceOutline } from '@/server/store/read-trace-outline';
import { countLogsBySpan } from '@/server/store/trace-log-counts';
import { traceIdProblem } from './trace-id';

/**
 * One waterfall row's span: the trace model's input (times in ns from the trace's earliest span
 * start, exact below 2^53; event offsets from the span's own start) plus its log count.
 */
export interface TraceViewSpan extends TraceSpanInput {
  logCount: number;
}

export interface TraceView {
  traceId: string;
  /** Earliest span start, exact unix ns as a decimal string. */
  startTimeUnixNano: string;
  /** Unix ms of the earliest start and latest end, for links that keep the time range. */
  startMs: number;
  endMs: number;
  spans: TraceViewSpan[];
  /** Log records of the trace not tied to any span. */
  traceLogCount: number;
}

export type TraceViewLookup = { kind: 'found'; trace: TraceView } | { kind: 'not-found' } | { kind: 'bad-id'; message: string };

interface OtlpJsonEvent { timeUnixNano?: string; name?: string; attributes?: OtlpKeyValue[] }
interface OtlpJsonLink { traceId?: string; spanId?: string; traceState?: string; attributes?: OtlpKeyValue[] }

const NS_PER_MS = 1_000_000n;

/**
 * The waterfall's data for a whole trace: one lean row per span (no attributes: those come with
 * getSpanDetail for the selected span), so a 10,000-span trace stays a fast, small response.
 */
export function getTraceView(rawTraceId: string): TraceViewLookup {
  const problem = traceIdProblem(rawTraceId);
  if (problem) return { kind: 'bad-id', message: problem };
  const traceId = rawTraceId.toLowerCase();
  const outline = getTraceOutline(traceId);
  if (!outline) return { kind: 'not-found' };
  const logCounts = countLogsBySpan(traceId);
  const spans = outline.spans.map((s): TraceViewSpan => ({
    spanId: s.span_id, parentSpanId: s.parent_span_id, name: s.name, serviceName: s.service_name, kind: s.kind,
    statusCode: s.status_code, startNs: s.start_ns, durationNs: s.duration_ns,
    events: s.events === '[]' ? [] : (JSON.parse(s.events) as OtlpJsonEvent[]).map((e) => ({
      name: e.name ?? '',
      offsetNs: Number(BigInt(e.timeUnixNano ?? '0') - outline.startUnixNano - BigInt(s.start_ns)),
    })),
    logCount: logCounts.get(s.span_id) ?? 0,
  }));
  return {
    kind: 'found',
    trace: {
      traceId, startTimeUnixNano: String(outline.startUnixNano), spans, traceLogCount: logCounts.get('') ?? 0,
      startMs: Number(outline.startUnixNano / NS_PER_MS),
      endMs: Number((outline.endUnixNano + NS_PER_MS - 1n) / NS_PER_MS),
    },
  };
}

export interface SpanDetail {
  traceId: string;
  spanId: string;
  statusMessage: string;
  traceState: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events: { name: string; timeUnixNano: string; offsetNs: number; attributes: OtlpKeyValue[] }[];
  links: { traceId: string; spanId: string; traceState: string; attributes: OtlpKeyValue[] }[];
  droppedAttributesCount: number;
  droppedEventsCount: number;
  droppedLinksCount: number;
  resource: { serviceName: string; attributes: OtlpKeyValue[] };
  scope: { name: string; version: string; attributes: OtlpKeyValue[] };
}

/** Everything stored about one span, for the detail panel; null when not stored. */
export function getSpanDetailView(traceId: string, spanId: string): SpanDetail | null {
  const found = getSpanDetail(traceId.toLowerCase(), spanId.toLowerCase());
  if (!found) return null;
  const { span: s, resource, scope } = found;
  return {
    traceId: s.traceId, spanId: s.spanId, statusMessage: s.statusMessage, traceState: s.traceState,
    startTimeUnixNano: String(s.startTimeUnixNano), endTimeUnixNano: String(s.endTimeUnixNano),
    attributes: JSON.parse(s.attributesJson),
    events: (JSON.parse(s.eventsJson) as OtlpJsonEvent[]).map((e) => ({
      name: e.name ?? '', timeUnixNano: e.timeUnixNano ?? '0', attributes: e.attributes ?? [],
      offsetNs: Number(BigInt(e.timeUnixNano ?? '0') - s.startTimeUnixNano),
    })),
    links: (JSON.parse(s.linksJson) as OtlpJsonLink[]).map((l) => ({
      traceId: l.traceId ?? '', spanId: l.spanId ?? '', traceState: l.traceState ?? '', attributes: l.attributes ?? [],
    })),
    droppedAttributesCount: s.droppedAttributesCount, droppedEventsCount: s.droppedEventsCount, droppedLinksCount: s.droppedLinksCount,
    resource: { serviceName: resource.serviceName, attributes: JSON.parse(resource.attributesJson) },
    scope: { name: scope.name, version: scope.version, attributes: JSON.parse(scope.attributesJson) },
  };
}
