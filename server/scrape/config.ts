import fs from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';

/**
 * Scrape configuration: the `global` and `scrape_configs` sections of `sightline.yaml`
 * (SIGHTLINE_CONFIG), in Prometheus's own format and with Prometheus's defaults:
 *
 * ```yaml
 * global:
 *   scrape_interval: 1m        # default 1m
 *   scrape_timeout: 10s        # default 10s, capped at the interval when not set
 * scrape_configs:
 *   - job_name: shop
 *     scrape_interval: 15s     # default: global
 *     scrape_timeout: 5s       # default: global, capped at the interval when not set
 *     metrics_path: /metrics   # default /metrics
 *     scheme: http             # http | https
 *     params: { module: [x] }  # URL query parameters
 *     honor_labels: false
 *     honor_timestamps: true
 *     sample_limit: 0          # 0 = no limit (also label_limit, label_name_length_limit, label_value_length_limit)
 *     body_size_limit: 16MB    # default 16MiB here (Prometheus: unlimited); 0 = the default
 *     static_configs:
 *       - targets: ['127.0.0.1:9100']
 *         labels: { env: prod }
 * ```
 *
 * Supported subset: only static_configs (no service discovery, relabeling, auth or TLS settings).
 * Unknown keys inside `global` or a scrape config are errors (Prometheus rejects unknown fields too, and
 * silently ignoring e.g. `metric_relabel_configs` would store different data than the user asked for);
 * unknown top-level sections are left to their owners. A missing file means "nothing to scrape".
 */

export class ScrapeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScrapeConfigError';
  }
}

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
const UNIT_NAMES = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Prometheus duration syntax (`1h30m`, `15s`, `500ms`, `0`): units y w d h m s ms, largest first. Milliseconds. */
export function parsePromDuration(text: string): number {
  if (text === '0') return 0;
  const m = text === '' ? null : DURATION_RE.exec(text);
  if (!m) throw new ScrapeConfigError(`not a valid duration string: "${text}"`);
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) if (m[i + 1] !== undefined) ms += Number(m[i + 1]) * UNIT_MS[i];
  if (!Number.isSafeInteger(ms)) throw new ScrapeConfigError(`duration out of range: "${text}"`);
  return ms;
}

/** The Prometheus spelling of a duration, e.g. 90000 → "1m30s", 0 → "0s". */
export function formatPromDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (let i = 0; i < UNIT_MS.length; i++) {
    const n = Math.floor(rest / UNIT_MS[i]);
    if (n > 0) {
      out += `${n}${UNIT_NAMES[i]}`;
      rest -= n * UNIT_MS[i];
    }
  }
  return out;
}

const SIZE_UNITS: Record<string, number> = {
  B: 1, KB: 1024, KIB: 1024, MB: 1024 ** 2, MIB: 1024 ** 2, GB: 1024 ** 3, GIB: 1024 ** 3, TB: 1024 ** 4, TIB: 1024 ** 4,
};

/** Prometheus `body_size_limit` syntax (base 2, as Prometheus's units.Base2Bytes): `0`, `512KB`, `16MiB`. Bytes. */
export function parseByteSize(text: string): number {
  const m = /^(\d+)\s*([KMGT]?i?B)?$/i.exec(text.trim());
  const unit = m ? SIZE_UNITS[(m[2] ?? 'B').toUpperCase()] : undefined;
  if (!m || unit === undefined) throw new ScrapeConfigError(`not a valid size: "${text}" (e.g. 512KB, 16MB)`);
  return Number(m[1]) * unit;
}

/** Default cap on a scrape's (decompressed) body when body_size_limit is unset or 0. */
export const DEFAULT_BODY_SIZE_LIMIT = 16 * 1024 * 1024;

const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const durationSchema = z.union([z.string(), z.number()], { error: 'expected a duration string such as "15s" or "1m"' }).transform((text, ctx) => {
  try {
    return parsePromDuration(String(text));
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});
const positiveDuration = durationSchema.refine((ms) => ms > 0, 'must be greater than 0');

const sizeSchema = z.union([z.number().int().min(0), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  try {
    return parseByteSize(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const limit = z.number().int().min(0);
const labelValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const labelSetSchema = z.record(z.string(), labelValue).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!LABEL_NAME_RE.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'invalid label name (expected [a-zA-Z_][a-zA-Z0-9_]*)' });
  }
});

const targetSchema = z.string().trim().min(1, 'empty target').refine(
  (t) => !/[\s/?#@]/.test(t),
  'a target is "host:port" (no scheme, path or spaces)',
);

const limitFields = {
  sample_limit: limit.optional(),
  label_limit: limit.optional(),
  label_name_length_limit: limit.optional(),
  label_value_length_limit: limit.optional(),
  body_size_limit: sizeSchema.optional(),
};

const globalSchema = z.strictObject({
  scrape_interval: positiveDuration.optional(),
  scrape_timeout: positiveDuration.optional(),
  /** Accepted for compatibility with prometheus.yml; not used by scraping. */
  evaluation_interval: durationSchema.optional(),
  external_labels: labelSetSchema.optional(),
  ...limitFields,
});

const scrapeConfigSchema = z.strictObject({
  job_name: z.string().trim().min(1, 'job_name is required'),
  scrape_interval: positiveDuration.optional(),
  scrape_timeout: positiveDuration.optional(),
  metrics_path: z.string().startsWith('/', 'metrics_path must start with "/"').default('/metrics'),
  scheme: z.enum(['http', 'https']).default('http'),
  params: z.record(z.string(), z.array(z.string())).default({}),
  honor_labels: z.boolean().default(false),
  honor_timestamps: z.boolean().default(true),
  ...limitFields,
  static_configs: z.array(z.strictObject({
    targets: z.array(targetSchema).default([]),
    labels: labelSetSchema.default({}),
  })).nullish().transform((v) => v ?? []),
});

const fileSchema = z.looseObject({
  global: globalSchema.nullish(),
  scrape_configs: z.array(scrapeConfigSchema).nullish(),
});

export interface StaticConfig {
  targets: string[];
  labels: Record<string, string>;
}

export interface ScrapeJobConfig {
  jobName: string;
  scrapeIntervalMs: number;
  scrapeTimeoutMs: number;
  metricsPath: string;
  scheme: 'http' | 'https';
  params: Record<string, string[]>;
  honorLabels: boolean;
  honorTimestamps: boolean;
  /** 0 = no limit (all four). */
  sampleLimit: number;
  labelLimit: number;
  labelNameLengthLimit: number;
  labelValueLengthLimit: number;
  bodySizeLimitBytes: number;
  staticConfigs: StaticConfig[];
}

export interface ScrapeConfig {
  scrapeIntervalMs: number;
  scrapeTimeoutMs: number;
  jobs: ScrapeJobConfig[];
}

export const EMPTY_SCRAPE_CONFIG: ScrapeConfig = { scrapeIntervalMs: 60_000, scrapeTimeoutMs: 10_000, jobs: [] };

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses and validates the YAML text of the config file. Throws ScrapeConfigError with a readable message. */
export function parseScrapeConfig(text: string): ScrapeConfig {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new ScrapeConfigError(`invalid YAML: ${doc.errors[0].message.split('\n')[0].replace(/:$/, '')}`);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ScrapeConfigError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) return EMPTY_SCRAPE_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ScrapeConfigError('the config file must be a YAML mapping');
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new ScrapeConfigError(formatIssues(parsed.error));

  const g = parsed.data.global ?? {};
  const globalInterval = g.scrape_interval ?? 60_000;
  // Prometheus: an unset global timeout is 10s, or the global interval when that is shorter.
  const globalTimeout = g.scrape_timeout ?? Math.min(10_000, globalInterval);
  if (globalTimeout > globalInterval) {
    throw new ScrapeConfigError(`global: scrape_timeout (${formatPromDuration(globalTimeout)}) is greater than scrape_interval (${formatPromDuration(globalInterval)})`);
  }

  const seen = new Set<string>();
  const jobs = (parsed.data.scrape_configs ?? []).map((sc, i): ScrapeJobConfig => {
    if (seen.has(sc.job_name)) throw new ScrapeConfigError(`scrape_configs[${i}]: found multiple scrape configs with job name "${sc.job_name}"`);
    seen.add(sc.job_name);
    const interval = sc.scrape_interval ?? globalInterval;
    const timeout = sc.scrape_timeout ?? Math.min(globalTimeout, interval);
    if (timeout > interval) {
      throw new ScrapeConfigError(`scrape_configs[${i}] (${sc.job_name}): scrape_timeout (${formatPromDuration(timeout)}) is greater than scrape_interval (${formatPromDuration(interval)})`);
    }
    const bodyLimit = sc.body_size_limit ?? g.body_size_limit ?? 0;
    return {
      jobName: sc.job_name,
      scrapeIntervalMs: interval,
      scrapeTimeoutMs: timeout,
      metricsPath: sc.metrics_path,
      scheme: sc.scheme,
      params: sc.params,
      honorLabels: sc.honor_labels,
      honorTimestamps: sc.honor_timestamps,
      sampleLimit: sc.sample_limit ?? g.sample_limit ?? 0,
      labelLimit: sc.label_limit ?? g.label_limit ?? 0,
      labelNameLengthLimit: sc.label_name_length_limit ?? g.label_name_length_limit ?? 0,
      labelValueLengthLimit: sc.label_value_length_limit ?? g.label_value_length_limit ?? 0,
      bodySizeLimitBytes: bodyLimit === 0 ? DEFAULT_BODY_SIZE_LIMIT : bodyLimit,
      staticConfigs: sc.static_configs.map((s) => ({ targets: s.targets, labels: s.labels })),
    };
  });
  return { scrapeIntervalMs: globalInterval, scrapeTimeoutMs: globalTimeout, jobs };
}

/** One target to scrape, as Prometheus describes it after (trivial) relabeling. */
export interface ResolvedTarget {
  /** Identity across reloads: pool + URL + final labels. */
  key: string;
  scrapePool: string;
  scrapeUrl: string;
  /** `__address__`, `__scheme__`, `__metrics_path__`, `__scrape_interval__`, `__scrape_timeout__`, `job`, `__param_*` and the static labels. */
  discoveredLabels: Record<string, string>;
  /** Labels every series of the target gets: `job`, `instance` and the static labels (none starting with `__`). */
  labels: Record<string, string>;
  job: ScrapeJobConfig;
}

function sortedRecord(entries: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

/** Expands every static target of every job; duplicates within a job (same URL and labels) are scraped once. */
export function resolveTargets(config: ScrapeConfig): ResolvedTarget[] {
  const out: ResolvedTarget[] = [];
  for (const job of config.jobs) {
    const keys = new Set<string>();
    for (const sc of job.staticConfigs) {
      for (const address of sc.targets) {
        const discovered: [string, string][] = [
          ['__address__', address], ['__metrics_path__', job.metricsPath], ['__scheme__', job.scheme],
          ['__scrape_interval__', formatPromDuration(job.scrapeIntervalMs)],
          ['__scrape_timeout__', formatPromDuration(job.scrapeTimeoutMs)], ['job', job.jobName],
        ];
        for (const [name, values] of Object.entries(job.params)) if (values.length > 0) discovered.push([`__param_${name}`, values[0]]);
        for (const [k, v] of Object.entries(sc.labels)) {
          const i = discovered.findIndex(([name]) => name === k);
          if (i >= 0) discovered[i] = [k, v];
          else discovered.push([k, v]);
        }
        const discoveredLabels = sortedRecord(discovered);
        const finalEntries: [string, string][] = Object.entries(discoveredLabels).filter(([k]) => !k.startsWith('__'));
        if (!('instance' in discoveredLabels)) finalEntries.push(['instance', address]);
        const labels = sortedRecord(finalEntries.filter(([, v]) => v !== ''));
        const query = new URLSearchParams();
        for (const [name, values] of Object.entries(job.params)) for (const v of values) query.append(name, v);
        const qs = query.toString();
        const scrapeUrl = `${job.scheme}://${address}${job.metricsPath}${qs ? `?${qs}` : ''}`;
        try {
          new URL(scrapeUrl);
        } catch {
          throw new ScrapeConfigError(`${job.jobName}: invalid target "${address}" (scrape URL ${scrapeUrl})`);
        }
        const key = `${job.jobName}\u0000${scrapeUrl}\u0000${JSON.stringify(labels)}`;
        if (keys.has(key)) continue;
        keys.add(key);
        out.push({ key, scrapePool: job.jobName, scrapeUrl, discoveredLabels, labels, job });
      }
    }
  }
  return out;
}

export interface LoadedConfigFile {
  /** False when the file does not exist (then: nothing to scrape). */
  found: boolean;
  text: string;
  config: ScrapeConfig;
  targets: ResolvedTarget[];
}

/** The file's text, or null when it does not exist. Throws ScrapeConfigError on other I/O errors. */
function readConfigText(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ScrapeConfigError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function loadConfigText(text: string | null): LoadedConfigFile {
  if (text === null) return { found: false, text: '', config: EMPTY_SCRAPE_CONFIG, targets: [] };
  const config = parseScrapeConfig(text);
  return { found: true, text, config, targets: resolveTargets(config) };
}

/** Reads, parses and resolves the config file. Throws ScrapeConfigError (a missing file is an empty config). */
export function loadScrapeConfigFile(path: string): LoadedConfigFile {
  return loadConfigText(readConfigText(path));
}

/** Delay between noticing a change and reading the file. */
const SETTLE_MS = 250;

export interface ScrapeConfigWatcherOptions {
  path: string;
  /** A new valid config (also the first load). */
  onConfig: (loaded: LoadedConfigFile) => void;
  /** A changed file that is invalid: the previous config stays in force. */
  onError: (error: Error) => void;
  pollIntervalMs?: number;
}

/**
 * Loads the config file now and again whenever it changes (fs.watchFile polling: works for files
 * created later, replaced by editors' rename-on-save, and on every filesystem). An identical text is
 * not reported twice, so touching the file does not restart scrapes.
 */
export class ScrapeConfigWatcher {
  /** The text last reported (as a config or an error); "\u0000missing" for a missing file. */
  private lastKey: string | null = null;
  private watching = false;
  private debounce: NodeJS.Timeout | null = null;
  private readonly listener = (curr: fs.Stats, prev: fs.Stats) => {
    if (curr.mtimeMs === prev.mtimeMs && curr.size === prev.size && curr.ino === prev.ino) return;
    // Let a writer finish (truncate, then write) before reading: a half-written file must not apply.
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (this.watching) this.reload();
    }, SETTLE_MS);
    this.debounce.unref();
  };

  constructor(private readonly options: ScrapeConfigWatcherOptions) {}

  start(): void {
    if (this.watching) return;
    this.watching = true;
    const interval = this.options.pollIntervalMs ?? 2000;
    fs.watchFile(this.options.path, { interval, persistent: false }, this.listener);
    this.reload();
    // watchFile takes its baseline asynchronously: a change between that and the read above would go
    // unnoticed, so read once more after the first poll (an unchanged text is not reported again).
    setTimeout(() => {
      if (this.watching) this.reload();
    }, interval * 2).unref();
  }

  stop(): void {
    if (!this.watching) return;
    this.watching = false;
    if (this.debounce) clearTimeout(this.debounce);
    fs.unwatchFile(this.options.path, this.listener);
  }

  /**
   * Re-reads the file and reports a new config or an error — once per distinct text, so a bad file is
   * not reported again on every poll, and a bad edit reverted to the text in force applies it again.
   * Never throws.
   */
  reload(): void {
    let text: string | null;
    try {
      text = readConfigText(this.options.path);
    } catch (err) {
      this.lastKey = null;
      this.report(err);
      return;
    }
    const key = text ?? '\u0000missing';
    if (key === this.lastKey) return;
    this.lastKey = key;
    let loaded: LoadedConfigFile;
    try {
      loaded = loadConfigText(text);
    } catch (err) {
      this.report(err);
      return;
    }
    try {
      this.options.onConfig(loaded);
    } catch (err) {
      // Called from a file-watch callback: a throw here would be an uncaught exception.
      this.report(err);
    }
  }

  private report(err: unknown): void {
    this.options.onError(err instanceof Error ? err : new Error(String(err)));
  }
}
