import type { PromSampleRow, PromScrapeRows, PromSeriesRow, WriteBatch } from '@/server/store/rows';
import type { ResolvedTarget } from './config';
import { formatPromDuration } from './config';
import { SCRAPE_ACCEPT_HEADER, formatFromContentType, parseExposition } from './parse-exposition';
import { ScrapeLimitError, processScrape, reportSamples, toExemplarRow, type ScrapedSample, type TargetScrapeSettings } from './process-scrape';
import { ExemplarDeduper, StalenessTracker } from './series-tracking';
import { scrapeState, type TargetStatus } from './targets-state';

/**
 * The scrape loops: one per target, each on its own interval from a random offset (so targets of a job
 * do not all fire at once), fetching with a timeout and a body size cap, parsing, applying limits and
 * writing through the ordinary group-commit write queue. Like Prometheus, every scrape also writes `up`,
 * `scrape_duration_seconds`, `scrape_samples_scraped`, `scrape_samples_post_metric_relabeling` and
 * `scrape_series_added`; a failed scrape (unreachable, HTTP error, timeout, oversized or malformed body,
 * exceeded limit) writes up=0 and staleness markers for the target's previous series and fails only
 * that scrape. A target removed from the config gets staleness markers for all its series (report series
 * included); shutting down writes none (a restart should not look like every series ending), as in
 * Prometheus.
 */

export interface ScrapeDeps {
  /** Stores one batch; resolves after commit (server/store/ingest-writer storeBatch). */
  store: (batch: WriteBatch) => Promise<void>;
  /** Epoch ms (tests pin it). */
  now?: () => number;
  /** Normalize scraped `le`/`quantile` values as Prometheus 3 does (default true; false = Prometheus 2). */
  normalizeFloatLabels?: boolean;
  /** In [0, 1): the offset of a target's first scrape within its interval. */
  random?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export class ScrapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScrapeError';
  }
}

/** Error text as the targets page shows it: undici's "fetch failed" is useless without its cause. */
export function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  if (err.message === 'fetch failed' && cause instanceof Error) return `${err.message}: ${cause.message}`;
  return err.message;
}

export interface FetchedExposition {
  text: string;
  contentType: string | null;
}

/** GETs a target's exposition: Prometheus's Accept header, the scrape timeout, and a cap on the decompressed body. */
export async function fetchExposition(url: string, options: {
  timeoutMs: number;
  bodySizeLimitBytes: number;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}): Promise<FetchedExposition> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await (options.fetchImpl ?? fetch)(url, {
      headers: {
        accept: SCRAPE_ACCEPT_HEADER,
        'user-agent': 'Sightline/0.1 (Prometheus-compatible scraper)',
        'x-prometheus-scrape-timeout-seconds': String(options.timeoutMs / 1000),
      },
      signal: controller.signal,
      redirect: 'follow',
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new ScrapeError(`server returned HTTP status ${res.status} ${res.statusText}`.trim());
    }
    const limit = options.bodySizeLimitBytes;
    const declared = Number(res.headers.get('content-length'));
    if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > limit) {
      await res.body?.cancel().catch(() => undefined);
      throw new ScrapeError(`body size limit exceeded (${limit} bytes)`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          throw new ScrapeError(`body size limit exceeded (${limit} bytes)`);
        }
        chunks.push(value);
      }
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
    } catch {
      throw new ScrapeError('the response body is not valid UTF-8');
    }
    return { text, contentType: res.headers.get('content-type') };
  } catch (err) {
    if (timedOut) throw new ScrapeError(`scrape timed out after ${formatPromDuration(options.timeoutMs)}`);
    if (err instanceof ScrapeError) throw err;
    throw new ScrapeError(describeFetchError(err));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

const MS_NS = 1_000_000n;
const toNs = (ms: number) => BigInt(Math.round(ms)) * MS_NS;

function settingsOf(target: ResolvedTarget, normalizeFloatLabels: boolean): TargetScrapeSettings {
  const j = target.job;
  return {
    targetLabels: target.labels, honorLabels: j.honorLabels, honorTimestamps: j.honorTimestamps, normalizeFloatLabels, sampleLimit: j.sampleLimit,
    labelLimit: j.labelLimit, labelNameLengthLimit: j.labelNameLengthLimit, labelValueLengthLimit: j.labelValueLengthLimit,
  };
}

/** The resource a target's series live under. */
export function targetIdentity(target: ResolvedTarget): { job: string; instance: string } {
  return { job: target.labels.job ?? target.scrapePool, instance: target.labels.instance ?? target.discoveredLabels.__address__ ?? target.scrapeUrl };
}

export function newTargetStatus(target: ResolvedTarget): TargetStatus {
  return {
    key: target.key, scrapePool: target.scrapePool, scrapeUrl: target.scrapeUrl, discoveredLabels: target.discoveredLabels,
    labels: target.labels, health: 'unknown', lastError: '', lastScrapeMs: null, lastScrapeDurationSeconds: 0,
    lastSamplesScraped: 0, scrapeIntervalMs: target.job.scrapeIntervalMs, scrapeTimeoutMs: target.job.scrapeTimeoutMs,
  };
}

/** One target's loop. */
export class TargetLoop {
  private timer: NodeJS.Timeout | null = null;
  private abort: AbortController | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private nextAtMs = 0;
  private readonly staleness = new StalenessTracker();
  private readonly exemplars = new ExemplarDeduper();
  /** Report series last written (for end-of-run staleness). */
  private reportSeries: PromSeriesRow[] = [];

  constructor(
    private target: ResolvedTarget,
    private readonly status: TargetStatus,
    private readonly deps: ScrapeDeps,
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Schedules the first scrape at a random offset within the interval. */
  start(): void {
    const interval = this.target.job.scrapeIntervalMs;
    const offset = Math.floor((this.deps.random ?? Math.random)() * interval);
    this.nextAtMs = this.now() + offset;
    this.schedule();
  }

  /** Same target, possibly new settings (interval, timeout, limits). */
  update(target: ResolvedTarget): void {
    const intervalChanged = target.job.scrapeIntervalMs !== this.target.job.scrapeIntervalMs;
    this.target = target;
    this.status.scrapeIntervalMs = target.job.scrapeIntervalMs;
    this.status.scrapeTimeoutMs = target.job.scrapeTimeoutMs;
    this.status.discoveredLabels = target.discoveredLabels;
    if (intervalChanged && !this.stopped && this.timer) {
      clearTimeout(this.timer);
      this.nextAtMs = Math.min(this.nextAtMs, this.now() + target.job.scrapeIntervalMs);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.max(0, this.nextAtMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.runScheduled().finally(() => {
        this.inFlight = null;
      });
    }, delay);
    this.timer.unref?.();
  }

  private async runScheduled(): Promise<void> {
    try {
      await this.scrapeOnce();
    } catch (err) {
      // scrapeOnce handles scrape failures itself; this is a bug or a failed write: keep the loop alive.
      this.deps.log?.(`scrape ${this.target.scrapeUrl}: ${describeFetchError(err)}`);
    }
    const interval = this.target.job.scrapeIntervalMs;
    const now = this.now();
    this.nextAtMs += interval;
    if (this.nextAtMs <= now) this.nextAtMs += Math.ceil((now - this.nextAtMs + 1) / interval) * interval;
    this.schedule();
  }

  /** One scrape: fetch, parse, process, write. Resolves after the write is committed (or failed). */
  async scrapeOnce(): Promise<void> {
    if (this.stopped) return;
    const target = this.target;
    const startMs = this.now();
    const started = performance.now();
    this.abort = new AbortController();
    let samples: ScrapedSample[] = [];
    let error: string | null = null;
    let samplesScraped = 0;
    try {
      const { text, contentType } = await fetchExposition(target.scrapeUrl, {
        timeoutMs: target.job.scrapeTimeoutMs, bodySizeLimitBytes: target.job.bodySizeLimitBytes,
        signal: this.abort.signal, fetchImpl: this.deps.fetch,
      });
      if (this.stopped) return;
      const processed = processScrape(parseExposition(text, formatFromContentType(contentType)), settingsOf(target, this.deps.normalizeFloatLabels ?? true), startMs);
      samples = processed.samples;
      samplesScraped = processed.samplesScraped;
    } catch (err) {
      if (this.stopped) return;
      error = err instanceof Error ? err.message : String(err);
      if (err instanceof ScrapeLimitError) samplesScraped = err.samplesScraped;
    } finally {
      this.abort = null;
    }
    const durationSeconds = (performance.now() - started) / 1000;

    const rows: PromSampleRow[] = [];
    let seriesAdded = 0;
    let stale: PromSeriesRow[];
    if (error === null) {
      const tracked = this.staleness.next(samples);
      stale = tracked.stale;
      seriesAdded = tracked.added;
      const fresh = this.exemplars.fresh(samples);
      for (const s of samples) {
        const exemplar = fresh.get(s.key);
        rows.push({ series: s.series, timeUnixNano: toNs(s.timeMs), value: s.value, stale: false, exemplar: exemplar ? toExemplarRow(exemplar, s.timeMs) : null });
      }
    } else {
      stale = this.staleness.dropAll();
      this.exemplars.reset();
    }
    const startNs = toNs(startMs);
    for (const series of stale) rows.push({ series, timeUnixNano: startNs, value: NaN, stale: true, exemplar: null });
    const report = reportSamples(target.labels, {
      up: error === null ? 1 : 0, durationSeconds, samplesScraped,
      samplesPostMetricRelabeling: error === null ? samples.length : 0, seriesAdded,
    }, startMs);
    this.reportSeries = report.map((r) => r.series);
    for (const r of report) rows.push({ series: r.series, timeUnixNano: startNs, value: r.value, stale: false, exemplar: null });

    Object.assign(this.status, {
      lastScrapeMs: startMs, lastScrapeDurationSeconds: durationSeconds, lastSamplesScraped: samplesScraped,
      health: error === null ? 'up' : 'down', lastError: error ?? '',
    } satisfies Partial<TargetStatus>);

    try {
      await this.write(rows);
    } catch (err) {
      if (!this.stopped) Object.assign(this.status, { health: 'down', lastError: `samples not stored: ${describeFetchError(err)}` } satisfies Partial<TargetStatus>);
    }
  }

  private write(samples: PromSampleRow[]): Promise<void> {
    if (samples.length === 0) return Promise.resolve();
    const group: PromScrapeRows = { ...targetIdentity(this.target), samples };
    return this.deps.store({ promSamples: [group] });
  }

  /**
   * Stops the loop. With `staleness` (target removed), every series it wrote — report series included —
   * gets a staleness marker now. Resolves once a scrape in flight has ended.
   */
  async stop(options: { staleness: boolean }): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    if (!options.staleness) return;
    await this.inFlight?.catch(() => undefined);
    const series = [...this.staleness.dropAll(), ...this.reportSeries];
    if (series.length === 0) return;
    // After the last scrape's samples, even with a pinned or coarse clock (a point at the same time would be replaced).
    const t = toNs(Math.max(this.now(), (this.status.lastScrapeMs ?? 0) + 1));
    await this.write(series.map((s) => ({ series: s, timeUnixNano: t, value: NaN, stale: true, exemplar: null }))).catch((err: unknown) => {
      this.deps.log?.(`scrape ${this.target.scrapeUrl}: staleness markers not stored: ${describeFetchError(err)}`);
    });
  }
}

/** All loops of the config in force; apply() diffs a new target list against the running loops. */
export class ScrapeManager {
  private readonly loops = new Map<string, TargetLoop>();

  constructor(private readonly deps: ScrapeDeps) {}

  /** Starts new targets, updates kept ones, stops (with staleness markers) removed ones. */
  apply(targets: readonly ResolvedTarget[]): void {
    const state = scrapeState();
    const next = new Map(targets.map((t) => [t.key, t]));
    for (const [key, loop] of this.loops) {
      if (next.has(key)) continue;
      this.loops.delete(key);
      state.targets.delete(key);
      void loop.stop({ staleness: true });
    }
    for (const target of targets) {
      const running = this.loops.get(target.key);
      if (running) {
        running.update(target);
        continue;
      }
      const status = newTargetStatus(target);
      state.targets.set(target.key, status);
      const loop = new TargetLoop(target, status, this.deps);
      this.loops.set(target.key, loop);
      loop.start();
    }
  }

  /** The loop of a target (tests drive scrapes by hand). */
  loop(key: string): TargetLoop | undefined {
    return this.loops.get(key);
  }

  /** Shutdown: stops every loop without staleness markers. */
  stop(): void {
    for (const loop of this.loops.values()) void loop.stop({ staleness: false });
    this.loops.clear();
  }
}
