import { describe, it, expect } from 'vitest';
import { SpanMetricsAggregator } from '@/server/ingest/span-metrics/aggregator';
import { prometheusLabels, prometheusMetricName } from '@/lib/otel-prometheus-naming';
import { attributesJsonToTextMap } from '@/lib/otlp-attributes';
import { group, span } from './helpers';

/** What write-metrics.ts computes for each stored series, with the real naming functions. */
function promSeries() {
  const agg = new SpanMetricsAggregator();
  agg.observe([group('checkout', [span({ name: 'POST /pay', kind: 2, statusCode: 2 })])], 1n);
  return agg.snapshot(2n).flatMap((g) => g.rows.map((row) => {
    const resource = attributesJsonToTextMap(g.resource.attributesJson);
    return {
      kind: row.series.kind,
      name: prometheusMetricName(row.series),
      labels: prometheusLabels(attributesJsonToTextMap(row.series.attributesJson), {
        serviceName: g.resource.serviceName,
        serviceNamespace: resource['service.namespace'],
        serviceInstanceId: resource['service.instance.id'],
      }),
    };
  }));
}

describe('span metrics through the OTel→Prometheus naming', () => {
  it("yield Tempo's metric names: traces_spanmetrics_calls_total and traces_spanmetrics_latency(_bucket/_sum/_count)", () => {
    const series = promSeries();
    expect(series.map((s) => [s.kind, s.name])).toEqual([
      ['sum', 'traces_spanmetrics_calls_total'],
      ['histogram', 'traces_spanmetrics_latency'], // + _bucket/_sum/_count at query time; no _seconds suffix
    ]);
  });

  it('yield exactly the labels service, span_name, span_kind, status_code, plus job = the service', () => {
    for (const s of promSeries()) {
      expect(s.labels).toEqual({
        service: 'checkout', span_name: 'POST /pay', span_kind: 'SPAN_KIND_SERVER', status_code: 'STATUS_CODE_ERROR', job: 'checkout',
      });
    }
  });

  it('would get a _seconds suffix with unit "s", which is why the unit is empty', () => {
    expect(prometheusMetricName({ name: 'traces.spanmetrics.latency', unit: 's', kind: 'histogram', isMonotonic: false })).toBe('traces_spanmetrics_latency_seconds');
  });
});
