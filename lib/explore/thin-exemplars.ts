/**
 * Exemplar thinning: a dense chart can carry thousands of exemplars, far more than anyone can hover.
 * Per series group, the plot's width is cut into columns of `columnPx` pixels and each column keeps its
 * `perColumn` highest values (the slowest requests are the interesting ones). Ties keep the later one.
 */
export interface ThinnableExemplar {
  /** Epoch ms. */
  t: number;
  value: number;
  /** Budgets are per group (a series, usually). */
  group: string;
}

export interface ThinOptions {
  fromMs: number;
  toMs: number;
  /** Plot width in pixels. */
  widthPx: number;
  /** Column width in pixels (default 6). */
  columnPx?: number;
  /** Markers kept per column and group (default 1). */
  perColumn?: number;
  /** Overall cap after thinning, keeping the highest values (default: none). */
  maxTotal?: number;
}

const better = (a: ThinnableExemplar, b: ThinnableExemplar) => a.value > b.value || (a.value === b.value && a.t > b.t);

/** The kept exemplars, ordered by time (then group). Exemplars outside the range or with non-finite values are dropped. */
export function thinExemplars<T extends ThinnableExemplar>(items: readonly T[], options: ThinOptions): T[] {
  const { fromMs, toMs, widthPx } = options;
  const columnPx = Math.max(1, options.columnPx ?? 6);
  const perColumn = Math.max(1, Math.floor(options.perColumn ?? 1));
  if (!(widthPx > 0) || !(toMs > fromMs)) return [];
  const columns = Math.max(1, Math.ceil(widthPx / columnPx));
  const pxPerMs = widthPx / (toMs - fromMs);
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    if (!Number.isFinite(item.value) || !Number.isFinite(item.t) || item.t < fromMs || item.t > toMs) continue;
    const column = Math.min(columns - 1, Math.floor(((item.t - fromMs) * pxPerMs) / columnPx));
    const key = `${item.group}\u0000${column}`;
    const kept = buckets.get(key);
    if (!kept) { buckets.set(key, [item]); continue; }
    if (kept.length < perColumn) { kept.push(item); continue; }
    // Replace the weakest kept one when this one is better.
    let weakest = 0;
    for (let i = 1; i < kept.length; i++) if (better(kept[weakest], kept[i])) weakest = i;
    if (better(item, kept[weakest])) kept[weakest] = item;
  }
  let out = [...buckets.values()].flat();
  if (options.maxTotal !== undefined && out.length > options.maxTotal) {
    out = out.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, Math.max(0, options.maxTotal));
  }
  return out.sort((a, b) => a.t - b.t || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
