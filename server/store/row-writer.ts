import type Database from 'better-sqlite3';
import type { WriteBatch } from './rows';
import { ResourceScopeIds } from './resource-ids';
import { prepareSpanWriter } from './write-spans';
import { prepareLogWriter } from './write-logs';
import { prepareMetricWriter } from './write-metrics';
import { preparePromSampleWriter } from './write-prom-samples';
import { pointCount } from './metric-columns';

/**
 * Commits many request batches in ONE transaction (group commit). Throws if the transaction fails;
 * then nothing of it is stored and the id caches are reset, so the caller can retry batch by batch.
 */
export function createRowWriter(sqlite: Database.Database) {
  const ids = new ResourceScopeIds(sqlite);
  const writeSpans = prepareSpanWriter(sqlite, ids);
  const writeLogs = prepareLogWriter(sqlite, ids);
  const writeMetrics = prepareMetricWriter(sqlite, ids);
  const writePromSamples = preparePromSampleWriter(sqlite, ids);

  const commitAll = sqlite.transaction((batches: WriteBatch[]) => {
    for (const b of batches) {
      if (b.spans) writeSpans(b.spans);
      if (b.logs) writeLogs(b.logs);
      if (b.metrics) writeMetrics.write(b.metrics);
      if (b.metricColumns) writeMetrics.writeColumns(b.metricColumns);
      if (b.promSamples) writePromSamples(b.promSamples);
    }
  });

  return (batches: WriteBatch[]): void => {
    try {
      commitAll(batches);
    } catch (err) {
      ids.clear();
      writeMetrics.clearCache();
      writePromSamples.clearCache();
      throw err;
    }
  };
}

/** Items in a batch: spans + log records + data points + scraped samples. The unit of the write queue's bound. */
export function countItems(batch: WriteBatch): number {
  let n = 0;
  for (const g of batch.spans ?? []) n += g.rows.length;
  for (const g of batch.logs ?? []) n += g.rows.length;
  for (const g of batch.metrics ?? []) n += g.rows.length;
  for (const g of batch.metricColumns ?? []) for (const m of g.rows) n += pointCount(m);
  for (const g of batch.promSamples ?? []) n += g.samples.length;
  return n;
}
