import type { OtlpKeyValue } from '@/lib/otlp-attributes';
import { getTraceSpans } from '@/server/store/read-trace';
import { countLogsBySpan } from '@/server/store/trace-log-counts';
import { traceIdProblem } from './trace-id';

export interface TraceViewEvent {
  name: string;
  /** ns from the span's start (may be negative or past the end: drawn where it says). */
  offsetNs: number;
  timeUnixNano: string;
  attributes: OtlpKeyValue[];
}

export interface TraceViewLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: OtlpKeyValue[];
}

export interface TraceViewSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  serviceName: string;
  kind: number;
  statusCode: number;
  statusMessage: string;
  traceState: string;
  /** ns from the trace's earliest span start; exact (traces shorter than 104 days). */
  startNs: number;
  durationNs: number;
  /** Exact unix ns, as decimal strings (beyond 2^53). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events: TraceViewEvent[];
  links: TraceViewLink[];
  droppedAttributesCount: number;
  droppedEventsCount: number;
  droppedLinksCount: number;
  /** Index into TraceView.resources / scopes. */
  resourceIndex: number;
  scopeIndex: number;
  logCount: number;
}

export interface TraceView {
  traceId: string;
  startTimeUnixNano: string;
  /** Unix ms of the earliest start and latest end, for links that keep the time range. */
  startMs: number;
  endMs: number;
  spans: TraceViewSpan[];
  resources: { serviceName: string; attributes: OtlpKeyValue[] }[];
  scopes: { name: string; version: string; attributes: OtlpKeyValue[] }[];
  /** Log records of the trace not tied to any span. */
  traceLogCount: number;
}

export type TraceViewLookup = { kind: 'found'; trace: TraceView } | { kind: 'not-found' } | { kind: 'bad-id'; message: string };

interface OtlpJsonEvent { timeUnixNano?: string; name?: string; attributes?: OtlpKeyValue[] }
interface OtlpJsonLink { traceId?: string; spanId?: string; traceState?: string; attributes?: OtlpKeyValue[] }

/** Everything the waterfall and span detail panel need, in one response. */
export function getTraceView(rawTraceId: string): TraceViewLookup {
  const problem = traceIdProblem(rawTraceId);
  if (problem) return { kind: 'bad-id', message: problem };
  const traceId = rawTraceId.toLowerCase();
  const groups = getTraceSpans(traceId);
  if (groups.length === 0) return { kind: 'not-found' };

  let min = groups[0].rows[0].startTimeUnixNano;
  let max = groups[0].rows[0].endTimeUnixNano;
  for (const g of groups) for (const s of g.rows) {
    if (s.startTimeUnixNano < min) min = s.startTimeUnixNano;
    if (s.endTimeUnixNano > max) max = s.endTimeUnixNano;
  }
  const logCounts = countLogsBySpan(traceId);
  const resources: TraceView['resources'] = [];
  const scopes: TraceView['scopes'] = [];
  const spans: TraceViewSpan[] = [];
  for (const g of groups) {
    resources.push({ serviceName: g.resource.serviceName, attributes: JSON.parse(g.resource.attributesJson) });
    scopes.push({ name: g.scope.name, version: g.scope.version, attributes: JSON.parse(g.scope.attributesJson) });
    for (const s of g.rows) {
      const events = (JSON.parse(s.eventsJson) as OtlpJsonEvent[]).map((e) => ({
        name: e.name ?? '', timeUnixNano: e.timeUnixNano ?? '0', attributes: e.attributes ?? [],
        offsetNs: Number(BigInt(e.timeUnixNano ?? '0') - s.startTimeUnixNano),
      }));
      const links = (JSON.parse(s.linksJson) as OtlpJsonLink[]).map((l) => ({
        traceId: l.traceId ?? '', spanId: l.spanId ?? '', traceState: l.traceState ?? '', attributes: l.attributes ?? [],
      }));
      spans.push({
        spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name, serviceName: g.resource.serviceName,
        kind: s.kind, statusCode: s.statusCode, statusMessage: s.statusMessage, traceState: s.traceState,
        startNs: Number(s.startTimeUnixNano - min), durationNs: Number(s.endTimeUnixNano - s.startTimeUnixNano),
        startTimeUnixNano: String(s.startTimeUnixNano), endTimeUnixNano: String(s.endTimeUnixNano),
        attributes: JSON.parse(s.attributesJson), events, links,
        droppedAttributesCount: s.droppedAttributesCount, droppedEventsCount: s.droppedEventsCount,
        droppedLinksCount: s.droppedLinksCount, resourceIndex: resources.length - 1, scopeIndex: scopes.length - 1,
        logCount: logCounts.get(s.spanId) ?? 0,
      });
    }
  }
  return {
    kind: 'found',
    trace: {
      traceId, startTimeUnixNano: String(min), startMs: Number(min / 1_000_000n), endMs: Math.ceil(Number(max) / 1e6),
      spans, resources, scopes, traceLogCount: logCounts.get('') ?? 0,
    },
  };
}
