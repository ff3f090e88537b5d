/**
 * Log search over `log_records` (prepared per query shape; better-sqlite3 caches nothing, but
 * preparing costs microseconds next to the query). Every read here orders by
 * (timestamp_unix_nano, id): `id` breaks ties, so keyset cursors never skip or repeat a record.
 *
 * Index use (see docs/ARCHITECTURE.md, Logs):
 * - trace id → `log_records_trace_idx` (forced: a trace has few records, wherever they are);
 * - service → `log_records_service_ts_idx`, walked newest first, stops after one page;
 * - a rare `key=value` or `key exists` → the id ranges of the few blocks whose attribute Bloom filter
 *   may hold it (log-attribute-blocks/), read by rowid;
 * - otherwise the time index, newest first; full text narrows through the FTS5 table
 *   (`id IN (SELECT rowid … MATCH …)`), attribute filters are checked per row (json_each), and
 *   resource attributes once per resource (`resource_id IN (…)`).
 */
import type { AttributeFilter } from '@/lib/attribute-filter';
import { attributeMatch } from './attribute-sql';
import { getSqlite } from './connection';
import { candidateIdRanges, type IdRange } from './log-attribute-blocks/candidate-blocks';
import { requiredTerm, type AttributeTerm } from './log-attribute-blocks/terms';
import { MINUTE_NS } from './write-logs';

export interface LogRecordFilter {
  /** Inclusive time bounds on timestamp_unix_nano (time, or observed time when unset). */
  fromUnixNano?: bigint;
  toUnixNano?: bigint;
  service?: string;
  /** Inclusive SeverityNumber ranges, OR-ed; empty = any severity. */
  severityRanges: [number, number][];
  /** An FTS5 MATCH expression over body_text. */
  ftsMatch?: string;
  /** A LIKE pattern (escape `\`) over body_text: the substring mode. */
  bodyLike?: string;
  attributes: AttributeFilter[];
  traceId?: string;
  spanId?: string;
  /** Only records with ids in these inclusive ranges ([] = none): set by narrowByAttributeBlocks. */
  idRanges?: IdRange[];
}

/** Position of a record in (timestamp, id) order: the keyset pagination cursor. */
export interface LogCursor {
  timestampUnixNano: bigint;
  id: number;
}

export interface StoredLogRecord {
  id: number;
  timestampUnixNano: bigint;
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  bodyJson: string;
  attributesJson: string;
  traceId: string | null;
  spanId: string | null;
  eventName: string;
  serviceName: string;
  resourceAttributesJson: string;
  scopeName: string;
  scopeVersion: string;
}

interface Columns {
  id: bigint; timestamp_unix_nano: bigint; time_unix_nano: bigint; observed_time_unix_nano: bigint; severity_number: bigint;
  severity_text: string; body: string; attributes: string; trace_id: string | null; span_id: string | null; event_name: string;
  service_name: string; resource_attributes: string; scope_name: string; scope_version: string;
}

const SELECT = `SELECT l.id, l.timestamp_unix_nano, l.time_unix_nano, l.observed_time_unix_nano, l.severity_number, l.severity_text,
  l.body, l.attributes, l.trace_id, l.span_id, l.event_name, l.service_name, r.attributes AS resource_attributes,
  s.name AS scope_name, s.version AS scope_version`;

/** The FROM clause: which index drives the scan is chosen here (see the module comment). */
function from(f: LogRecordFilter, hint: 'time' | 'arrival'): string {
  let table = 'log_records l';
  if (hint === 'arrival') table += ' NOT INDEXED'; // tail: only the rowid range, never a whole service
  else if (f.traceId !== undefined) table += ' INDEXED BY log_records_trace_idx';
  else if (f.idRanges !== undefined) table += ' NOT INDEXED'; // the few candidate blocks, by rowid
  return `${table} JOIN resources r ON r.id = l.resource_id JOIN scopes s ON s.id = l.scope_id`;
}

function toRecord(c: Columns): StoredLogRecord {
  return {
    id: Number(c.id), timestampUnixNano: c.timestamp_unix_nano, timeUnixNano: c.time_unix_nano,
    observedTimeUnixNano: c.observed_time_unix_nano, severityNumber: Number(c.severity_number), severityText: c.severity_text,
    bodyJson: c.body, attributesJson: c.attributes, traceId: c.trace_id, spanId: c.span_id, eventName: c.event_name,
    serviceName: c.service_name, resourceAttributesJson: c.resource_attributes, scopeName: c.scope_name, scopeVersion: c.scope_version,
  };
}

/** WHERE conditions for `f` (AND-ed), their parameters appended to `params` in order. */
function conditions(f: LogRecordFilter, params: unknown[], ftsMinRowid?: number): string[] {
  const where: string[] = [];
  if (f.fromUnixNano !== undefined) { where.push('l.timestamp_unix_nano >= ?'); params.push(f.fromUnixNano); }
  if (f.toUnixNano !== undefined) { where.push('l.timestamp_unix_nano <= ?'); params.push(f.toUnixNano); }
  if (f.traceId !== undefined) { where.push('l.trace_id = ?'); params.push(f.traceId); }
  if (f.spanId !== undefined) { where.push('l.span_id = ?'); params.push(f.spanId); }
  if (f.service !== undefined) { where.push('l.service_name = ?'); params.push(f.service); }
  if (f.severityRanges.length > 0) {
    where.push(`(${f.severityRanges.map(() => 'l.severity_number BETWEEN ? AND ?').join(' OR ')})`);
    for (const [lo, hi] of f.severityRanges) params.push(lo, hi);
  }
  if (f.ftsMatch !== undefined) {
    const fromRowid = ftsMinRowid !== undefined ? ' AND rowid >= ?' : '';
    where.push(`l.id IN (SELECT rowid FROM log_records_fts WHERE log_records_fts MATCH ?${fromRowid})`);
    params.push(f.ftsMatch);
    if (ftsMinRowid !== undefined) params.push(ftsMinRowid);
  }
  if (f.bodyLike !== undefined) { where.push(`l.body_text LIKE ? ESCAPE '\\'`); params.push(f.bodyLike); }
  if (f.idRanges !== undefined) {
    where.push(f.idRanges.length === 0 ? '0' : `(${f.idRanges.map(() => 'l.id BETWEEN ? AND ?').join(' OR ')})`);
    for (const [first, last] of f.idRanges) params.push(first, last);
  }
  for (const a of f.attributes) {
    const p: unknown[] = [];
    // On the record's own attributes, or on its resource's (evaluated once, not per record).
    const either = `(${attributeMatch('l.attributes', a, p)} OR l.resource_id IN (SELECT r2.id FROM resources r2 WHERE ${attributeMatch('r2.attributes', a, p)}))`;
    where.push(a.op === '!=' ? `NOT ${either}` : either);
    params.push(...p);
  }
  return where;
}

const whereClause = (conds: string[]) => (conds.length ? `WHERE ${conds.join(' AND ')}` : '');

function pageQuery(f: LogRecordFilter, limit: number, before: LogCursor | undefined, ftsMinRowid?: number): Columns[] {
  const params: unknown[] = [];
  const conds = conditions(f, params, ftsMinRowid);
  if (before) {
    // Written so the time index bounds the scan (`<=`) and the OR only settles ties.
    conds.push('l.timestamp_unix_nano <= ? AND (l.timestamp_unix_nano < ? OR l.id < ?)');
    params.push(before.timestampUnixNano, before.timestampUnixNano, before.id);
  }
  params.push(limit + 1);
  return getSqlite().prepare(
    `${SELECT} FROM ${from(f, 'time')} ${whereClause(conds)} ORDER BY l.timestamp_unix_nano DESC, l.id DESC LIMIT ?`,
  ).safeIntegers(true).all(...params) as Columns[];
}

/** First window of a full-text search: 1/64 of the range, then ×4 each time it holds less than a page. */
const FTS_FIRST_WINDOW_DIVISOR = 64n;
const FTS_WINDOW_GROWTH = 4n;

/**
 * Full-text pages, newest first, without collecting every match of a common word: FTS5 hands back
 * matches in rowid order, and `id IN (…MATCH…)` materializes all of them (300k for a word in 30% of
 * a million records: ~0.5 s) before the newest page can be picked. So search the newest slice of the
 * range first: every record with a timestamp in [lo, upper] has id ≥ min(id) over that slice (one
 * covering-index range read), so `rowid >= minId` bounds the FTS scan without losing any match in
 * the slice. A slice holding more than a page answers exactly; otherwise it widens, ending with the
 * whole range (rare words cost a few small extra queries).
 */
function windowedFtsPage(f: LogRecordFilter & { fromUnixNano: bigint; toUnixNano: bigint }, limit: number, before?: LogCursor): Columns[] | null {
  const upper = before && before.timestampUnixNano < f.toUnixNano ? before.timestampUnixNano : f.toUnixNano;
  const minIdIn = getSqlite().prepare('SELECT min(id) FROM log_records WHERE timestamp_unix_nano BETWEEN ? AND ?').pluck().safeIntegers(true);
  for (let width = (upper - f.fromUnixNano) / FTS_FIRST_WINDOW_DIVISOR; width > 0n && upper - width > f.fromUnixNano; width *= FTS_WINDOW_GROWTH) {
    const lo = upper - width;
    const minId = minIdIn.get(lo, upper) as bigint | null;
    if (minId === null) continue;
    const rows = pageQuery({ ...f, fromUnixNano: lo }, limit, before, Number(minId));
    if (rows.length > limit) return rows;
  }
  return null;
}

/** True when some resource's attributes satisfy `a` (then any record of that resource may match it). */
function someResourceMatches(a: AttributeFilter): boolean {
  const params: unknown[] = [];
  const sql = `SELECT EXISTS (SELECT 1 FROM resources r2 WHERE ${attributeMatch('r2.attributes', a, params)})`;
  return getSqlite().prepare(sql).pluck().get(...params) === 1;
}

/**
 * `f` restricted to the id blocks whose attribute filters may hold the terms its `=`/`exists` filters
 * require, when those are few (a rare value); `f` unchanged otherwise. A filter that some resource
 * satisfies is left out: its records can be anywhere. The trace index is narrower still, so a trace
 * id search is left alone.
 */
function narrowByAttributeBlocks<F extends LogRecordFilter>(f: F): F {
  if (f.traceId !== undefined || f.attributes.length === 0) return f;
  const terms: AttributeTerm[] = [];
  for (const a of f.attributes) {
    const term = requiredTerm(a);
    if (term !== null && !someResourceMatches(a)) terms.push(term);
  }
  const idRanges = candidateIdRanges(getSqlite(), terms, f.fromUnixNano, f.toUnixNano);
  return idRanges === null ? f : { ...f, idRanges };
}

/**
 * One page of matching records, newest first, strictly older than `before` when given.
 * Returns up to `limit` records and whether more exist.
 */
export function searchLogRecords(filter: LogRecordFilter, limit: number, before?: LogCursor): { records: StoredLogRecord[]; hasMore: boolean } {
  const f = narrowByAttributeBlocks(filter);
  const windowed = f.ftsMatch !== undefined && f.traceId === undefined && f.idRanges === undefined
    && f.fromUnixNano !== undefined && f.toUnixNano !== undefined
    ? windowedFtsPage({ ...f, fromUnixNano: f.fromUnixNano, toUnixNano: f.toUnixNano }, limit, before) : null;
  const rows = windowed ?? pageQuery(f, limit, before);
  return { records: rows.slice(0, limit).map(toRecord), hasMore: rows.length > limit };
}

export interface LevelBucketCount {
  /** 0-based bucket index from `originUnixNano`. */
  bucket: number;
  /** ceil(severity_number / 4) for 1–24 (lib/log-severity.ts' level index), 0 otherwise. */
  level: number;
  count: number;
}

const LEVEL_OF = 'CASE WHEN severity_number BETWEEN 1 AND 24 THEN (severity_number + 3) / 4 ELSE 0 END';

type RangedFilter = LogRecordFilter & { fromUnixNano: bigint; toUnixNano: bigint };

/** Counts by scanning the records (any filter). */
function scanCounts(f: RangedFilter, originUnixNano: bigint, bucketNs: bigint): LevelBucketCount[] {
  const params: unknown[] = [originUnixNano, bucketNs];
  const conds = conditions(f, params);
  const rows = getSqlite().prepare(
    `SELECT (l.timestamp_unix_nano - ?) / ? AS bucket, ${LEVEL_OF.replaceAll('severity_number', 'l.severity_number')} AS level, count(*) AS n
     FROM ${f.traceId !== undefined ? 'log_records l INDEXED BY log_records_trace_idx' : f.idRanges !== undefined ? 'log_records l NOT INDEXED' : 'log_records l'}
     ${whereClause(conds)} GROUP BY bucket, level`,
  ).safeIntegers(true).all(...params) as { bucket: bigint; level: bigint; n: bigint }[];
  return rows.map((r) => ({ bucket: Number(r.bucket), level: Number(r.level), count: Number(r.n) }));
}

/** Counts of whole minutes [firstMinute, endMinute) from the log_volume rollup (service and severity filters only). */
function rollupCounts(f: LogRecordFilter, firstMinute: bigint, endMinute: bigint, originUnixNano: bigint, bucketNs: bigint): LevelBucketCount[] {
  const params: unknown[] = [MINUTE_NS, originUnixNano, bucketNs, firstMinute, endMinute];
  let where = 'minute >= ? AND minute < ?';
  if (f.service !== undefined) { where += ' AND service_name = ?'; params.push(f.service); }
  if (f.severityRanges.length > 0) {
    where += ` AND (${f.severityRanges.map(() => 'severity_number BETWEEN ? AND ?').join(' OR ')})`;
    for (const [lo, hi] of f.severityRanges) params.push(lo, hi);
  }
  const rows = getSqlite().prepare(
    `SELECT (minute * ? - ?) / ? AS bucket, ${LEVEL_OF} AS level, sum("count") AS n FROM log_volume WHERE ${where} GROUP BY bucket, level`,
  ).safeIntegers(true).all(...params) as { bucket: bigint; level: bigint; n: bigint }[];
  return rows.map((r) => ({ bucket: Number(r.bucket), level: Number(r.level), count: Number(r.n) }));
}

/**
 * Record counts per (time bucket, severity level) for the volume histogram. Needs both time bounds.
 * With only service/severity filters and minute-multiple buckets, whole minutes come from the
 * log_volume rollup (a day is ~40k rows instead of a million records: counting those took ~1.6 s) and
 * only the partial minutes at the two ends are counted from the records, so the result is exact.
 */
export function countLogsByBucket(f: RangedFilter, originUnixNano: bigint, bucketNs: bigint): LevelBucketCount[] {
  const rollupAnswers = f.ftsMatch === undefined && f.bodyLike === undefined && f.attributes.length === 0
    && f.traceId === undefined && f.spanId === undefined && bucketNs % MINUTE_NS === 0n;
  const firstMinute = (f.fromUnixNano + MINUTE_NS - 1n) / MINUTE_NS; // first minute starting at or after `from`
  const endMinute = (f.toUnixNano + 1n) / MINUTE_NS; // minutes before this one end at or before `to`
  if (!rollupAnswers || endMinute <= firstMinute) return scanCounts(narrowByAttributeBlocks(f), originUnixNano, bucketNs);
  const parts = [rollupCounts(f, firstMinute, endMinute, originUnixNano, bucketNs)];
  if (f.fromUnixNano < firstMinute * MINUTE_NS) parts.push(scanCounts({ ...f, toUnixNano: firstMinute * MINUTE_NS - 1n }, originUnixNano, bucketNs));
  if (endMinute * MINUTE_NS <= f.toUnixNano) parts.push(scanCounts({ ...f, fromUnixNano: endMinute * MINUTE_NS }, originUnixNano, bucketNs));
  const merged = new Map<string, LevelBucketCount>();
  for (const c of parts.flat()) {
    const key = `${c.bucket}:${c.level}`;
    const m = merged.get(key);
    if (m) m.count += c.count;
    else merged.set(key, { ...c });
  }
  return [...merged.values()].filter((c) => c.count > 0);
}

/** One record by id (the anchor of "show context"). */
export function getLogRecord(id: number): StoredLogRecord | null {
  const row = getSqlite().prepare(`${SELECT} FROM log_records l JOIN resources r ON r.id = l.resource_id JOIN scopes s ON s.id = l.scope_id WHERE l.id = ?`)
    .safeIntegers(true).get(id) as Columns | undefined;
  return row ? toRecord(row) : null;
}

/** Up to `count` records of `service` just before (newest first) and just after (oldest first) `at`. */
export function logNeighbours(service: string, at: LogCursor, count: number): { before: StoredLogRecord[]; after: StoredLogRecord[] } {
  const base = `${SELECT} FROM log_records l INDEXED BY log_records_service_ts_idx JOIN resources r ON r.id = l.resource_id JOIN scopes s ON s.id = l.scope_id WHERE l.service_name = ?`;
  const sqlite = getSqlite();
  const before = sqlite.prepare(`${base} AND l.timestamp_unix_nano <= ? AND (l.timestamp_unix_nano < ? OR l.id < ?)
    ORDER BY l.timestamp_unix_nano DESC, l.id DESC LIMIT ?`).safeIntegers(true)
    .all(service, at.timestampUnixNano, at.timestampUnixNano, at.id, count) as Columns[];
  const after = sqlite.prepare(`${base} AND l.timestamp_unix_nano >= ? AND (l.timestamp_unix_nano > ? OR l.id > ?)
    ORDER BY l.timestamp_unix_nano ASC, l.id ASC LIMIT ?`).safeIntegers(true)
    .all(service, at.timestampUnixNano, at.timestampUnixNano, at.id, count) as Columns[];
  return { before: before.map(toRecord), after: after.map(toRecord) };
}

/** The highest record id stored (0 when empty): where a live tail starts. */
export function maxLogId(): number {
  return Number(getSqlite().prepare('SELECT coalesce(max(id), 0) FROM log_records').pluck().get());
}

/**
 * Records that arrived after `afterId`, up to `upToId` (ids grow with arrival), matching `f` (its
 * time bounds are ignored by callers that tail). Returns the newest `cap` of them, newest first,
 * and how many matched in all, so the tail can say how many it skipped.
 */
export function logsArrivedBetween(f: LogRecordFilter, afterId: number, upToId: number, cap: number): { records: StoredLogRecord[]; matched: number } {
  const params: unknown[] = [afterId, upToId];
  const conds = ['l.id > ?', 'l.id <= ?', ...conditions(f, params)];
  const sqlite = getSqlite();
  const matched = Number(sqlite.prepare(`SELECT count(*) FROM log_records l NOT INDEXED ${whereClause(conds)}`).pluck().get(...params));
  if (matched === 0) return { records: [], matched };
  const rows = sqlite.prepare(`${SELECT} FROM ${from(f, 'arrival')} ${whereClause(conds)} ORDER BY l.id DESC LIMIT ?`)
    .safeIntegers(true).all(...params, cap) as Columns[];
  return { records: rows.map(toRecord), matched };
}
