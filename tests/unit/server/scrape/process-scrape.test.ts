import { describe, expect, it } from 'vitest';
import { parseExposition } from '@/server/scrape/parse-exposition';
import {
  ScrapeLimitError,
  checkLabelLimits,
  labelsKey,
  mergeTargetLabels,
  normalizeFloatLabel,
  processScrape,
  reportSamples,
  toExemplarRow,
  type ScrapedSample,
  type TargetScrapeSettings,
} from '@/server/scrape/process-scrape';
import { ExemplarDeduper, StalenessTracker } from '@/server/scrape/series-tracking';

const T = 1_800_000_000_000;
const settings = (over: Partial<TargetScrapeSettings> = {}): TargetScrapeSettings => ({
  targetLabels: { instance: '127.0.0.1:9100', job: 'node' }, honorLabels: false, honorTimestamps: true, normalizeFloatLabels: true,
  sampleLimit: 0, labelLimit: 0, labelNameLengthLimit: 0, labelValueLengthLimit: 0, ...over,
});
const plain = (r: Record<string, string>) => ({ ...r });
const om = (text: string) => parseExposition(`${text}\n# EOF\n`, 'openmetrics');
const prom = (text: string) => parseExposition(text, 'prometheus');

describe('mergeTargetLabels (Prometheus mutateSampleLabels)', () => {
  const target = { instance: 'host:1', job: 'api' };

  it('adds target labels', () => {
    expect(plain(mergeTargetLabels({ path: '/' }, target, false))).toEqual({ path: '/', instance: 'host:1', job: 'api' });
  });

  it('renames conflicting scraped labels to exported_* without honor_labels', () => {
    expect(plain(mergeTargetLabels({ job: 'pushed', instance: 'other', exported_job: 'taken' }, target, false)))
      .toEqual({ job: 'api', instance: 'host:1', exported_job: 'taken', exported_exported_job: 'pushed', exported_instance: 'other' });
  });

  it('keeps scraped values with honor_labels (an empty scraped value counts as absent)', () => {
    expect(plain(mergeTargetLabels({ job: 'pushed', instance: '' }, target, true))).toEqual({ job: 'pushed', instance: 'host:1' });
  });

  it('drops empty-valued labels', () => {
    expect(plain(mergeTargetLabels({ a: '', b: 'x' }, target, false))).toEqual({ b: 'x', instance: 'host:1', job: 'api' });
  });
});

describe('normalizeFloatLabel (Prometheus 3 le/quantile)', () => {
  it.each([
    ['1', '1.0'], ['0', '0.0'], ['0.5', '0.5'], ['+Inf', '+Inf'], ['inf', '+Inf'], ['-Inf', '-Inf'], ['NaN', 'NaN'],
    ['100000', '100000.0'], ['1000000', '1e+06'], ['0.0001', '0.0001'], ['0.00001', '1e-05'], ['2.5e-3', '0.0025'],
    ['123456789', '1.23456789e+08'], ['1e300', '1e+300'], ['garbage', 'garbage'],
  ])('%s → %s', (input, output) => {
    expect(normalizeFloatLabel(input)).toBe(output);
  });
});

describe('processScrape', () => {
  it('keeps le and quantile as exposed in Prometheus 2 mode (normalizeFloatLabels false)', () => {
    const text = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 1\n# TYPE q summary\nq{quantile="0.50"} 0.2';
    const labelsOf = (normalize: boolean) => processScrape(om(text), settings({ normalizeFloatLabels: normalize }), T)
      .samples.map((x) => x.series.labels.le ?? x.series.labels.quantile);
    expect(labelsOf(false)).toEqual(['1', '+Inf', '0.50']);
    expect(labelsOf(true)).toEqual(['1.0', '+Inf', '0.5']);
  });

  it('adds target labels, types series for storage and uses the scrape time', () => {
    const { samples, samplesScraped } = processScrape(om(`# TYPE req counter
# HELP req Requests.
req_total{code="200"} 5
req_created{code="200"} 1.7e9
# TYPE lat_seconds histogram
# UNIT lat_seconds seconds
lat_seconds_bucket{le="1"} 2 # {trace_id="4BF92F3577B34DA6A3CE929D0E0E4736"} 0.5
lat_seconds_bucket{le="+Inf"} 3
lat_seconds_sum 1.5
lat_seconds_count 3
lat_seconds_created 1.7e9
# TYPE q summary
q{quantile="0.50"} 0.2
q_sum 1
q_count 2
# TYPE temp gauge
temp NaN
# TYPE s stateset
s{s="on"} 1
# TYPE build info
build_info{v="1"} 1
m_untyped 1`), settings(), T);
    expect(samplesScraped).toBe(12); // 14 lines less the two dropped _created
    expect(samples.map((s) => [s.series.name, plain(s.series.labels), s.series.kind, s.series.isMonotonic, s.series.promType, s.timeMs])).toEqual([
      ['req_total', { code: '200', instance: '127.0.0.1:9100', job: 'node' }, 'sum', true, 'counter', T],
      ['lat_seconds_bucket', { le: '1.0', instance: '127.0.0.1:9100', job: 'node' }, 'sum', true, 'histogram', T],
      ['lat_seconds_bucket', { le: '+Inf', instance: '127.0.0.1:9100', job: 'node' }, 'sum', true, 'histogram', T],
      ['lat_seconds_sum', { instance: '127.0.0.1:9100', job: 'node' }, 'sum', false, 'histogram', T],
      ['lat_seconds_count', { instance: '127.0.0.1:9100', job: 'node' }, 'sum', true, 'histogram', T],
      ['q', { quantile: '0.5', instance: '127.0.0.1:9100', job: 'node' }, 'gauge', false, 'summary', T],
      ['q_sum', { instance: '127.0.0.1:9100', job: 'node' }, 'sum', false, 'summary', T],
      ['q_count', { instance: '127.0.0.1:9100', job: 'node' }, 'sum', true, 'summary', T],
      ['temp', { instance: '127.0.0.1:9100', job: 'node' }, 'gauge', false, 'gauge', T],
      ['s', { s: 'on', instance: '127.0.0.1:9100', job: 'node' }, 'gauge', false, 'stateset', T],
      ['build_info', { v: '1', instance: '127.0.0.1:9100', job: 'node' }, 'gauge', false, 'info', T],
      ['m_untyped', { instance: '127.0.0.1:9100', job: 'node' }, 'gauge', false, 'unknown', T],
    ]);
    expect(samples[0].series.help).toBe('Requests.');
    expect(samples[1].series.unit).toBe('seconds');
    expect(samples[1].exemplar?.value).toBe(0.5);
    expect(samples.find((s) => s.series.name === 'temp')!.value).toBeNaN();
    expect(samples[0].key).toBe(labelsKey('req_total', { code: '200', instance: '127.0.0.1:9100', job: 'node' }));
  });

  it('keeps _created samples of the text format (they are ordinary series there)', () => {
    const { samples } = processScrape(prom('# TYPE x_created gauge\nx_created 5\n'), settings(), T);
    expect(samples.map((s) => s.series.name)).toEqual(['x_created']);
  });

  it('honors exposed timestamps unless honor_timestamps is false', () => {
    const parsed = prom('a 1 1700000000000\nb 2\n');
    expect(processScrape(parsed, settings(), T).samples.map((s) => [s.timeMs, s.explicitTimestamp])).toEqual([[1_700_000_000_000, true], [T, false]]);
    expect(processScrape(parsed, settings({ honorTimestamps: false }), T).samples.map((s) => [s.timeMs, s.explicitTimestamp])).toEqual([[T, false], [T, false]]);
  });

  it('keeps the first of repeated series', () => {
    const r = processScrape(prom('a{x="1"} 1\na{x="1"} 2\na{x="2"} 3\n'), settings(), T);
    expect(r.samples.map((s) => s.value)).toEqual([1, 3]);
    expect(r.duplicates).toBe(1);
  });

  it('fails the scrape past sample_limit', () => {
    const text = 'a 1\nb 2\nc 3\n';
    expect(processScrape(prom(text), settings({ sampleLimit: 3 }), T).samples).toHaveLength(3);
    expect(() => processScrape(prom(text), settings({ sampleLimit: 2 }), T)).toThrow(new ScrapeLimitError('sample limit exceeded', 3));
    try {
      processScrape(prom(text), settings({ sampleLimit: 2 }), T);
    } catch (err) {
      expect((err as ScrapeLimitError).samplesScraped).toBe(3);
    }
  });

  it('fails the scrape past label_limit (counting __name__ and the target labels)', () => {
    // a{x,y} + job + instance + __name__ = 5 labels
    expect(processScrape(prom('a{x="1",y="2"} 1'), settings({ labelLimit: 5 }), T).samples).toHaveLength(1);
    expect(() => processScrape(prom('a{x="1",y="2"} 1'), settings({ labelLimit: 4 }), T))
      .toThrow('label_limit exceeded (metric: a, number of labels: 5, limit: 4)');
  });

  it('fails the scrape past the label name and value length limits (in bytes)', () => {
    expect(() => processScrape(prom('a{long_name="1"} 1'), settings({ labelNameLengthLimit: 8 }), T))
      .toThrow('label_name_length_limit exceeded (metric: a, label name: long_name, length: 9, limit: 8)');
    expect(() => processScrape(prom('a{v="ééé"} 1'), settings({ labelValueLengthLimit: 5 }), T))
      .toThrow('label_value_length_limit exceeded (metric: a, label name: v, value: "ééé", length: 6, limit: 5)');
    expect(() => processScrape(prom('a_very_long_metric_name 1'), settings({ labelValueLengthLimit: 10 }), T))
      .toThrow(/label_value_length_limit exceeded \(metric: a_very_long_metric_name, label name: __name__/);
    expect(processScrape(prom('a{v="abc"} 1'), settings({ labelNameLengthLimit: 8, labelValueLengthLimit: 16 }), T).samples).toHaveLength(1);
  });

  it('survives a series with 10,000 labels under label_limit (and rejects it over)', () => {
    const labels = Array.from({ length: 10_000 }, (_, i) => `l${i}="v"`).join(',');
    expect(() => processScrape(prom(`wide{${labels}} 1`), settings({ labelLimit: 100 }), T)).toThrow(/label_limit exceeded \(metric: wide, number of labels: 10003, limit: 100\)/);
    expect(processScrape(prom(`wide{${labels}} 1`), settings(), T).samples).toHaveLength(1);
  });

  it('checkLabelLimits passes when no limit is set', () => {
    expect(checkLabelLimits('x', { a: 'b'.repeat(10_000) }, settings())).toBeNull();
  });
});

describe('report samples', () => {
  it('writes the five Prometheus report series with the target labels', () => {
    const rows = reportSamples({ instance: 'h:1', job: 'j', env: 'x' }, { up: 1, durationSeconds: 0.25, samplesScraped: 10, samplesPostMetricRelabeling: 9, seriesAdded: 2 }, T);
    expect(rows.map((r) => [r.series.name, r.value, plain(r.series.labels), r.series.kind, r.timeMs])).toEqual([
      ['up', 1, { instance: 'h:1', job: 'j', env: 'x' }, 'gauge', T],
      ['scrape_duration_seconds', 0.25, { instance: 'h:1', job: 'j', env: 'x' }, 'gauge', T],
      ['scrape_samples_scraped', 10, { instance: 'h:1', job: 'j', env: 'x' }, 'gauge', T],
      ['scrape_samples_post_metric_relabeling', 9, { instance: 'h:1', job: 'j', env: 'x' }, 'gauge', T],
      ['scrape_series_added', 2, { instance: 'h:1', job: 'j', env: 'x' }, 'gauge', T],
    ]);
  });
});

describe('toExemplarRow', () => {
  it('takes trace_id/span_id (lowercased) and keeps other labels as OTLP attributes', () => {
    const row = toExemplarRow({ labels: { trace_id: '4BF92F3577B34DA6A3CE929D0E0E4736', span_id: '00f067aa0ba902b7', user: 'u1' }, value: 0.5, timestampMs: 1_700_000_000_123 }, T);
    expect(row).toEqual({
      timeUnixNano: 1_700_000_000_123_000_000n, value: 0.5, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7',
      filteredAttributesJson: JSON.stringify([{ key: 'user', value: { stringValue: 'u1' } }]),
    });
  });

  it('keeps invalid ids as attributes and falls back to the sample time', () => {
    const row = toExemplarRow({ labels: { trace_id: 'abc', span_id: '0000000000000000' }, value: 1, timestampMs: null }, T);
    expect(row.traceId).toBeNull();
    expect(row.spanId).toBeNull();
    expect(row.timeUnixNano).toBe(BigInt(T) * 1_000_000n);
    expect(JSON.parse(row.filteredAttributesJson)).toEqual([{ key: 'trace_id', value: { stringValue: 'abc' } }, { key: 'span_id', value: { stringValue: '0000000000000000' } }]);
  });
});

describe('StalenessTracker', () => {
  const scrape = (text: string, time = T) => processScrape(prom(text), settings(), time).samples;

  it('marks series that disappear, counts new ones, and exempts explicit timestamps', () => {
    const tracker = new StalenessTracker();
    let r = tracker.next(scrape('a 1\nb 2\nc 3 1700000000000\n'));
    expect(r.stale).toEqual([]);
    expect(r.added).toBe(3);
    expect(tracker.size).toBe(2);

    r = tracker.next(scrape('a 1\nd 4\n'));
    expect(r.stale.map((s) => s.name)).toEqual(['b']); // c had its own timestamp: no marker
    expect(r.added).toBe(1);

    r = tracker.next(scrape('a 1\nd 4\n'));
    expect(r.stale).toEqual([]);
    expect(r.added).toBe(0);
  });

  it('marks everything stale after a failure and starts over', () => {
    const tracker = new StalenessTracker();
    tracker.next(scrape('a 1\nb 2\n'));
    expect(tracker.dropAll().map((s) => s.name)).toEqual(['a', 'b']);
    expect(tracker.dropAll()).toEqual([]);
    expect(tracker.next(scrape('a 1\n')).added).toBe(1);
  });

  it('tells series apart by labels', () => {
    const tracker = new StalenessTracker();
    tracker.next(scrape('a{x="1"} 1\na{x="2"} 1\n'));
    expect(tracker.next(scrape('a{x="1"} 1\n')).stale.map((s) => s.labels.x)).toEqual(['2']);
  });
});

describe('ExemplarDeduper', () => {
  const withExemplar = (value: number, ts: string): ScrapedSample[] =>
    processScrape(om(`# TYPE h histogram\nh_bucket{le="1"} 1 # {trace_id="${'a'.repeat(32)}"} ${value} ${ts}\nh_bucket{le="+Inf"} 1`), settings(), T).samples;

  it('passes an exemplar once until it changes', () => {
    const dedupe = new ExemplarDeduper();
    expect([...dedupe.fresh(withExemplar(0.5, '1.7e9')).keys()]).toHaveLength(1);
    expect(dedupe.fresh(withExemplar(0.5, '1.7e9')).size).toBe(0);
    expect(dedupe.fresh(withExemplar(0.6, '1.8e9')).size).toBe(1);
    dedupe.reset();
    expect(dedupe.fresh(withExemplar(0.6, '1.8e9')).size).toBe(1);
  });
});
