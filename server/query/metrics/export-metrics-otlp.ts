import { listMetricPoints } from '@/server/store/read-metrics';
import { metricGroupsToOtlpJson } from '@/server/query/otlp-json/metrics';
import type { OtlpExportParams } from '../otlp-export-params';

/** Stored metric points as OTLP/JSON (`{resourceMetrics: […]}`). */
export function exportMetricsOtlp(p: OtlpExportParams) {
  return metricGroupsToOtlpJson(listMetricPoints({
    serviceName: p.service, name: p.name, fromUnixNano: p.fromUnixNano, toUnixNano: p.toUnixNano,
  }));
}
