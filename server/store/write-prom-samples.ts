import type Database from 'better-sqlite3';
import type { PromScrapeRows, PromSeriesRow, ResourceRow, ScopeRow } from './rows';
import { fingerprint, type ResourceScopeIds } from './resource-ids';
import { promSampleCacheFor } from './prom-sample-cache';

/**
 * Writes scraped Prometheus samples into the ordinary metric tables. Each series is one row of
 * `metric_series` whose `prom_name`/`prom_labels` are the scraped identity as is (not derived through
 * the OTel naming rules), so PromQL finds scraped and OTLP series the same way:
 *
 * - `name` = `prom_name` = the series' metric name (`x_bucket`, `x_sum`, `x_total`, …); kind `sum`
 *   (temporality 2, cumulative) or `gauge`; `description`/`unit` from HELP/UNIT; `metadata` records the
 *   Prometheus type as `prometheus.type`; `attributes` = the labels other than job/instance.
 * - `prom_labels` = canonical JSON of the final labels (sorted keys, no `__name__`, job/instance included).
 * - resource = {service.name: job, service.instance.id: instance}; scope `sightline.scrape`.
 * - `fingerprint` = "prom:" + sha1(name, labels): never equal to an OTLP series' fingerprint (bare sha1
 *   hex), and stable whatever the type or HELP say, so a series stays one row for PromQL.
 * - points go to `metric_number_points` keyed (series, time): a staleness marker is a NULL value with
 *   flags = 1 (NO_RECORDED_VALUE), NaN a NULL value with flags = 0.
 */

const NO_RECORDED_VALUE = 1;

export const SCRAPE_SCOPE: ScopeRow = { name: 'sightline.scrape', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: '' };

/** Canonical label text, same format as lib/otel-prometheus-naming's canonicalLabels (sorted keys), safe for any key. */
export function promLabelsJson(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${JSON.stringify(labels[keys[i]])}`;
  return `${out}}`;
}

/** The stored fingerprint of a scraped series. */
export function promSeriesFingerprint(name: string, labelsJson: string): string {
  return `prom:${fingerprint(`${name}\u0000${labelsJson}`)}`;
}

const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });

export function scrapeResource(job: string, instance: string): ResourceRow {
  return {
    serviceName: job,
    attributesJson: JSON.stringify([kv('service.name', job), kv('service.instance.id', instance)]),
    droppedAttributesCount: 0,
    schemaUrl: '',
  };
}

export function preparePromSampleWriter(sqlite: Database.Database, ids: ResourceScopeIds) {
  // Samples with old timestamps (honor_timestamps) may land inside a range the PromQL sample cache holds.
  const sampleCache = promSampleCacheFor(sqlite);
  const seriesIds = new Map<string, number>();
  const insertSeries = sqlite.prepare(
    `INSERT INTO metric_series (fingerprint, resource_id, scope_id, service_name, name, description, unit, kind,
       temporality, is_monotonic, attributes, metadata, prom_name, prom_labels)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
  );
  const selectSeries = sqlite.prepare('SELECT id FROM metric_series WHERE fingerprint = ?').pluck();
  const insertPoint = sqlite.prepare(
    `INSERT OR REPLACE INTO metric_number_points (series_id, time_unix_nano, start_time_unix_nano, flags, value)
     VALUES (?, ?, 0, ?, ?)`,
  );
  const insertExemplar = sqlite.prepare(
    `INSERT INTO exemplars (series_id, point_time_unix_nano, time_unix_nano, value, trace_id, span_id, filtered_attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  function seriesId(series: PromSeriesRow, job: string, resourceId: number, scopeId: number): number {
    const labelsJson = promLabelsJson(series.labels);
    const cacheKey = `${series.name}\u0000${labelsJson}`;
    const cached = seriesIds.get(cacheKey);
    if (cached !== undefined) return cached;
    const fp = promSeriesFingerprint(series.name, labelsJson);
    const attributes = Object.keys(series.labels).sort()
      .filter((k) => k !== 'job' && k !== 'instance')
      .map((k) => kv(k, series.labels[k]));
    insertSeries.run(fp, resourceId, scopeId, job, series.name, series.help, series.unit, series.kind,
      series.kind === 'sum' ? 2 : 0, series.isMonotonic ? 1 : 0, JSON.stringify(attributes),
      JSON.stringify([kv('prometheus.type', series.promType)]), series.name, labelsJson);
    const id = Number(selectSeries.get(fp));
    seriesIds.set(cacheKey, id);
    return id;
  }

  const write = (groups: PromScrapeRows[]): void => {
    for (const group of groups) {
      const resourceId = ids.resourceId(scrapeResource(group.job, group.instance));
      const scopeId = ids.scopeId(SCRAPE_SCOPE);
      for (const s of group.samples) {
        const id = seriesId(s.series, group.job, resourceId, scopeId);
        const value = s.stale || Number.isNaN(s.value) ? null : s.value;
        insertPoint.run(id, s.timeUnixNano, s.stale ? NO_RECORDED_VALUE : 0, value);
        sampleCache.noteWrite(id, s.timeUnixNano);
        const e = s.exemplar;
        if (e && !s.stale) {
          insertExemplar.run(id, s.timeUnixNano, e.timeUnixNano, typeof e.value === 'number' && Number.isNaN(e.value) ? null : e.value,
            e.traceId, e.spanId, e.filteredAttributesJson);
        }
      }
    }
  };
  return Object.assign(write, { clearCache: () => seriesIds.clear() });
}
