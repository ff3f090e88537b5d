'use client';

import {
  PROM_API, PromQueryError, exemplarQueryParams, instantQueryParams, parseExemplarsResponse, parseInstantResponse,
  parseRangeResponse, rangeQueryParams, type PromResponse,
} from '@/lib/explore/prom-api';

/** GET on our own Prometheus-compatible API (same origin); transport failures become PromQueryError('network'). */
async function promGet<T>(path: string, params: URLSearchParams, parse: (status: number, text: string) => PromResponse<T>, signal?: AbortSignal): Promise<PromResponse<T>> {
  let res: Response;
  try {
    res = await fetch(`${path}?${params.toString()}`, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PromQueryError('network', `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parse(res.status, await res.text());
}

export function fetchRange(query: string, startMs: number, endMs: number, stepSeconds: number, signal?: AbortSignal) {
  return promGet(PROM_API.queryRange, rangeQueryParams(query, startMs, endMs, stepSeconds), parseRangeResponse, signal);
}

export function fetchInstant(query: string, timeMs: number, signal?: AbortSignal) {
  return promGet(PROM_API.query, instantQueryParams(query, timeMs), parseInstantResponse, signal);
}

export function fetchExemplars(query: string, startMs: number, endMs: number, signal?: AbortSignal) {
  return promGet(PROM_API.queryExemplars, exemplarQueryParams(query, startMs, endMs), parseExemplarsResponse, signal);
}

/** Retry once on transport and 5xx failures; a query Prometheus refused will not get better by asking again. */
export function retryPromQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof PromQueryError && (error.httpStatus === undefined ? error.errorType !== 'network' : error.httpStatus < 500)) return false;
  if (error instanceof PromQueryError && ['bad_data', 'execution', 'timeout', 'canceled'].includes(error.errorType)) return false;
  return failureCount < 1;
}

/** Title and message of a failed query, with Prometheus's errorType. */
export function describePromError(error: unknown): { errorType: string; message: string } {
  if (error instanceof PromQueryError) return { errorType: error.errorType, message: error.message };
  return { errorType: 'error', message: error instanceof Error ? error.message : String(error) };
}
