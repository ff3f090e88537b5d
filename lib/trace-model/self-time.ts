/** Self time: the part of a span not covered by any of its direct children. */
import type { TraceNode } from './types';

/**
 * ns of `node`'s interval not covered by the union of its children's intervals, each child clipped to
 * the node's interval first (so skewed children count only where they overlap it, and overlapping
 * children count once). 0 for a missing-parent placeholder, which has no duration of its own.
 * Invariant: 0 <= result <= durationNs. Children are sorted by start, so one sweep suffices.
 */
export function selfTimeNs(node: TraceNode): number {
  if (node.kind !== 'span') return 0;
  const { startNs, endNs } = node;
  let covered = 0;
  let runStart = 0;
  let runEnd = -1; // no open run yet
  for (const child of node.children) {
    const from = Math.max(child.startNs, startNs);
    const to = Math.min(child.endNs, endNs);
    if (to <= from) continue; // outside the span, or zero-length
    if (runEnd < 0 || from > runEnd) {
      if (runEnd >= 0) covered += runEnd - runStart;
      runStart = from;
      runEnd = to;
    } else if (to > runEnd) {
      runEnd = to;
    }
  }
  if (runEnd >= 0) covered += runEnd - runStart;
  return endNs - startNs - covered;
}
