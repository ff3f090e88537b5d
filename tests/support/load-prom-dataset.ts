import { openDatabase } from '@/db/client';
import { createRowWriter } from '@/server/store/row-writer';
import type { PromSampleRow, PromScrapeRows, PromSeriesRow } from '@/server/store/rows';
import type { PromSeriesData } from './prom-dataset';

/**
 * Writes the dataset into a Sightline database file through the store's scrape path (the same rows a
 * scrape of these series would produce), ~20k samples per transaction.
 */
export function loadPromDataset(dbFile: string, data: PromSeriesData[]): void {
  const sqlite = openDatabase(dbFile).$client;
  const write = createRowWriter(sqlite);
  let batch: PromScrapeRows[] = [];
  let pending = 0;
  for (const s of data) {
    const { job, instance } = s.labels;
    const series: PromSeriesRow = {
      name: s.name, labels: s.labels, promType: s.type, help: '', unit: '',
      kind: s.type === 'gauge' || (s.type === 'summary' && 'quantile' in s.labels) ? 'gauge' : 'sum',
      isMonotonic: s.type === 'counter' || s.name.endsWith('_bucket') || s.name.endsWith('_count'),
    };
    const samples: PromSampleRow[] = s.samples.map((p) => ({
      series, timeUnixNano: BigInt(p.t) * 1_000_000n, value: p.v, stale: false, exemplar: null,
    }));
    batch.push({ job, instance, samples });
    pending += samples.length;
    if (pending >= 20_000) {
      write([{ promSamples: batch }]);
      batch = [];
      pending = 0;
    }
  }
  if (batch.length) write([{ promSamples: batch }]);
  sqlite.close();
}
