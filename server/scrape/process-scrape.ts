import type { ExemplarRow, PromSeriesRow } from '@/server/store/rows';
import { parseExpositionFloat, type ParsedExemplar, type ParsedExposition, type ParsedSample } from './parse-exposition';

/**
 * From a parsed exposition to the samples Prometheus would append, as a pure function of the target's
 * settings (scrape loop semantics of Prometheus's scrape/scrape.go):
 *
 * - OpenMetrics `_created` samples of counters, histograms and summaries are DROPPED. Prometheus ingests
 *   them as ordinary series unless `created-timestamp-zero-ingestion` is enabled, in which case it reads
 *   them as created timestamps instead; Sightline stores no created timestamps, and a `x_created` series
 *   per counter doubles the series count for a value no query uses. Text 0.0.4 has no `_created` notion:
 *   such samples are kept there.
 * - target labels are merged like `mutateSampleLabels`: with honor_labels the scraped value wins; without,
 *   a conflicting scraped label is renamed `exported_<name>` (`exported_exported_<name>`, …) and the target's
 *   value is set. Empty-valued labels are then removed.
 * - `le` (histogram buckets) and `quantile` (summaries) are normalized as Prometheus 3 does (`1` → `1.0`),
 *   so a series keeps its identity whichever format the target answers with.
 * - limits fail the whole scrape (ScrapeLimitError): `sample_limit` ("sample limit exceeded"), `label_limit`
 *   (labels counted with `__name__`), `label_name_length_limit` and `label_value_length_limit` (bytes).
 * - honor_timestamps: an exposed timestamp is used, otherwise the scrape time. Series with an exposed
 *   timestamp are not tracked for staleness (Prometheus's default, track_timestamps_staleness: false).
 * - a repeated series within one scrape keeps its first sample (Prometheus rejects the duplicate append).
 */

export interface TargetScrapeSettings {
  /** Target labels: job, instance and the static labels. */
  targetLabels: Record<string, string>;
  honorLabels: boolean;
  honorTimestamps: boolean;
  /** Prometheus 3 normalizes `le`/`quantile` values (`1` → `1.0`); Prometheus 2 kept them as exposed. */
  normalizeFloatLabels: boolean;
  /** 0 = no limit (all four). */
  sampleLimit: number;
  labelLimit: number;
  labelNameLengthLimit: number;
  labelValueLengthLimit: number;
}

export interface ScrapedSample {
  /** Identity: name + canonical labels. */
  key: string;
  series: PromSeriesRow;
  value: number;
  timeMs: number;
  /** True when the exposed timestamp was used (then the series is exempt from staleness). */
  explicitTimestamp: boolean;
  exemplar: ParsedExemplar | null;
}

export interface ProcessedScrape {
  samples: ScrapedSample[];
  /** Samples in the exposition after dropping `_created` (Prometheus's scrape_samples_scraped). */
  samplesScraped: number;
  /** Samples repeated within the scrape and dropped. */
  duplicates: number;
}

export class ScrapeLimitError extends Error {
  constructor(
    message: string,
    /** scrape_samples_scraped to report for the failed scrape. */
    readonly samplesScraped: number,
  ) {
    super(message);
    this.name = 'ScrapeLimitError';
  }
}

const EXPORTED_PREFIX = 'exported_';

/** Go's strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 and from 1e6 on (`1e+06`). */
function goFormatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(f);
}

/** Prometheus 3's formatting of `le`/`quantile` values (FormatOpenMetricsFloat): `1` → `1.0`, `+Inf`, `1e+06`. Unparseable values stay as they are. */
export function normalizeFloatLabel(value: string): string {
  const f = parseExpositionFloat(value);
  if (f === null) return value;
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const s = goFormatG(f);
  return s.includes('e') || s.includes('.') ? s : `${s}.0`;
}

/** Canonical label text (sorted keys), the `prom_labels` format. */
export function labelsKey(name: string, labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  let out = `${name}\u0000{`;
  for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${JSON.stringify(labels[keys[i]])}`;
  return `${out}}`;
}

/** Prometheus's mutateSampleLabels. Returns a new null-prototype record. */
export function mergeTargetLabels(scraped: Record<string, string>, target: Record<string, string>, honorLabels: boolean): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k in scraped) out[k] = scraped[k];
  const has = (k: string) => Object.prototype.hasOwnProperty.call(out, k) && out[k] !== '';
  if (honorLabels) {
    for (const k of Object.keys(target)) if (!has(k)) out[k] = target[k];
  } else {
    const conflicts: [string, string][] = [];
    for (const k of Object.keys(target)) {
      if (has(k)) conflicts.push([k, out[k]]);
      out[k] = target[k];
    }
    conflicts.sort((a, b) => a[0].length - b[0].length);
    for (const [name, value] of conflicts) {
      let newName = name;
      for (;;) {
        newName = EXPORTED_PREFIX + newName;
        if (!has(newName)) {
          out[newName] = value;
          break;
        }
      }
    }
  }
  for (const k of Object.keys(out)) if (out[k] === '') delete out[k];
  return out;
}

/** Bytes, as Go's len(): ASCII-only strings (the usual case) need no encoding. */
function utf8Length(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.byteLength(s, 'utf8');
  return s.length;
}
const clip = (s: string) => s.slice(0, 50);

/** Prometheus's verifyLabelLimits (the metric name counts as the `__name__` label). */
export function checkLabelLimits(name: string, labels: Record<string, string>, s: TargetScrapeSettings): string | null {
  if (s.labelLimit > 0) {
    const count = Object.keys(labels).length + 1;
    if (count > s.labelLimit) return `label_limit exceeded (metric: ${clip(name)}, number of labels: ${count}, limit: ${s.labelLimit})`;
  }
  if (s.labelNameLengthLimit === 0 && s.labelValueLengthLimit === 0) return null;
  const check = (labelName: string, value: string): string | null => {
    if (s.labelNameLengthLimit > 0 && utf8Length(labelName) > s.labelNameLengthLimit) {
      return `label_name_length_limit exceeded (metric: ${clip(name)}, label name: ${clip(labelName)}, length: ${utf8Length(labelName)}, limit: ${s.labelNameLengthLimit})`;
    }
    if (s.labelValueLengthLimit > 0 && utf8Length(value) > s.labelValueLengthLimit) {
      return `label_value_length_limit exceeded (metric: ${clip(name)}, label name: ${clip(labelName)}, value: ${JSON.stringify(clip(value))}, length: ${utf8Length(value)}, limit: ${s.labelValueLengthLimit})`;
    }
    return null;
  };
  const nameError = check('__name__', name);
  if (nameError) return nameError;
  for (const k of Object.keys(labels)) {
    const err = check(k, labels[k]);
    if (err) return err;
  }
  return null;
}

/** Stored kind of a sample by its family type and role. */
export function storedKind(sample: Pick<ParsedSample, 'family' | 'suffix'>): { kind: 'gauge' | 'sum'; isMonotonic: boolean } {
  const { type } = sample.family;
  const suffix = sample.suffix;
  if (type === 'counter' && (suffix === '_total' || suffix === '')) return { kind: 'sum', isMonotonic: true };
  if (type === 'histogram' || type === 'summary') {
    if (suffix === '_bucket' || suffix === '_count') return { kind: 'sum', isMonotonic: true };
    if (suffix === '_sum') return { kind: 'sum', isMonotonic: false };
  }
  return { kind: 'gauge', isMonotonic: false };
}

const isDroppedCreated = (s: ParsedSample, openMetrics: boolean) =>
  openMetrics && s.suffix === '_created' && (s.family.type === 'counter' || s.family.type === 'histogram' || s.family.type === 'summary');

/** Applies drop rules, label merging, normalization and limits. Throws ScrapeLimitError when a limit is exceeded. */
export function processScrape(parsed: ParsedExposition, settings: TargetScrapeSettings, scrapeTimeMs: number): ProcessedScrape {
  const openMetrics = parsed.format === 'openmetrics';
  let samplesScraped = 0;
  for (const s of parsed.samples) if (!isDroppedCreated(s, openMetrics)) samplesScraped++;

  const samples: ScrapedSample[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let appended = 0;
  for (const s of parsed.samples) {
    if (isDroppedCreated(s, openMetrics)) continue;
    let scrapedLabels = s.labels;
    const normalizeKey = s.family.type === 'histogram' && s.suffix === '_bucket' ? 'le'
      : s.family.type === 'summary' && s.suffix === '' ? 'quantile' : null;
    if (normalizeKey && settings.normalizeFloatLabels && Object.prototype.hasOwnProperty.call(scrapedLabels, normalizeKey)) {
      scrapedLabels = Object.assign(Object.create(null) as Record<string, string>, scrapedLabels);
      scrapedLabels[normalizeKey] = normalizeFloatLabel(scrapedLabels[normalizeKey]);
    }
    const labels = mergeTargetLabels(scrapedLabels, settings.targetLabels, settings.honorLabels);
    const limitError = checkLabelLimits(s.name, labels, settings);
    if (limitError) throw new ScrapeLimitError(limitError, samplesScraped);
    appended++;
    if (settings.sampleLimit > 0 && appended > settings.sampleLimit) throw new ScrapeLimitError('sample limit exceeded', samplesScraped);

    const key = labelsKey(s.name, labels);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const explicitTimestamp = settings.honorTimestamps && s.timestampMs !== null;
    const { kind, isMonotonic } = storedKind(s);
    samples.push({
      key,
      series: { name: s.name, labels, kind, isMonotonic, promType: s.family.type, help: s.family.help, unit: s.family.unit },
      value: s.value,
      timeMs: explicitTimestamp ? (s.timestampMs as number) : scrapeTimeMs,
      explicitTimestamp,
      exemplar: s.exemplar,
    });
  }
  return { samples, samplesScraped, duplicates };
}

/** The series Prometheus adds for every scrape of a target. */
export interface ScrapeReport {
  up: 0 | 1;
  durationSeconds: number;
  samplesScraped: number;
  samplesPostMetricRelabeling: number;
  seriesAdded: number;
}

const REPORT_HELP: Record<keyof ScrapeReport, [string, string]> = {
  up: ['up', 'Health of the scrape target: 1 if the last scrape succeeded, 0 otherwise.'],
  durationSeconds: ['scrape_duration_seconds', 'Duration of the scrape in seconds.'],
  samplesScraped: ['scrape_samples_scraped', 'Number of samples the target exposed.'],
  samplesPostMetricRelabeling: ['scrape_samples_post_metric_relabeling', 'Number of samples remaining after metric relabeling was applied.'],
  seriesAdded: ['scrape_series_added', 'Approximate number of new series in this scrape.'],
};

export const REPORT_SERIES_NAMES = Object.values(REPORT_HELP).map(([name]) => name);

/** The five report samples (`up`, `scrape_duration_seconds`, …), labelled with the target labels only. */
export function reportSamples(targetLabels: Record<string, string>, report: ScrapeReport, timeMs: number): ScrapedSample[] {
  return (Object.keys(REPORT_HELP) as (keyof ScrapeReport)[]).map((field) => {
    const [name, help] = REPORT_HELP[field];
    const labels = mergeTargetLabels(Object.create(null) as Record<string, string>, targetLabels, false);
    return {
      key: labelsKey(name, labels),
      series: { name, labels, kind: 'gauge', isMonotonic: false, promType: 'gauge', help, unit: '' },
      value: report[field],
      timeMs,
      explicitTimestamp: false,
      exemplar: null,
    };
  });
}

const TRACE_ID_RE = /^[0-9a-f]{32}$/;
const SPAN_ID_RE = /^[0-9a-f]{16}$/;

/**
 * An exposed exemplar as stored: `trace_id`/`span_id` labels become the ids when they are valid
 * lowercase-able hex of the right length (not all zeros); every other label (and an invalid id) is kept
 * in filtered_attributes as an OTLP KeyValue list. Time: the exemplar's own timestamp, else the sample's.
 */
export function toExemplarRow(e: ParsedExemplar, sampleTimeMs: number): ExemplarRow {
  let traceId: string | null = null;
  let spanId: string | null = null;
  const attributes: { key: string; value: { stringValue: string } }[] = [];
  for (const key of Object.keys(e.labels)) {
    const value = e.labels[key];
    const lower = value.toLowerCase();
    if (key === 'trace_id' && TRACE_ID_RE.test(lower) && !/^0+$/.test(lower)) traceId = lower;
    else if (key === 'span_id' && SPAN_ID_RE.test(lower) && !/^0+$/.test(lower)) spanId = lower;
    else attributes.push({ key, value: { stringValue: value } });
  }
  return {
    timeUnixNano: BigInt(e.timestampMs ?? sampleTimeMs) * 1_000_000n,
    value: e.value,
    traceId,
    spanId,
    filteredAttributesJson: JSON.stringify(attributes),
  };
}
