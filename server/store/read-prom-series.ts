import type Database from 'better-sqlite3';
import { getSqlite } from './connection';
import { promSampleCacheFor, type PromSampleCache, type SampleColumns } from './prom-sample-cache';
import type { LabelMatcher, Labels, RawSeries, SeriesSource } from '@/server/query/promql/types';
// The engine's own regex translation (pure, in lib/) so the store and the engine agree on every pattern.
import { compileAnchoredRegex } from '@/lib/prom-regex';
import { formatPromFloat } from '@/lib/prom-format';
import { sanitizeLabelName, unitSuffix } from '@/lib/otel-prometheus-naming';
import { attributesJsonToTextMap } from '@/lib/otlp-attributes';

/**
 * The PromQL engine's SeriesSource over SQLite, plus the metadata reads of the Prometheus HTTP API.
 *
 * Mapping of stored series (`metric_series`, one per OTLP metric identity + attributes) to Prometheus
 * series. `prom_name` is the BASE name computed at ingest (lib/otel-prometheus-naming.ts): counters
 * already end in `_total`, histograms and summaries carry no `_bucket/_sum/_count` suffix.
 * - gauge, sum (number points) → `<prom_name>` 1:1
 * - histogram (explicit buckets) → `<prom_name>_bucket{le="…"}` (cumulative; `+Inf` = count),
 *   `<prom_name>_sum` (points without a sum have no `_sum` sample), `<prom_name>_count`
 * - summary → `<prom_name>{quantile="…"}`, `<prom_name>_sum`, `<prom_name>_count`
 * - exponential histogram → only `<prom_name>_sum` and `<prom_name>_count` (no classic buckets and
 *   no native histograms in the engine's float-only model)
 * - scraped series (server/store/write-prom-samples.ts) are stored one row per Prometheus series with
 *   their final name (`x_bucket`, `x_sum`, `x_total`…) and labels (`le` included), as number points:
 *   they map 1:1 like gauges and sums.
 * Every stored series is indexed under each Prometheus name it expands to, so a selector on
 * `foo_bucket` finds the histogram stored as `foo`, while a gauge really named `foo_bucket` (stored as
 * such) is found too. `le` and `quantile` are formatted like Prometheus's OTLP translator
 * (strconv.FormatFloat(v, 'f', -1, 64)): `0.005`, `1`, `+Inf`. Temporality is not converted: delta
 * points are served as stored.
 *
 * Samples: t = floor(time_unix_nano / 1e6) (computed by SQLite, exact); NULL values are NaN; points
 * flagged NO_RECORDED_VALUE (flags & 1) are staleness markers. Two points in the same millisecond:
 * the later one wins.
 *
 * Caching: the catalogue of series (ids, names, kinds, label text) is loaded once per process and
 * database handle, then extended with the rows whose id exceeds the known max(id) (series are only
 * ever inserted; a smaller max(id) means a different database and reloads everything). Parsed label
 * sets are cached per series on first use. The check is one `max(id)` index probe per call.
 */

export type ExemplarGroup = {
  seriesLabels: Labels;
  /** timestamp: epoch SECONDS (float, millisecond precision) as the HTTP API writes it. */
  exemplars: { labels: Labels; value: number; timestamp: number }[];
};

/** counter, gauge, histogram, summary, unknown; scraped series also gaugehistogram, info, stateset. */
export type PromMetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'unknown' | (string & {});
export type PromMetadata = Record<string, { type: PromMetricType; help: string; unit: string }[]>;

/** SeriesSource plus the metadata reads of /api/v1/{series,labels,label/…/values,metadata,query_exemplars}. */
export interface PromSeriesStore extends SeriesSource {
  /** Label names of the series matching any selector (all series when none), in [start, end], sorted. */
  listLabelNames(selectors: LabelMatcher[][] | undefined, startMs: number, endMs: number): string[];
  /** Values of one label over the series matching any selector (all series when none), sorted. */
  listLabelValues(name: string, selectors: LabelMatcher[][] | undefined, startMs: number, endMs: number): string[];
  /** Label sets (with __name__) of the series matching any selector with data in [start, end]. */
  listSeries(selectors: LabelMatcher[][], startMs: number, endMs: number): Labels[];
  /** Metadata per metric family (the base prom_name); `metric` filters on that name. */
  listMetadata(metric?: string): PromMetadata;
  /** Exemplars in [start, end] of the series matching any selector, grouped per series. */
  queryExemplars(selectors: LabelMatcher[][], startMs: number, endMs: number): ExemplarGroup[];
}

type Kind = 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';
/** Which Prometheus series of a stored series: its value, or one of the expanded families. */
type Variant = 'value' | 'bucket' | 'quantile' | 'sum' | 'count';

interface StoredSeries {
  id: number;
  promName: string;
  labelsJson: string;
  kind: Kind;
  monotonic: boolean;
  description: string;
  unit: string;
  /** Scraped series (server/store/write-prom-samples.ts): the family's Prometheus type from `metadata`. */
  promType?: string;
  /** Parsed prom_labels, filled on first use. */
  labels?: Labels;
}

interface Member {
  series: StoredSeries;
  variant: Variant;
}

interface Catalog {
  maxId: number;
  /** Prometheus name → the stored series (and which of their expansions) that carry it. */
  byName: Map<string, Member[]>;
  all: StoredSeries[];
}

/** The label a variant adds per point (le per bucket, quantile per quantile). */
const EXTRA_LABEL: Partial<Record<Variant, string>> = { bucket: 'le', quantile: 'quantile' };

const VARIANTS: Record<Kind, [Variant, string][]> = {
  gauge: [['value', '']],
  sum: [['value', '']],
  histogram: [['bucket', '_bucket'], ['sum', '_sum'], ['count', '_count']],
  summary: [['quantile', ''], ['sum', '_sum'], ['count', '_count']],
  exponentialHistogram: [['sum', '_sum'], ['count', '_count']],
};

const POINT_TABLE: Record<Kind, string> = {
  gauge: 'metric_number_points', sum: 'metric_number_points', histogram: 'metric_histogram_points',
  exponentialHistogram: 'metric_exp_histogram_points', summary: 'metric_summary_points',
};

// ---------------------------------------------------------------------------------------------
// Per-database state (catalogue and prepared statements), shared by every bundle of the process.

interface State {
  catalog: Catalog;
  stmts: ReturnType<typeof prepare>;
  /** Decoded samples of number series, shared with this handle's writers (prom-sample-cache.ts). */
  cache: PromSampleCache;
}

const KEY = Symbol.for('sightline.promSeriesState');
type Holder = { [KEY]?: WeakMap<Database.Database, State> };

function prepare(db: Database.Database) {
  const time = 'series_id = ? AND time_unix_nano BETWEEN ? AND ? ORDER BY time_unix_nano';
  const t = 'time_unix_nano / 1000000';
  const exists = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE series_id = ? AND time_unix_nano BETWEEN ? AND ? LIMIT 1`).pluck();
  const edge = (table: string, cols: string, dir: 'ASC' | 'DESC') =>
    db.prepare(`SELECT ${cols} FROM ${table} WHERE series_id = ? AND time_unix_nano BETWEEN ? AND ? AND flags & 1 = 0
      ORDER BY time_unix_nano ${dir} LIMIT 1`).pluck();
  return {
    maxId: db.prepare('SELECT max(id) FROM metric_series').pluck(),
    seriesAfter: db.prepare(`SELECT id, prom_name, prom_labels, kind, is_monotonic, description, unit,
        CASE WHEN metadata LIKE '%prometheus.type%' THEN metadata END
      FROM metric_series WHERE id > ? ORDER BY id`).raw(),
    number: db.prepare(`SELECT ${t}, value, flags FROM metric_number_points WHERE ${time}`).raw(),
    // The fast path for number points: better-sqlite3's cost is per row returned, so times and
    // flags come back as two JSON arrays (integers format quickly in SQLite) and values as one
    // plucked column (floats would lose time in SQLite's JSON formatting): ~40% less than rows.
    numberTimes: db.prepare(`SELECT json_group_array(t), json_group_array(f)
      FROM (SELECT ${t} AS t, flags & 1 AS f FROM metric_number_points WHERE ${time})`).raw(),
    numberValues: db.prepare(`SELECT value FROM metric_number_points WHERE ${time}`).pluck(),
    /** Runs a read in one transaction: one snapshot for every series of a select. */
    read: db.transaction(<T>(fn: () => T): T => fn()),
    histogram: db.prepare(`SELECT ${t}, flags, count, sum, bucket_counts, explicit_bounds FROM metric_histogram_points WHERE ${time}`).raw(),
    summary: db.prepare(`SELECT ${t}, flags, count, sum, quantile_values FROM metric_summary_points WHERE ${time}`).raw(),
    expHistogram: db.prepare(`SELECT ${t}, flags, count, sum FROM metric_exp_histogram_points WHERE ${time}`).raw(),
    exists: Object.fromEntries(Object.entries(POINT_TABLE).map(([k, table]) => [k, exists(table)])) as Record<Kind, Database.Statement>,
    firstBounds: edge('metric_histogram_points', 'explicit_bounds', 'ASC'),
    lastBounds: edge('metric_histogram_points', 'explicit_bounds', 'DESC'),
    firstQuantiles: edge('metric_summary_points', 'quantile_values', 'ASC'),
    lastQuantiles: edge('metric_summary_points', 'quantile_values', 'DESC'),
    exemplars: db.prepare(`SELECT e.time_unix_nano / 1000000, e.value, e.trace_id, e.span_id, e.filtered_attributes, h.explicit_bounds
      FROM exemplars e LEFT JOIN metric_histogram_points h ON h.series_id = e.series_id AND h.time_unix_nano = e.point_time_unix_nano
      WHERE e.series_id = ? AND e.time_unix_nano BETWEEN ? AND ? ORDER BY e.time_unix_nano, e.id`).raw(),
  };
}

function state(): State {
  const db = getSqlite();
  const holder = globalThis as Holder;
  const states = (holder[KEY] ??= new WeakMap());
  let s = states.get(db);
  if (!s) {
    s = { catalog: { maxId: 0, byName: new Map(), all: [] }, stmts: prepare(db), cache: promSampleCacheFor(db) };
    states.set(db, s);
  }
  refreshCatalog(s);
  return s;
}

function refreshCatalog(s: State): void {
  const maxId = Number(s.stmts.maxId.get() ?? 0);
  if (maxId === s.catalog.maxId) return;
  if (maxId < s.catalog.maxId) {
    // Series were deleted (a test database reset): ids may be reused, so forget everything.
    s.catalog = { maxId: 0, byName: new Map(), all: [] };
    s.cache.clear();
  }
  const { catalog } = s;
  const rows = s.stmts.seriesAfter.all(catalog.maxId) as [number, string, string, Kind, number, string, string, string | null][];
  for (const [id, promName, labelsJson, kind, monotonic, description, unit, metadata] of rows) {
    const series: StoredSeries = { id, promName, labelsJson, kind, monotonic: monotonic === 1, description, unit };
    if (metadata !== null) series.promType = attributesJsonToTextMap(metadata)['prometheus.type'];
    catalog.all.push(series);
    for (const [variant, suffix] of VARIANTS[kind] ?? []) {
      const name = promName + suffix;
      let members = catalog.byName.get(name);
      if (!members) catalog.byName.set(name, (members = []));
      members.push({ series, variant });
    }
    catalog.maxId = id;
  }
  catalog.maxId = Math.max(catalog.maxId, maxId);
}

const labelsOf = (s: StoredSeries): Labels => (s.labels ??= JSON.parse(s.labelsJson) as Labels);

// ---------------------------------------------------------------------------------------------
// Matchers

interface Compiled {
  name: string;
  test: (value: string) => boolean;
}

const regexCache = new Map<string, RegExp>();

/** The engine's RE2→JS translation (fully anchored, `.` matching newlines), cached per pattern. */
function cachedRegex(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = compileAnchoredRegex(source);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(source, re);
  }
  return re;
}

function compileMatcher(m: LabelMatcher): Compiled {
  switch (m.type) {
    case '=': return { name: m.name, test: (v) => v === m.value };
    case '!=': return { name: m.name, test: (v) => v !== m.value };
    case '=~': { const re = cachedRegex(m.value); return { name: m.name, test: (v) => re.test(v) }; }
    case '!~': { const re = cachedRegex(m.value); return { name: m.name, test: (v) => !re.test(v) }; }
    default: throw new Error(`unknown match type ${String((m as LabelMatcher).type)}`);
  }
}

/** Does a label set match? A missing label is "" (Prometheus semantics); `skip` names a label tested later. */
function matchesLabels(labels: Labels, name: string, matchers: Compiled[], skip?: string): boolean {
  for (const m of matchers) {
    if (m.name === skip) continue;
    const v = m.name === '__name__' ? name : (labels[m.name] ?? '');
    if (!m.test(v)) return false;
  }
  return true;
}

/** (Prometheus name, member) pairs whose name and stored labels match; extra labels (le, quantile) not yet tested. */
function candidates(catalog: Catalog, matchers: Compiled[], raw: LabelMatcher[]): { name: string; member: Member }[] {
  const eq = raw.find((m) => m.name === '__name__' && m.type === '=');
  const names = eq ? [eq.value] : [...catalog.byName.keys()];
  const nameMatchers = matchers.filter((m) => m.name === '__name__');
  const out: { name: string; member: Member }[] = [];
  for (const name of names) {
    const members = catalog.byName.get(name);
    if (!members || !nameMatchers.every((m) => m.test(name))) continue;
    for (const member of members) {
      if (matchesLabels(labelsOf(member.series), name, matchers, EXTRA_LABEL[member.variant])) out.push({ name, member });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Time

/** int64 nanoseconds hold ±9.22e12 ms. */
const MAX_MS = 9_223_372_036_853;

/** [startMs, endMs] as whole, clamped milliseconds. */
function msBounds(startMs: number, endMs: number): [number, number] {
  return [Math.min(Math.max(Math.ceil(startMs), -MAX_MS), MAX_MS), Math.min(Math.max(Math.floor(endMs), -MAX_MS), MAX_MS)];
}

/** Inclusive ns bounds of the points whose floor(ns / 1e6) lies in [startMs, endMs]. */
function nsBounds(startMs: number, endMs: number): [bigint, bigint] {
  const [lo, hi] = msBounds(startMs, endMs);
  return [BigInt(lo) * 1_000_000n, BigInt(hi) * 1_000_000n + 999_999n];
}

// ---------------------------------------------------------------------------------------------
// Samples

/** Builds one RawSeries from points in time order; the later of two points in one millisecond wins. */
class SeriesBuilder {
  readonly ts: number[] = [];
  readonly vs: number[] = [];
  readonly staleMarkers: number[] = [];
  private lastT = NaN;
  private lastStale = false;

  constructor(readonly labels: Labels) {}

  add(t: number, v: number): void {
    if (t === this.lastT) this.dropLast();
    this.ts.push(t);
    this.vs.push(v);
    this.lastT = t;
    this.lastStale = false;
  }

  stale(t: number): void {
    if (t === this.lastT) this.dropLast();
    this.staleMarkers.push(t);
    this.lastT = t;
    this.lastStale = true;
  }

  private dropLast(): void {
    if (this.lastStale) {
      this.staleMarkers.pop();
    } else {
      this.ts.pop();
      this.vs.pop();
    }
  }

  result(): RawSeries | null {
    if (this.ts.length === 0 && this.staleMarkers.length === 0) return null;
    return { labels: this.labels, ts: this.ts, vs: this.vs, staleMarkers: this.staleMarkers };
  }
}

const STALE = 1; // OTLP DataPointFlags.NO_RECORDED_VALUE

/** Per-series builders keyed by an extra label's value (le, quantile), created on first sight. */
class ExpandedBuilders {
  /** null: a value the extra-label matchers reject. */
  readonly byValue = new Map<string, SeriesBuilder | null>();
  private readonly markers: number[] = [];

  constructor(private readonly base: Labels, private readonly label: string, private readonly accept: (value: string) => boolean) {}

  get(value: string): SeriesBuilder | null {
    let b = this.byValue.get(value);
    if (b === undefined) {
      b = this.accept(value) ? new SeriesBuilder({ ...this.base, [this.label]: value }) : null;
      for (const t of this.markers) b?.stale(t);
      this.byValue.set(value, b);
    }
    return b;
  }

  /** A stale point ends every expanded series, including those first seen later in the window. */
  stale(t: number): void {
    this.markers.push(t);
    for (const b of this.byValue.values()) b?.stale(t);
  }

  results(fallback: string): RawSeries[] {
    if (this.byValue.size === 0 && this.markers.length > 0) this.get(fallback);
    const out: RawSeries[] = [];
    for (const b of this.byValue.values()) {
      const r = b?.result();
      if (r) out.push(r);
    }
    return out;
  }
}

type NumRow = [number, number | null, number];
type HistRow = [number, number, number, number | null, string, string];
type SummaryRow = [number, number, number, number | null, string];
type ExpRow = [number, number, number, number | null];

/** le label values of a bounds JSON array (formatted once per distinct array). */
const leCache = new Map<string, string[]>();
function leValues(boundsJson: string): string[] {
  let les = leCache.get(boundsJson);
  if (!les) {
    les = [...(JSON.parse(boundsJson) as number[]).map(formatPromFloat), '+Inf'];
    if (leCache.size > 10_000) leCache.clear();
    leCache.set(boundsJson, les);
  }
  return les;
}

function quantileEntries(json: string): { q: string; v: number }[] {
  return (JSON.parse(json) as { quantile: number | null; value: number | null }[])
    .map((e) => ({ q: formatPromFloat(e.quantile ?? NaN), v: e.value ?? NaN }));
}

/** Number points (gauges, sums, scraped series) with milliseconds in [fromMs, toMs], read from SQLite. */
function loadNumberColumns(stmts: State['stmts'], seriesId: number, fromMs: number, toMs: number): SampleColumns {
  const [lo, hi] = nsBounds(fromMs, toMs);
  const b = new SeriesBuilder({});
  const [timesJson, flagsJson] = stmts.numberTimes.get(seriesId, lo, hi) as [string, string];
  const times = JSON.parse(timesJson) as number[];
  if (times.length === 0) return { ts: [], vs: [], stale: [] };
  const values = stmts.numberValues.all(seriesId, lo, hi) as (number | null)[];
  if (values.length === times.length) {
    const stale = JSON.parse(flagsJson) as number[];
    for (let i = 0; i < times.length; i++) {
      if (stale[i]) b.stale(times[i]);
      else b.add(times[i], typeof values[i] === 'number' ? (values[i] as number) : NaN);
    }
  } else {
    // Only if another connection wrote between the two reads: fall back to rows.
    for (const [t, v, flags] of stmts.number.all(seriesId, lo, hi) as NumRow[]) {
      if (flags & STALE) b.stale(t);
      else b.add(t, v === null ? NaN : Number(v));
    }
  }
  return { ts: b.ts, vs: b.vs, stale: b.staleMarkers };
}

/** Reads one stored series' points once and expands them into the requested Prometheus series. */
function readSeries(
  s: State, series: StoredSeries, wanted: Map<Variant, { name: string; extra: Compiled[] }[]>,
  [loMs, hiMs]: [number, number], out: RawSeries[],
): void {
  const { stmts } = s;
  const [lo, hi] = nsBounds(loMs, hiMs);
  const labels = labelsOf(series);
  const simple = (variant: Variant): SeriesBuilder[] =>
    (wanted.get(variant) ?? []).map((w) => new SeriesBuilder({ ...labels, __name__: w.name }));
  const expanded = (variant: Variant): ExpandedBuilders[] =>
    (wanted.get(variant) ?? []).map((w) => new ExpandedBuilders({ ...labels, __name__: w.name }, EXTRA_LABEL[variant]!,
      (value) => w.extra.every((m) => m.test(value))));
  const finish = (builders: SeriesBuilder[]) => {
    for (const b of builders) {
      const r = b.result();
      if (r) out.push(r);
    }
  };

  switch (series.kind) {
    case 'gauge':
    case 'sum': {
      const c = s.cache.read(series.id, loMs, hiMs, Date.now(), (from, to) => loadNumberColumns(stmts, series.id, from, to));
      if (c.ts.length === 0 && c.stale.length === 0) return;
      // The columns are fresh (never the cache's own arrays) and only read by the engine.
      for (const w of wanted.get('value') ?? []) out.push({ labels: { ...labels, __name__: w.name }, ts: c.ts, vs: c.vs, staleMarkers: c.stale });
      return;
    }
    case 'histogram': {
      const sums = simple('sum');
      const counts = simple('count');
      const buckets = expanded('bucket');
      for (const [t, flags, count, sum, countsJson, boundsJson] of stmts.histogram.all(series.id, lo, hi) as HistRow[]) {
        if (flags & STALE) {
          for (const b of sums) b.stale(t);
          for (const b of counts) b.stale(t);
          for (const b of buckets) b.stale(t);
          continue;
        }
        for (const b of counts) b.add(t, count);
        if (sum !== null) for (const b of sums) b.add(t, sum);
        if (buckets.length > 0) {
          const les = leValues(boundsJson);
          const bucketCounts = JSON.parse(countsJson) as number[];
          let cumulative = 0;
          for (let i = 0; i < les.length; i++) {
            // +Inf is the point's count, as Prometheus requires (and bucket_counts may be empty).
            cumulative = i === les.length - 1 ? count : cumulative + (bucketCounts[i] ?? 0);
            for (const b of buckets) b.get(les[i])?.add(t, cumulative);
          }
        }
      }
      finish(sums);
      finish(counts);
      for (const b of buckets) out.push(...b.results('+Inf'));
      return;
    }
    case 'summary': {
      const sums = simple('sum');
      const counts = simple('count');
      const quantiles = expanded('quantile');
      for (const [t, flags, count, sum, qJson] of stmts.summary.all(series.id, lo, hi) as SummaryRow[]) {
        if (flags & STALE) {
          for (const b of sums) b.stale(t);
          for (const b of counts) b.stale(t);
          for (const b of quantiles) b.stale(t);
          continue;
        }
        for (const b of counts) b.add(t, count);
        if (sum !== null) for (const b of sums) b.add(t, sum);
        if (quantiles.length > 0) {
          for (const { q, v } of quantileEntries(qJson)) for (const b of quantiles) b.get(q)?.add(t, v);
        }
      }
      finish(sums);
      finish(counts);
      // A summary with only stale points in the window has no known quantile: nothing to end.
      for (const b of quantiles) out.push(...b.results('').filter((r) => r.labels.quantile !== ''));
      return;
    }
    case 'exponentialHistogram': {
      const sums = simple('sum');
      const counts = simple('count');
      for (const [t, flags, count, sum] of stmts.expHistogram.all(series.id, lo, hi) as ExpRow[]) {
        if (flags & STALE) {
          for (const b of [...sums, ...counts]) b.stale(t);
          continue;
        }
        for (const b of counts) b.add(t, count);
        if (sum !== null) for (const b of sums) b.add(t, sum);
      }
      finish(sums);
      finish(counts);
      return;
    }
  }
}

/** Groups matched members by stored series so each series' points are read once. */
function groupBySeries(matches: { name: string; member: Member }[], matchers: Compiled[]) {
  const bySeries = new Map<number, { series: StoredSeries; wanted: Map<Variant, { name: string; extra: Compiled[] }[]> }>();
  for (const { name, member } of matches) {
    let entry = bySeries.get(member.series.id);
    if (!entry) bySeries.set(member.series.id, (entry = { series: member.series, wanted: new Map() }));
    const extraLabel = EXTRA_LABEL[member.variant];
    const extra = extraLabel ? matchers.filter((m) => m.name === extraLabel) : [];
    const list = entry.wanted.get(member.variant) ?? [];
    list.push({ name, extra });
    entry.wanted.set(member.variant, list);
  }
  return bySeries;
}

function select(matchers: LabelMatcher[], startMs: number, endMs: number): RawSeries[] {
  const s = state();
  const { catalog, stmts } = s;
  const compiled = matchers.map(compileMatcher);
  const window = msBounds(startMs, endMs);
  const out: RawSeries[] = [];
  if (window[0] > window[1]) return out;
  stmts.read(() => {
    for (const { series, wanted } of groupBySeries(candidates(catalog, compiled, matchers), compiled).values()) {
      readSeries(s, series, wanted, window, out);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metadata reads

/**
 * Label sets of the series matching any selector (every series when `selectors` is undefined) that
 * have a point in the window. `le` and `quantile` values come from the first and last points in the
 * window (bounds rarely change; Prometheus documents these endpoints as approximate too).
 * `expand: false` leaves the extra label's value as "" when no matcher needs it (label names only).
 */
function labelSets(selectors: LabelMatcher[][] | undefined, startMs: number, endMs: number, expand: boolean): Labels[] {
  const { catalog, stmts } = state();
  const [lo, hi] = nsBounds(startMs, endMs);
  if (lo > hi) return [];
  const hasData = new Map<number, boolean>();
  const exists = (s: StoredSeries) => {
    let v = hasData.get(s.id);
    if (v === undefined) hasData.set(s.id, (v = stmts.exists[s.kind].get(s.id, lo, hi) !== undefined));
    return v;
  };
  const extraValues = new Map<number, string[]>();
  const valuesOf = (s: StoredSeries): string[] => {
    let values = extraValues.get(s.id);
    if (!values) {
      const set = new Set<string>();
      if (s.kind === 'histogram') {
        for (const stmt of [stmts.firstBounds, stmts.lastBounds]) {
          const json = stmt.get(s.id, lo, hi) as string | undefined;
          for (const le of json === undefined ? ['+Inf'] : leValues(json)) set.add(le);
        }
      } else {
        for (const stmt of [stmts.firstQuantiles, stmts.lastQuantiles]) {
          const json = stmt.get(s.id, lo, hi) as string | undefined;
          if (json !== undefined) for (const { q } of quantileEntries(json)) set.add(q);
        }
      }
      extraValues.set(s.id, (values = [...set]));
    }
    return values;
  };

  const seen = new Set<string>();
  const out: Labels[] = [];
  const emit = (labels: Labels, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(labels);
  };
  const selectorList = selectors ?? [[]];
  for (const raw of selectorList) {
    const compiled = raw.map(compileMatcher);
    for (const { name, member } of candidates(catalog, compiled, raw)) {
      const s = member.series;
      if (!exists(s)) continue;
      const base = { ...labelsOf(s), __name__: name };
      const extraLabel = EXTRA_LABEL[member.variant];
      if (!extraLabel) {
        emit(base, `${s.id}\u0000${name}`);
        continue;
      }
      const extraMatchers = compiled.filter((m) => m.name === extraLabel);
      if (!expand && extraMatchers.length === 0) {
        emit({ ...base, [extraLabel]: '' }, `${s.id}\u0000${name}`);
        continue;
      }
      for (const value of valuesOf(s)) {
        if (extraMatchers.every((m) => m.test(value))) emit({ ...base, [extraLabel]: value }, `${s.id}\u0000${name}\u0000${value}`);
      }
    }
  }
  return out;
}

function listLabelNames(selectors: LabelMatcher[][] | undefined, startMs: number, endMs: number): string[] {
  const names = new Set<string>();
  for (const labels of labelSets(selectors, startMs, endMs, false)) for (const k of Object.keys(labels)) names.add(k);
  return [...names].sort();
}

function listLabelValues(name: string, selectors: LabelMatcher[][] | undefined, startMs: number, endMs: number): string[] {
  const values = new Set<string>();
  const expand = name === 'le' || name === 'quantile';
  for (const labels of labelSets(selectors, startMs, endMs, expand)) {
    const v = labels[name];
    if (v !== undefined && v !== '') values.add(v);
  }
  return [...values].sort();
}

function listSeries(selectors: LabelMatcher[][], startMs: number, endMs: number): Labels[] {
  return labelSets(selectors, startMs, endMs, true);
}

function metricType(s: StoredSeries): PromMetricType {
  switch (s.kind) {
    case 'gauge': return 'gauge';
    case 'sum': return s.monotonic ? 'counter' : 'gauge';
    case 'histogram':
    case 'exponentialHistogram': return 'histogram';
    case 'summary': return 'summary';
    default: return 'unknown';
  }
}

/** Suffixes of a scraped family's series, removed to name the family as its `# TYPE` line does. */
const FAMILY_SUFFIX: Record<string, RegExp> = {
  histogram: /_(?:bucket|sum|count|created)$/,
  summary: /_(?:sum|count|created)$/,
  gaugehistogram: /_(?:bucket|gsum|gcount)$/,
};

/**
 * Metadata per metric family. OTLP series: the family is prom_name (counters keep `_total`, histograms
 * and summaries have no suffix), the type from the OTLP kind, the unit as its Prometheus word. Scraped
 * series (stored one row per Prometheus series, typed by `metadata` prometheus.type): the family is the
 * series name without its histogram/summary suffix, type and unit as scraped.
 */
function listMetadata(metric?: string): PromMetadata {
  const { catalog } = state();
  const out: PromMetadata = {};
  const seen = new Set<string>();
  for (const s of catalog.all) {
    const suffix = s.promType ? FAMILY_SUFFIX[s.promType] : undefined;
    const family = suffix ? s.promName.replace(suffix, '') : s.promName;
    if (metric !== undefined && family !== metric) continue;
    const entry = s.promType
      ? { type: s.promType, help: s.description, unit: s.unit }
      : { type: metricType(s), help: s.description, unit: unitSuffix(s.unit, s.kind === 'gauge' ? 'gauge' : 'other') };
    const key = `${family}\u0000${entry.type}\u0000${entry.help}\u0000${entry.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (out[family] ??= []).push(entry);
  }
  return out;
}

type ExemplarRowRaw = [number, number | null, string | null, string | null, string, string | null];

/** Exemplar labels: filtered attributes as sanitized label names, then trace_id and span_id. */
function exemplarLabels(row: ExemplarRowRaw): Labels {
  const labels: Labels = {};
  const attrs = attributesJsonToTextMap(row[4]);
  for (const key of Object.keys(attrs).sort()) labels[sanitizeLabelName(key)] = attrs[key];
  if (row[2]) labels.trace_id = row[2];
  if (row[3]) labels.span_id = row[3];
  return labels;
}

/** The `le` of the bucket an exemplar value falls in: the smallest bound ≥ value, else +Inf. */
function bucketOf(value: number, boundsJson: string | null): string {
  if (boundsJson === null) return '+Inf';
  const bounds = JSON.parse(boundsJson) as number[];
  const les = leValues(boundsJson);
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]) return les[i];
  return '+Inf';
}

/**
 * Exemplars belong to counters and gauges as stored, and to a histogram's `_bucket{le}` series whose
 * bucket holds the exemplar's value (as OpenMetrics attaches them); `_sum`, `_count`, summaries and
 * exponential histograms have none.
 */
function queryExemplars(selectors: LabelMatcher[][], startMs: number, endMs: number): ExemplarGroup[] {
  const { catalog, stmts } = state();
  const [lo, hi] = nsBounds(startMs, endMs);
  if (lo > hi) return [];
  const groups = new Map<string, ExemplarGroup>();
  const read = new Map<number, ExemplarRowRaw[]>();
  const rowsOf = (s: StoredSeries) => {
    let rows = read.get(s.id);
    if (!rows) read.set(s.id, (rows = stmts.exemplars.all(s.id, lo, hi) as ExemplarRowRaw[]));
    return rows;
  };
  const add = (key: string, seriesLabels: Labels, row: ExemplarRowRaw, value: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { seriesLabels, exemplars: [] }));
    g.exemplars.push({ labels: exemplarLabels(row), value, timestamp: row[0] / 1000 });
  };
  // A series matched by two selectors gets its exemplars once: groups filled by an earlier
  // selector are skipped by later ones (within one selector each member appears once).
  const completed = new Set<string>();
  for (const raw of selectors) {
    const compiled = raw.map(compileMatcher);
    const touched: string[] = [];
    for (const { name, member } of candidates(catalog, compiled, raw)) {
      const s = member.series;
      if (member.variant !== 'value' && member.variant !== 'bucket') continue;
      const memberKey = `${s.id}\u0000${name}`;
      const les = member.variant === 'bucket' ? compiled.filter((m) => m.name === 'le') : [];
      for (const row of rowsOf(s)) {
        const value = row[1] === null ? NaN : Number(row[1]);
        let key = memberKey;
        let seriesLabels: Labels;
        if (member.variant === 'value') {
          seriesLabels = { ...labelsOf(s), __name__: name };
        } else {
          const le = bucketOf(value, row[5]);
          if (!les.every((m) => m.test(le))) continue;
          key = `${memberKey}\u0000${le}`;
          seriesLabels = { ...labelsOf(s), __name__: name, le };
        }
        if (completed.has(key)) continue;
        touched.push(key);
        add(key, seriesLabels, row, value);
      }
    }
    for (const key of touched) completed.add(key);
  }
  return [...groups.values()];
}

/** The PromQL engine's source over the process's SQLite database (server/store/connection.ts). */
export function createSqliteSeriesSource(): PromSeriesStore {
  return { select, listLabelNames, listLabelValues, listSeries, listMetadata, queryExemplars };
}
