import type Database from 'better-sqlite3';
import { bloomMayContain } from './bloom';
import { blockIds, blockOf } from './block-size';
import { termHash, type AttributeTerm } from './terms';

/**
 * Past this many candidate blocks (~32k records, ~75 ms of attribute checks) the terms are too common
 * for skipping to pay: the newest-first scan of the time index fills a page sooner.
 */
export const MAX_CANDIDATE_BLOCKS = 64;

// Open time bounds as SQLite integers (timestamps in ns are beyond Number.MAX_SAFE_INTEGER).
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Inclusive log record id range. */
export type IdRange = [first: number, last: number];

/**
 * The id ranges that can hold a record carrying every one of `terms` with a timestamp in
 * [fromUnixNano, toUnixNano], from the block filters: blocks whose filter may hold all the terms, plus
 * blocks with no filter (the one being filled, data written before filters existed). Adjacent blocks
 * merge into one range; [] means no record can match. Null when there is nothing to narrow by or too
 * many blocks qualify (see MAX_CANDIDATE_BLOCKS).
 */
export function candidateIdRanges(sqlite: Database.Database, terms: AttributeTerm[], fromUnixNano?: bigint, toUnixNano?: bigint): IdRange[] | null {
  if (terms.length === 0) return null;
  // Two subqueries: each is one b-tree probe, where `SELECT min(id), max(id)` scans the table.
  const bounds = sqlite.prepare('SELECT (SELECT min(id) FROM log_records) AS lo, (SELECT max(id) FROM log_records) AS hi')
    .get() as { lo: number | null; hi: number | null };
  if (bounds.lo === null || bounds.hi === null) return [];
  const firstBlock = blockOf(bounds.lo);
  const lastBlock = blockOf(bounds.hi);
  // A filter outside the time range comes back with a NULL bloom: the block is known and skipped.
  const filters = sqlite.prepare(
    `SELECT block, CASE WHEN max_timestamp_unix_nano >= ? AND min_timestamp_unix_nano <= ? THEN bloom END AS bloom
     FROM log_attribute_blooms WHERE block BETWEEN ? AND ?`,
  ).all(fromUnixNano ?? INT64_MIN, toUnixNano ?? INT64_MAX, firstBlock, lastBlock) as { block: number; bloom: Buffer | null }[];
  const filterOf = new Map(filters.map((f) => [f.block, f.bloom]));
  const hashes = terms.map((t) => termHash(t.key, t.value));
  const candidates: number[] = [];
  for (let block = firstBlock; block <= lastBlock; block++) {
    const bloom = filterOf.get(block);
    const candidate = bloom === undefined || (bloom !== null && hashes.every((h) => bloomMayContain(bloom, h, block)));
    if (!candidate) continue;
    candidates.push(block);
    if (candidates.length > MAX_CANDIDATE_BLOCKS) return null;
  }
  const ranges: IdRange[] = [];
  for (const block of candidates) {
    const [first, last] = blockIds(block);
    const previous = ranges.at(-1);
    if (previous && previous[1] + 1 === first) previous[1] = last;
    else ranges.push([first, last]);
  }
  return ranges;
}
