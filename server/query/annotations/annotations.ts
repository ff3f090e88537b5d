import type { AnnotationInput } from '@/lib/annotations/annotation-input';
import { resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { insertAnnotationRow, listAnnotationRows, type AnnotationRow } from '@/server/store/annotations';

export type { AnnotationRow };

/** Most annotations returned for one range (a chart cannot show more markers usefully). */
export const MAX_ANNOTATIONS = 1000;

/** Stores a validated annotation (lib/annotations/annotation-input.ts) from the API. */
export function createAnnotation(input: AnnotationInput, nowMs: number = Date.now()): AnnotationRow {
  const row = { ...input, source: 'api' as const, createdAtMs: nowMs };
  const id = insertAnnotationRow(row);
  return { id, ...row };
}

/**
 * Annotations overlapping the range (Grafana-style expressions, resolved at `nowMs`), optionally for one
 * service (plus those about no service). Throws TimeRangeError for a bad range.
 */
export function listAnnotations(range: TimeRangeInput, service: string | undefined, nowMs: number = Date.now()): AnnotationRow[] {
  const { fromMs, toMs } = resolveTimeRange(range, nowMs);
  return listAnnotationRows(fromMs, toMs, service || undefined, MAX_ANNOTATIONS);
}
