import type Database from 'better-sqlite3';

/**
 * Decoded samples of number series (gauges, sums, scraped series), kept between PromQL queries.
 *
 * Why: reading points back from SQLite costs ~1 µs per sample, most of a dashboard query's time, and
 * dashboards re-run the same queries over mostly the same past every refresh. Past samples almost
 * never change, so each series' columns are cached for the *settled* part of the window only: up to
 * SETTLE_MS before now. Newer samples are always read from SQLite (a few per series), so live ingest
 * never invalidates the cache; a write at or before a cached range's end (a late or backfilled sample)
 * drops that series' entry (writers call noteWrite). Entries are evicted least recently used beyond
 * a budget of samples.
 *
 * Invariants: an entry is complete for every stored point whose millisecond lies in [fromMs, toMs];
 * its columns are sorted by time; one process writes the database (docs/ARCHITECTURE.md), so no write
 * escapes noteWrite. Times are epoch milliseconds.
 */

/** Samples older than this (ms before now) are cached; newer ones are always read fresh. */
export const SETTLE_MS = 5 * 60_000;

export interface SampleColumns {
  ts: number[];
  vs: number[];
  /** Staleness markers, epoch ms, ascending. */
  stale: number[];
}

interface Entry extends SampleColumns {
  fromMs: number;
  toMs: number;
}

/** Index of the first element ≥ x in a sorted array. */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sliceColumns(c: SampleColumns, fromMs: number, toMs: number): SampleColumns {
  const a = lowerBound(c.ts, fromMs);
  const b = lowerBound(c.ts, toMs + 1);
  const sa = lowerBound(c.stale, fromMs);
  const sb = lowerBound(c.stale, toMs + 1);
  return { ts: c.ts.slice(a, b), vs: c.vs.slice(a, b), stale: c.stale.slice(sa, sb) };
}

function concatColumns(a: SampleColumns, b: SampleColumns): SampleColumns {
  if (b.ts.length === 0 && b.stale.length === 0) return a;
  return { ts: a.ts.concat(b.ts), vs: a.vs.concat(b.vs), stale: a.stale.concat(b.stale) };
}

const size = (c: SampleColumns) => c.ts.length + c.stale.length;

export class PromSampleCache {
  /** Map order is recency: the first entry is the least recently used. */
  private readonly entries = new Map<number, Entry>();
  private held = 0;

  constructor(private readonly maxSamples: number) {}

  /**
   * The samples of series `id` with milliseconds in [loMs, hiMs], from the cache where settled and
   * through `load(fromMs, toMs)` (a fresh read of that range from SQLite) for the rest.
   */
  read(id: number, loMs: number, hiMs: number, nowMs: number, load: (fromMs: number, toMs: number) => SampleColumns): SampleColumns {
    const settledTo = Math.min(hiMs, nowMs - SETTLE_MS);
    if (this.maxSamples <= 0 || settledTo < loMs) return load(loMs, hiMs);
    let entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      if (entry.fromMs > loMs || entry.toMs < loMs - 1) {
        this.held -= size(entry);
        entry = undefined;
      }
    }
    if (!entry) {
      entry = { ...load(loMs, settledTo), fromMs: loMs, toMs: settledTo };
      this.held += size(entry);
    } else if (entry.toMs < settledTo) {
      const more = load(entry.toMs + 1, settledTo);
      entry = { ...concatColumns(entry, more), fromMs: entry.fromMs, toMs: settledTo };
      this.held += size(more);
    }
    this.entries.set(id, entry);
    const settled = entry.fromMs === loMs && entry.toMs === settledTo ? entry : sliceColumns(entry, loMs, settledTo);
    const result = settledTo < hiMs ? concatColumns(settled, load(settledTo + 1, hiMs)) : settled;
    this.evict();
    // Callers get their own arrays when the entry's are shared with the cache.
    return result === entry ? { ts: entry.ts.slice(), vs: entry.vs.slice(), stale: entry.stale.slice() } : result;
  }

  /** A point of series `id` at `timeUnixNano` was written: drop the entry if the point falls in it. */
  noteWrite(id: number, timeUnixNano: bigint): void {
    if (this.entries.size === 0) return;
    const entry = this.entries.get(id);
    if (entry && Number(timeUnixNano / 1_000_000n) <= entry.toMs) {
      this.entries.delete(id);
      this.held -= size(entry);
    }
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  /** Samples held (for tests and diagnostics). */
  get heldSamples(): number {
    return this.held;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.held <= this.maxSamples) return;
      this.entries.delete(id);
      this.held -= size(entry);
    }
  }
}

const KEY = Symbol.for('sightline.promSampleCache');
type Holder = { [KEY]?: WeakMap<Database.Database, PromSampleCache> };

/** Default budget: 4M samples ≈ 64 MiB of columns. */
const DEFAULT_MAX_SAMPLES = 4_000_000;

/** The cache of one database handle (readers and writers of that handle share it). */
export function promSampleCacheFor(db: Database.Database, maxSamples = DEFAULT_MAX_SAMPLES): PromSampleCache {
  const holder = globalThis as Holder;
  const caches = (holder[KEY] ??= new WeakMap());
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PromSampleCache(maxSamples)));
  return cache;
}
