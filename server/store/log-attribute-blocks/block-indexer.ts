import type Database from 'better-sqlite3';
import { buildBloom } from './bloom';
import { blockIds, blockOf } from './block-size';
import { forEachAttributeEntry, termHash } from './terms';

/**
 * Collects the attribute terms of the block being filled and writes its Bloom filter when the writer
 * moves past it. Called inside the write transaction, so a filter commits (or rolls back) with the
 * records that complete its block.
 *
 * Invariant: a stored filter covers every record of its block. Ids grow (AUTOINCREMENT), so when a
 * record lands in a later block no more records will arrive in the earlier one. When the indexer starts
 * on a block (a new writer, a restart, a rolled-back transaction that reused ids) it first reads the
 * block's records already stored. A rolled-back record may leave its terms behind: a false positive.
 */
export class AttributeBlockIndexer {
  private block = -1;
  /** Records of the block seen so far (stored before this indexer started, or added). */
  private records = 0;
  private hashes = new Set<number>();
  private minTs = 0n;
  private maxTs = 0n;
  private readonly storedInBlock: Database.Statement;
  private readonly save: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.storedInBlock = sqlite.prepare('SELECT attributes, timestamp_unix_nano AS ts FROM log_records WHERE id BETWEEN ? AND ?').safeIntegers(true);
    this.save = sqlite.prepare(`INSERT OR REPLACE INTO log_attribute_blooms (block, min_timestamp_unix_nano, max_timestamp_unix_nano, term_count, bloom)
      VALUES (?, ?, ?, ?, ?)`);
  }

  /** Records a just-inserted record (its id, timestamp_unix_nano and attributes JSON). */
  add(id: number, timestampUnixNano: bigint, attributesJson: string): void {
    const block = blockOf(id);
    if (block !== this.block) this.moveTo(block, id);
    this.addRecord(timestampUnixNano, attributesJson);
  }

  private moveTo(block: number, firstNewId: number): void {
    if (this.block >= 0 && block > this.block && this.records > 0) {
      this.save.run(this.block, this.minTs, this.maxTs, this.hashes.size, buildBloom(this.hashes, this.hashes.size, this.block));
    }
    this.block = block;
    this.records = 0;
    this.hashes = new Set();
    this.minTs = 0n;
    this.maxTs = 0n;
    const [first] = blockIds(block);
    if (firstNewId > first) {
      for (const r of this.storedInBlock.iterate(first, firstNewId - 1) as Iterable<{ attributes: string; ts: bigint }>) {
        this.addRecord(r.ts, r.attributes);
      }
    }
  }

  private addRecord(ts: bigint, attributesJson: string): void {
    if (this.records === 0 || ts < this.minTs) this.minTs = ts;
    if (this.records === 0 || ts > this.maxTs) this.maxTs = ts;
    this.records++;
    forEachAttributeEntry(attributesJson, this.addEntry);
  }

  /** Adds an entry's key term and, when it has one, its value term. */
  private readonly addEntry = (key: string, value: string | null): void => {
    this.hashes.add(termHash(key));
    if (value !== null) this.hashes.add(termHash(key, value));
  };
}
