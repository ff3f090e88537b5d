import { getSpanBriefs, type SpanBrief } from '@/server/store/span-briefs';

export type { SpanBrief };

/** Briefs for trace/span references (ids normalised to lowercase). */
export function describeSpanRefs(refs: { traceId: string; spanId?: string | null }[]): SpanBrief[] {
  return getSpanBriefs(refs.map((r) => ({ traceId: r.traceId.toLowerCase(), spanId: r.spanId ? r.spanId.toLowerCase() : null })));
}
