/** Span builders shared by the trace-model tests (not a test file itself). */
import type { TraceSpanInput } from '@/lib/trace-model';

export function span(
  spanId: string,
  parentSpanId: string | null,
  startNs: number,
  durationNs: number,
  extra: Partial<TraceSpanInput> = {},
): TraceSpanInput {
  return {
    spanId,
    parentSpanId,
    name: `op-${spanId}`,
    serviceName: 'svc',
    kind: 1,
    statusCode: 0,
    startNs,
    durationNs,
    events: [],
    ...extra,
  };
}

/** A 16-hex-digit span id for index n. */
export function hexId(n: number): string {
  return n.toString(16).padStart(16, '0');
}

/** One root with `width` children side by side: width + 1 spans. */
export function wideTrace(width: number): TraceSpanInput[] {
  const spans = [span(hexId(0), null, 0, width * 10)];
  for (let index = 1; index <= width; index++) spans.push(span(hexId(index), hexId(0), (index - 1) * 10, 10));
  return spans;
}

/** A parent chain `length` spans deep, each nested inside the previous one. */
export function deepChain(length: number): TraceSpanInput[] {
  const spans: TraceSpanInput[] = [];
  for (let index = 0; index < length; index++) {
    spans.push(span(hexId(index), index === 0 ? null : hexId(index - 1), index, 2 * (length - index)));
  }
  return spans;
}
