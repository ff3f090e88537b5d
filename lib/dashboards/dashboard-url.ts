/**
 * Dashboard URL state besides the time range: `var-<name>=<value>` (repeated for a multi-value
 * variable) and `refresh=off|5s|10s|30s|1m`.
 */
import { REFRESH_OPTIONS, type RefreshOption } from './model';

export { REFRESH_OPTIONS, type RefreshOption };

const REFRESH_MS: Record<RefreshOption, number | false> = { off: false, '5s': 5000, '10s': 10_000, '30s': 30_000, '1m': 60_000 };

interface ReadableParams {
  getAll(name: string): string[];
  get(name: string): string | null;
}

export function variableParam(name: string): string {
  return `var-${name}`;
}

/** The URL's values of a variable ([] when absent: the caller then picks a default). */
export function readVariableValues(params: ReadableParams, name: string): string[] {
  return params.getAll(variableParam(name)).filter((v) => v !== '');
}

/** The query string (no `?`) with a variable's values replaced; other parameters are kept. */
export function searchWithVariable(current: string, name: string, values: readonly string[]): string {
  const next = new URLSearchParams(current);
  next.delete(variableParam(name));
  for (const v of values) next.append(variableParam(name), v);
  return next.toString();
}

/** The refresh interval in the URL; unknown values read as `fallback`. */
export function readRefresh(params: ReadableParams, fallback: RefreshOption = 'off'): RefreshOption {
  const raw = params.get('refresh');
  return (REFRESH_OPTIONS as readonly string[]).includes(raw ?? '') ? (raw as RefreshOption) : fallback;
}

/** Milliseconds between refreshes, or false for off (react-query's refetchInterval). */
export function refreshIntervalMs(option: RefreshOption): number | false {
  return REFRESH_MS[option];
}

/**
 * The values to use for a variable: those in the URL that are still offered (when options are known),
 * else the first option (a single-value variable must have one value to make queries valid).
 */
export function effectiveValues(fromUrl: readonly string[], options: readonly string[] | null, multi: boolean): string[] {
  const kept = options ? fromUrl.filter((v) => options.includes(v) || v === '$__all') : [...fromUrl];
  const chosen = kept.length ? kept : fromUrl.length && !options ? [...fromUrl] : options?.length ? [options[0]] : [];
  return multi ? chosen : chosen.slice(0, 1);
}
