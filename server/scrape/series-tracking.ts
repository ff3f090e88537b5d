import type { PromSeriesRow } from '@/server/store/rows';
import type { ParsedExemplar } from './parse-exposition';
import type { ScrapedSample } from './process-scrape';

/**
 * Per-target memory between scrapes, pure (no clock, no I/O):
 *
 * - StalenessTracker: Prometheus's staleness handling. A series present in the previous successful
 *   scrape and absent from this one gets a staleness marker at this scrape's time; a failed scrape (or a
 *   removed target) marks every previously seen series stale and forgets them. Series with an exposed
 *   (honored) timestamp are not tracked, as in Prometheus. It also counts series new since the previous
 *   scrape (scrape_series_added).
 * - ExemplarDeduper: an exporter repeats the last exemplar of a bucket on every scrape; only a changed
 *   exemplar (labels, value or timestamp) is stored again, as Prometheus's exemplar storage ignores
 *   duplicates.
 */
export class StalenessTracker {
  private tracked = new Map<string, PromSeriesRow>();
  private previousKeys = new Set<string>();

  /** After a successful scrape: the series to mark stale now, and how many series are new. */
  next(samples: readonly ScrapedSample[]): { stale: PromSeriesRow[]; added: number } {
    const tracked = new Map<string, PromSeriesRow>();
    const keys = new Set<string>();
    let added = 0;
    for (const s of samples) {
      keys.add(s.key);
      if (!this.previousKeys.has(s.key)) added++;
      if (!s.explicitTimestamp) tracked.set(s.key, s.series);
    }
    const stale: PromSeriesRow[] = [];
    for (const [key, series] of this.tracked) if (!tracked.has(key)) stale.push(series);
    this.tracked = tracked;
    this.previousKeys = keys;
    return { stale, added };
  }

  /** After a failed scrape, or when the target goes away: every tracked series goes stale. */
  dropAll(): PromSeriesRow[] {
    const stale = [...this.tracked.values()];
    this.tracked = new Map();
    this.previousKeys = new Set();
    return stale;
  }

  get size(): number {
    return this.tracked.size;
  }
}

function exemplarKey(e: ParsedExemplar): string {
  const keys = Object.keys(e.labels).sort();
  return `${e.value}\u0000${e.timestampMs ?? ''}\u0000${keys.map((k) => `${k}=${e.labels[k]}`).join('\u0001')}`;
}

export class ExemplarDeduper {
  private last = new Map<string, string>();

  /** Exemplars of this scrape that differ from the previous scrape's for the same series (by sample key). */
  fresh(samples: readonly ScrapedSample[]): Map<string, ParsedExemplar> {
    const next = new Map<string, string>();
    const out = new Map<string, ParsedExemplar>();
    for (const s of samples) {
      if (!s.exemplar) continue;
      const k = exemplarKey(s.exemplar);
      next.set(s.key, k);
      if (this.last.get(s.key) !== k) out.set(s.key, s.exemplar);
    }
    this.last = next;
    return out;
  }

  reset(): void {
    this.last = new Map();
  }
}
