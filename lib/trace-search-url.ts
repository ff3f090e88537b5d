/**
 * Trace search state as it lives in the URL (DESIGN.md: `/traces?service=&operation=&minDuration=
 * &maxDuration=&status=error&attr=…&sort=&page=&from=&to=`). Pure: parse and build only; values are
 * validated by the server.
 */
export type TraceSortParam = 'newest' | 'oldest' | 'slowest' | 'errors';

export interface TraceSearchState {
  service: string;
  operation: string;
  minDuration: string;
  maxDuration: string;
  errorsOnly: boolean;
  /** Attribute filters as typed (`key=value`, `key exists`, …). */
  attributes: string[];
  sort: TraceSortParam;
  /** 0-based page. */
  page: number;
}

const SORTS: readonly TraceSortParam[] = ['newest', 'oldest', 'slowest', 'errors'];

interface ReadableParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

export function readTraceSearch(params: ReadableParams): TraceSearchState {
  const sort = params.get('sort') as TraceSortParam | null;
  const page = Number(params.get('page') ?? '1');
  return {
    service: params.get('service') ?? '',
    operation: params.get('operation') ?? '',
    minDuration: params.get('minDuration') ?? '',
    maxDuration: params.get('maxDuration') ?? '',
    errorsOnly: params.get('status') === 'error',
    attributes: params.getAll('attr').filter((a) => a.trim() !== ''),
    sort: sort && SORTS.includes(sort) ? sort : 'newest',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/**
 * The query string (no `?`) for `state`, keeping the time range and any other parameter of
 * `current` that the search does not own. Empty filters are left out; page 1 is implicit.
 */
export function writeTraceSearch(current: string | URLSearchParams, state: TraceSearchState): string {
  const next = new URLSearchParams(current);
  for (const key of ['service', 'operation', 'minDuration', 'maxDuration', 'status', 'attr', 'sort', 'page']) next.delete(key);
  const set = (key: string, value: string) => { if (value.trim() !== '') next.set(key, value.trim()); };
  set('service', state.service);
  set('operation', state.operation);
  set('minDuration', state.minDuration);
  set('maxDuration', state.maxDuration);
  if (state.errorsOnly) next.set('status', 'error');
  for (const a of state.attributes) if (a.trim() !== '') next.append('attr', a.trim());
  if (state.sort !== 'newest') next.set('sort', state.sort);
  if (state.page > 0) next.set('page', String(state.page + 1));
  return next.toString();
}
