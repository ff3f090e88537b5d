import { nearestRankPercentile } from '@/lib/percentile';
import { msToUnixNano, resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { readServiceGraph } from '@/server/store/service-graph';

/** Most spans read per map; beyond this only the newest spans of the range are used (`sampled`). */
export const SERVICE_MAP_MAX_SPANS = 100_000;

/** Request statistics shared by nodes and edges. Percentages are 0–100; p95 is nearest-rank, null without data. */
export interface RequestStats {
  requestCount: number;
  /** requestCount per second of the window read (`windowSeconds`). */
  ratePerSecond: number;
  errorCount: number;
  errorPercent: number;
  p95Ns: number | null;
}

/**
 * A service. Its requests are its entry spans: SERVER or CONSUMER kind, or trace roots (what a load
 * generator or a cron job starts). A service seen only as a caller or callee of others still has a node.
 */
export interface ServiceMapNode extends RequestStats {
  service: string;
}

/** Calls from `caller` to `callee`: spans of callee whose parent span belongs to caller, timed by the child span. */
export interface ServiceMapEdge extends RequestStats {
  caller: string;
  callee: string;
}

export interface ServiceMap {
  /** The requested range, resolved (epoch ms). */
  fromMs: number;
  toMs: number;
  /** The part of the range actually read (epoch ms, floored): all of it unless `sampled`. */
  windowFromMs: number;
  windowToMs: number;
  windowSeconds: number;
  /** True when the range held more than `maxSpans` spans and only the newest of them were read. */
  sampled: boolean;
  maxSpans: number;
  /** Sorted by service name. */
  nodes: ServiceMapNode[];
  /** Sorted by caller, then callee. */
  edges: ServiceMapEdge[];
}

interface Accumulator {
  durations: number[];
  errors: number;
}

function accumulate<K>(map: Map<K, Accumulator>, key: K, durationNs: number, error: boolean): void {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = { durations: [], errors: 0 }));
  acc.durations.push(durationNs);
  if (error) acc.errors += 1;
}

function stats(acc: Accumulator | undefined, windowSeconds: number): RequestStats {
  const requestCount = acc?.durations.length ?? 0;
  const errorCount = acc?.errors ?? 0;
  return {
    requestCount,
    ratePerSecond: requestCount / windowSeconds,
    errorCount,
    errorPercent: requestCount === 0 ? 0 : (errorCount / requestCount) * 100,
    p95Ns: acc ? nearestRankPercentile(acc.durations, 95) : null,
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Services and the calls between them in the range: an edge caller → callee for every child span whose
 * parent span (same trace) belongs to another service and that starts in the range. Relative ends resolve at
 * `nowMs`; throws TimeRangeError for an invalid or empty range. Reads at most `maxSpans` spans (the newest);
 * rates are then per second of the part read, so they stay true for that part.
 */
export function getServiceMap(range: TimeRangeInput, nowMs: number = Date.now(),
  maxSpans: number = SERVICE_MAP_MAX_SPANS): ServiceMap {
  const { fromMs, toMs } = resolveTimeRange(range, nowMs);
  const rows = readServiceGraph({ fromUnixNano: msToUnixNano(fromMs), toUnixNano: msToUnixNano(toMs), maxSpans });
  const windowNs = rows.scannedToUnixNano - rows.scannedFromUnixNano;
  const windowSeconds = Number(windowNs > 0n ? windowNs : 1n) / 1e9;

  const byService = new Map<string, Accumulator>();
  for (const e of rows.entries) accumulate(byService, e.service, e.durationNs, e.error);
  const byCall = new Map<string, Map<string, Accumulator>>();
  for (const c of rows.calls) {
    let callees = byCall.get(c.caller);
    if (!callees) byCall.set(c.caller, (callees = new Map()));
    accumulate(callees, c.callee, c.durationNs, c.error);
  }

  const names = new Set(byService.keys());
  const edges: ServiceMapEdge[] = [];
  for (const [caller, callees] of byCall) {
    names.add(caller);
    for (const [callee, acc] of callees) {
      names.add(callee);
      edges.push({ caller, callee, ...stats(acc, windowSeconds) });
    }
  }
  edges.sort((a, b) => byName(a.caller, b.caller) || byName(a.callee, b.callee));
  const nodes = [...names].sort(byName).map((service) => ({ service, ...stats(byService.get(service), windowSeconds) }));

  return {
    fromMs, toMs,
    windowFromMs: Number(rows.scannedFromUnixNano / 1_000_000n), windowToMs: Number(rows.scannedToUnixNano / 1_000_000n),
    windowSeconds, sampled: rows.sampled, maxSpans, nodes, edges,
  };
}
