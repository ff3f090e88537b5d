/**
 * Log search state as it lives in the URL (DESIGN.md: `/logs?q=&service=&severity=&traceId=&spanId=
 * &from=&to=`, plus `match=substring`, repeated `attr=` filters and `live=1`). `severity` is a comma
 * list of levels (`error,warn`). Pure: parse and build only; the server validates values.
 */
import { isSeverityLevel, type SeverityLevel } from './log-severity';
import type { LogTextMode } from './log-search-query';

export interface LogSearchState {
  q: string;
  mode: LogTextMode;
  service: string;
  severities: SeverityLevel[];
  /** Attribute filters as typed (`key=value`, `key!=value`, `key exists`, `key>n`, `key<n`). */
  attributes: string[];
  traceId: string;
  spanId: string;
  /** With a span id: show the whole trace (`scope=trace`) instead of that span's records. */
  traceScope: boolean;
  live: boolean;
}

export const EMPTY_LOG_SEARCH: Readonly<LogSearchState> = Object.freeze({
  q: '', mode: 'words', service: '', severities: [], attributes: [], traceId: '', spanId: '', traceScope: false, live: false,
});

interface ReadableParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const OWNED = ['q', 'match', 'service', 'severity', 'attr', 'traceId', 'spanId', 'scope', 'live'];

export function readLogSearch(params: ReadableParams): LogSearchState {
  const severities = (params.get('severity') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(isSeverityLevel);
  return {
    q: params.get('q') ?? '',
    mode: params.get('match') === 'substring' ? 'substring' : 'words',
    service: params.get('service') ?? '',
    severities: [...new Set(severities)],
    attributes: params.getAll('attr').filter((a) => a.trim() !== ''),
    traceId: (params.get('traceId') ?? '').trim().toLowerCase(),
    spanId: (params.get('spanId') ?? '').trim().toLowerCase(),
    traceScope: params.get('scope') === 'trace',
    live: params.get('live') === '1',
  };
}

/** The query string (no `?`) for `state`, keeping `from`/`to` and any parameter the search does not own. */
export function writeLogSearch(current: string | URLSearchParams, state: LogSearchState): string {
  const next = new URLSearchParams(current);
  for (const key of OWNED) next.delete(key);
  const set = (key: string, value: string) => { if (value.trim() !== '') next.set(key, value.trim()); };
  set('q', state.q);
  if (state.mode === 'substring' && state.q.trim() !== '') next.set('match', 'substring');
  set('service', state.service);
  if (state.severities.length > 0) next.set('severity', state.severities.join(','));
  for (const a of state.attributes) if (a.trim() !== '') next.append('attr', a.trim());
  set('traceId', state.traceId);
  set('spanId', state.spanId);
  if (state.traceScope && state.spanId.trim() !== '') next.set('scope', 'trace');
  if (state.live) next.set('live', '1');
  return next.toString();
}

/** The attribute filter that keeps (or excludes) records whose `key` equals `value`. */
export function valueFilter(key: string, value: string, exclude: boolean): string {
  return `${key}${exclude ? '!=' : '='}${value}`;
}

/** The filters the API takes (logs.search, logs.histogram, the tail) for `state`; empty ones left out. */
export function logFilterOf(state: LogSearchState) {
  return {
    q: state.q.trim() || undefined,
    mode: state.q.trim() !== '' && state.mode === 'substring' ? ('substring' as const) : undefined,
    service: state.service || undefined,
    severities: state.severities.length > 0 ? state.severities : undefined,
    attributes: state.attributes.length > 0 ? state.attributes : undefined,
    traceId: state.traceId || undefined,
    spanId: state.spanId && !state.traceScope ? state.spanId : undefined,
  };
}
