import os from 'node:os';
import { formatPromDuration } from './config';

/**
 * What the scrape loops know about their targets and the config file, for the /targets page and a
 * Prometheus-compatible /api/v1/targets. Kept on globalThis: the loops run in the process's lifecycle
 * (whichever bundle started it) while tRPC reads from Next's bundle.
 */

export type TargetHealth = 'up' | 'down' | 'unknown';

export interface TargetStatus {
  /** Same key as ResolvedTarget.key. */
  key: string;
  scrapePool: string;
  scrapeUrl: string;
  discoveredLabels: Record<string, string>;
  labels: Record<string, string>;
  health: TargetHealth;
  lastError: string;
  /** Epoch ms of the last scrape's start; null before the first one. */
  lastScrapeMs: number | null;
  lastScrapeDurationSeconds: number;
  lastSamplesScraped: number;
  scrapeIntervalMs: number;
  scrapeTimeoutMs: number;
}

export interface ScrapeConfigStatus {
  path: string;
  /** False when the config file does not exist (nothing is scraped). */
  found: boolean;
  /** The last reload's error; the previous valid config stays in force meanwhile. */
  error: string | null;
  errorAtMs: number | null;
  /** When the config in force was loaded. */
  loadedAtMs: number | null;
  /** Job names of the config in force, in file order (a job may have no targets). */
  scrapePools: string[];
}

interface ScrapeStateHolder {
  config: ScrapeConfigStatus;
  targets: Map<string, TargetStatus>;
}

const KEY = Symbol.for('sightline.scrapeState');
type Holder = { [KEY]?: ScrapeStateHolder };

export function scrapeState(): ScrapeStateHolder {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    config: { path: '', found: false, error: null, errorAtMs: null, loadedAtMs: null, scrapePools: [] },
    targets: new Map(),
  };
  return holder[KEY];
}

/** A valid config is in force (also the first load, and a missing file: nothing to scrape). */
export function recordConfigLoaded(path: string, found: boolean, scrapePools: string[], atMs: number): void {
  scrapeState().config = { path, found, error: null, errorAtMs: null, loadedAtMs: atMs, scrapePools };
}

/** A reload failed; the config in force stays. */
export function recordConfigError(path: string, message: string, atMs: number): void {
  const state = scrapeState();
  state.config = { ...state.config, path, error: message, errorAtMs: atMs };
}

/** Forgets everything (tests). */
export function resetScrapeState(): void {
  delete (globalThis as Holder)[KEY];
}

/** Prometheus's /api/v1/targets `data` shape. */
export interface PromActiveTarget {
  discoveredLabels: Record<string, string>;
  labels: Record<string, string>;
  scrapePool: string;
  scrapeUrl: string;
  globalUrl: string;
  lastError: string;
  /** RFC 3339; "0001-01-01T00:00:00Z" before the first scrape, as Prometheus. */
  lastScrape: string;
  /** Seconds. */
  lastScrapeDuration: number;
  health: TargetHealth;
  /** Prometheus duration, e.g. "15s". */
  scrapeInterval: string;
  scrapeTimeout: string;
}

export interface PromTargetsData {
  activeTargets: PromActiveTarget[];
  droppedTargets: never[];
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** The URL as seen from elsewhere: a loopback or unspecified host is replaced by this machine's name (as Prometheus's globalUrl). */
export function globalUrl(scrapeUrl: string, hostname: string = os.hostname()): string {
  try {
    const url = new URL(scrapeUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host === '::1' || host === '::' || host === '0.0.0.0' || /^127\./.test(host)) {
      url.hostname = hostname;
      return url.toString();
    }
    return scrapeUrl;
  } catch {
    return scrapeUrl;
  }
}

function sortedTargets(): TargetStatus[] {
  const state = scrapeState();
  const order = new Map(state.config.scrapePools.map((pool, i) => [pool, i]));
  return [...state.targets.values()].sort((a, b) =>
    (order.get(a.scrapePool) ?? 1e9) - (order.get(b.scrapePool) ?? 1e9)
    || (a.scrapePool < b.scrapePool ? -1 : a.scrapePool > b.scrapePool ? 1 : 0)
    || (a.scrapeUrl < b.scrapeUrl ? -1 : a.scrapeUrl > b.scrapeUrl ? 1 : 0));
}

function toPromTarget(t: TargetStatus): PromActiveTarget {
  return {
    discoveredLabels: { ...t.discoveredLabels },
    labels: { ...t.labels },
    scrapePool: t.scrapePool,
    scrapeUrl: t.scrapeUrl,
    globalUrl: globalUrl(t.scrapeUrl),
    lastError: t.lastError,
    lastScrape: t.lastScrapeMs === null ? ZERO_TIME : new Date(t.lastScrapeMs).toISOString(),
    lastScrapeDuration: t.lastScrapeDurationSeconds,
    health: t.health,
    scrapeInterval: formatPromDuration(t.scrapeIntervalMs),
    scrapeTimeout: formatPromDuration(t.scrapeTimeoutMs),
  };
}

/** Prometheus's GET /api/v1/targets `data`, for the targets in force. */
export function getTargetsSnapshot(): PromTargetsData {
  return { activeTargets: sortedTargets().map(toPromTarget), droppedTargets: [] };
}

export function getScrapeConfigStatus(): ScrapeConfigStatus {
  const { config } = scrapeState();
  return { ...config, scrapePools: [...config.scrapePools] };
}

export interface TargetsListing {
  activeTargets: (PromActiveTarget & { lastSamplesScraped: number })[];
  droppedTargets: never[];
  config: ScrapeConfigStatus;
}

/** Everything the /targets page shows: the Prometheus-shaped targets (plus samples per scrape) and the config file's state. */
export function listTargets(): TargetsListing {
  return {
    activeTargets: sortedTargets().map((t) => ({ ...toPromTarget(t), lastSamplesScraped: t.lastSamplesScraped })),
    droppedTargets: [],
    config: getScrapeConfigStatus(),
  };
}
