/**
 * Log record ids per attribute block: block = floor(id / BLOCK_SIZE). Small enough that reading a
 * candidate block costs ~1 ms (a record's attribute check costs ~2 µs read by rowid ranges), large
 * enough that a million records are ~2000 filters (~2 MB, read in a few ms per search).
 */
export const BLOCK_SIZE = 512;

export const blockOf = (id: number) => Math.floor(id / BLOCK_SIZE);
/** Inclusive id bounds of a block. */
export const blockIds = (block: number): [number, number] => [block * BLOCK_SIZE, block * BLOCK_SIZE + BLOCK_SIZE - 1];
