/** Text search over the waterfall's spans, and wrapping step-through over the matches. */
import { visibleRows } from './visible-rows';
import type { VisibleRow } from './visible-rows';
import type { TraceSpanInput, TraceTree } from './types';

export interface FindSpansOptions {
  /** Extra searchable text for a span (e.g. its attributes flattened by the caller). */
  attributeText?: (span: TraceSpanInput) => string | null | undefined;
}

const NO_COLLAPSE: ReadonlySet<string> = new Set();

/**
 * Span ids whose name, service name, span id or attribute text contains `query` (trimmed,
 * case-insensitive), in display order. Given rows, only those rows are searched; given the tree, every
 * span is (pre-order, as if fully expanded). Placeholders never match. An empty query matches nothing.
 */
export function findSpans(
  source: TraceTree | readonly VisibleRow[],
  query: string,
  options: FindSpansOptions = {},
): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const rows = isRowList(source) ? source : visibleRows(source, NO_COLLAPSE);
  const matches: string[] = [];
  for (const row of rows) {
    const span = row.span;
    if (!span) continue;
    if (
      span.name.toLowerCase().includes(needle) ||
      span.serviceName.toLowerCase().includes(needle) ||
      span.spanId.toLowerCase().includes(needle) ||
      (options.attributeText?.(span) ?? '').toLowerCase().includes(needle)
    ) {
      matches.push(span.spanId);
    }
  }
  return matches;
}

function isRowList(source: TraceTree | readonly VisibleRow[]): source is readonly VisibleRow[] {
  return Array.isArray(source);
}

/** The match index after `current` (-1 = none selected yet), wrapping to 0; -1 when there are no matches. */
export function nextMatchIndex(current: number, count: number): number {
  if (count <= 0) return -1;
  return current < 0 || current >= count - 1 ? 0 : current + 1;
}

/** The match index before `current` (-1 = none selected yet), wrapping to the last; -1 when none. */
export function previousMatchIndex(current: number, count: number): number {
  if (count <= 0) return -1;
  return current <= 0 || current >= count ? count - 1 : current - 1;
}
