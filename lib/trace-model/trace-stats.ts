/** Summary figures for a trace header. */
import type { TraceTree } from './types';

const STATUS_ERROR = 2;

export interface TraceStats {
  /** Latest span end minus earliest span start, ns; 0 for an empty trace. */
  totalDurationNs: number;
  /** Earliest start and latest end over all kept spans, ns (0 and 0 for an empty trace). */
  startNs: number;
  endNs: number;
  /** Kept spans; placeholders and dropped duplicates are not counted. */
  spanCount: number;
  /** Spans with statusCode 2 (error). */
  errorCount: number;
  /** Distinct service names ordered by their earliest span start (ties: by name). */
  services: string[];
  /** Deepest node depth, roots being 0 (an orphan under its placeholder is 1). */
  maxDepth: number;
}

export function traceStats(tree: TraceTree): TraceStats {
  let startNs = Number.POSITIVE_INFINITY;
  let endNs = Number.NEGATIVE_INFINITY;
  let errorCount = 0;
  const firstStartByService = new Map<string, number>();
  for (const node of tree.byId.values()) {
    if (node.startNs < startNs) startNs = node.startNs;
    if (node.endNs > endNs) endNs = node.endNs;
    if (node.span.statusCode === STATUS_ERROR) errorCount++;
    const service = node.span.serviceName;
    const seen = firstStartByService.get(service);
    if (seen === undefined || node.startNs < seen) firstStartByService.set(service, node.startNs);
  }
  if (tree.byId.size === 0) {
    startNs = 0;
    endNs = 0;
  }
  const services = [...firstStartByService.entries()]
    .sort(([nameA, startA], [nameB, startB]) => startA - startB || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name]) => name);
  return {
    totalDurationNs: endNs - startNs,
    startNs,
    endNs,
    spanCount: tree.spanCount,
    errorCount,
    services,
    maxDepth: tree.maxDepth,
  };
}
