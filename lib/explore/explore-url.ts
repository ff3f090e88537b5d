/**
 * Explore's state as it lives in the URL: `/explore?query=<promql>&query=<promql>&step=&view=table&from=&to=`.
 * Several queries repeat `query`; `step` is optional (a Prometheus duration such as `15s` or seconds; empty =
 * chosen from the range width); `view=table` shows instant results as a table, anything else the graph.
 * Pure: parse and build only, the time range (`from`/`to`) is left to lib/time-range-url.
 */
export type ExploreViewMode = 'graph' | 'table';

export interface ExploreUrlState {
  /** Query texts in order; never empty strings. */
  queries: string[];
  /** As typed; '' means automatic. */
  step: string;
  view: ExploreViewMode;
}

export const EXPLORE_PARAMS = { query: 'query', step: 'step', view: 'view' } as const;

interface ReadableParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

export function readExploreUrl(params: ReadableParams): ExploreUrlState {
  return {
    queries: params.getAll(EXPLORE_PARAMS.query).map((q) => q.trim()).filter((q) => q !== ''),
    step: (params.get(EXPLORE_PARAMS.step) ?? '').trim(),
    view: params.get(EXPLORE_PARAMS.view) === 'table' ? 'table' : 'graph',
  };
}

/**
 * The query string (no `?`) for `state`, keeping every parameter of `current` that Explore does not own
 * (the time range above all). Empty queries are dropped; the graph view and an automatic step are implicit.
 */
export function writeExploreUrl(current: string | URLSearchParams, state: ExploreUrlState): string {
  const next = new URLSearchParams(current);
  for (const key of Object.values(EXPLORE_PARAMS)) next.delete(key);
  for (const q of state.queries) if (q.trim() !== '') next.append(EXPLORE_PARAMS.query, q.trim());
  if (state.step.trim() !== '') next.set(EXPLORE_PARAMS.step, state.step.trim());
  if (state.view === 'table') next.set(EXPLORE_PARAMS.view, 'table');
  return next.toString();
}

/** `/explore?…` for queries and an optional time range, e.g. to open a panel's query in Explore. */
export function exploreHref(queries: readonly string[], range?: { from: string; to: string }): string {
  const params = new URLSearchParams();
  for (const q of queries) if (q.trim() !== '') params.append(EXPLORE_PARAMS.query, q.trim());
  if (range) {
    params.set('from', range.from);
    params.set('to', range.to);
  }
  const qs = params.toString();
  return qs ? `/explore?${qs}` : '/explore';
}
