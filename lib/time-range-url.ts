import { DEFAULT_TIME_RANGE, type TimeRangeInput } from './time-range';

/** The time range lives in the URL as `from` and `to` (Grafana-style expressions), shared by every view. */
export const TIME_RANGE_PARAMS = { from: 'from', to: 'to' } as const;

interface ReadableParams {
  get(name: string): string | null;
}

/** The URL's range, each missing or empty end replaced by the default (`now-1h` .. `now`). Not validated. */
export function readTimeRange(params: ReadableParams): TimeRangeInput {
  return {
    from: nonEmpty(params.get(TIME_RANGE_PARAMS.from)) ?? DEFAULT_TIME_RANGE.from,
    to: nonEmpty(params.get(TIME_RANGE_PARAMS.to)) ?? DEFAULT_TIME_RANGE.to,
  };
}

/**
 * `href` with the current URL's `from`/`to` carried over, so navigating keeps the range.
 * Only ends present in the current URL are carried; a URL without them stays clean.
 */
export function hrefWithTimeRange(href: string, current: ReadableParams): string {
  const carried = new URLSearchParams();
  for (const name of [TIME_RANGE_PARAMS.from, TIME_RANGE_PARAMS.to]) {
    const value = nonEmpty(current.get(name));
    if (value !== undefined) carried.set(name, value);
  }
  const query = carried.toString();
  if (query === '') return href;
  return `${href}${href.includes('?') ? '&' : '?'}${query}`;
}

/** The query string (without `?`) of `current` with the range replaced; other parameters are kept. */
export function searchWithTimeRange(current: string | URLSearchParams, range: TimeRangeInput): string {
  const next = new URLSearchParams(current);
  next.set(TIME_RANGE_PARAMS.from, range.from.trim());
  next.set(TIME_RANGE_PARAMS.to, range.to.trim());
  return next.toString();
}

function nonEmpty(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value;
}
