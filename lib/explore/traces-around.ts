/**
 * "Traces around here": from a point of a chart (a series at one time) to the trace search over the same
 * service and the step that produced the point. For latency metrics, only traces at least 80% as slow
 * as the plotted value: those are the ones that made the line go up.
 */
import type { Labels } from './prom-api';
import type { ValueUnit } from './units';

export const MIN_DURATION_FACTOR = 0.8;

/** `service="x"` / `service_name="x"` / `job="x"` equality matchers in a query, in that preference. */
function serviceFromSelectors(expr: string): string | null {
  for (const name of ['service', 'service_name', 'job']) {
    const values = new Set<string>();
    const re = new RegExp(`(?:[{,]\\s*)${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(expr)) !== null) values.add(m[1]);
    if (values.size === 1) return stripNamespace(name, [...values][0]);
  }
  return null;
}

/** OTel → Prometheus makes `job` = `<service.namespace>/<service.name>`; the trace search wants the name. */
function stripNamespace(label: string, value: string): string {
  return label === 'job' && value.includes('/') ? value.slice(value.lastIndexOf('/') + 1) : value;
}

/** The service a series is about: its `service`, `service_name` or `job` label, else a single such matcher in the query. */
export function serviceForSeries(labels: Labels, expr: string): string | null {
  for (const name of ['service', 'service_name', 'job']) {
    const v = labels[name];
    if (v !== undefined && v !== '') return stripNamespace(name, v);
  }
  return serviceFromSelectors(expr);
}

/** 80% of a latency as the trace search's duration text: 1.1875 s → "950ms", 0.0004 s → "320us". Null when not positive. */
export function minDurationText(value: number, unit: 'seconds' | 'milliseconds'): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value * MIN_DURATION_FACTOR * (unit === 'seconds' ? 1000 : 1);
  if (ms >= 1) return `${Math.floor(ms)}ms`;
  const us = Math.floor(ms * 1000);
  return us >= 1 ? `${us}us` : null;
}

export interface TracesAroundInput {
  labels: Labels;
  /** The query the series came from (for its service matcher when the series has no label). */
  expr: string;
  /** The point's time, epoch ms: the end of the step it summarizes. */
  t: number;
  stepMs: number;
  value: number;
  unit: ValueUnit;
}

/**
 * `/traces?service=&operation=&from=&to=&minDuration=`: the step before the point ([t − step, t]) as an
 * absolute range; `operation` when the series has a `span_name` label (span metrics); `minDuration` only
 * for latency units.
 */
export function tracesAroundHref(input: TracesAroundInput): string {
  const params = new URLSearchParams();
  const service = serviceForSeries(input.labels, input.expr);
  if (service) params.set('service', service);
  if (service && input.labels.span_name) params.set('operation', input.labels.span_name);
  params.set('from', String(Math.floor(input.t - Math.max(1000, input.stepMs))));
  params.set('to', String(Math.ceil(input.t)));
  if (input.unit === 'seconds' || input.unit === 'milliseconds') {
    const min = minDurationText(input.value, input.unit);
    if (min) params.set('minDuration', min);
  }
  return `/traces?${params.toString()}`;
}
