/**
 * OpenTelemetry-to-Prometheus naming (the OTel spec's "Prometheus and OpenMetrics compatibility"):
 * metric names get invalid characters replaced, a unit suffix and, for monotonic sums, `_total`;
 * attribute keys become label names; `job` and `instance` come from the resource.
 * Pure: the same inputs always give the same names, so ingest and queries agree.
 */

const UNIT_WORDS: Record<string, string> = {
  d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds',
  ns: 'nanoseconds', By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes',
  TiBy: 'tibibytes', KBy: 'kilobytes', MBy: 'megabytes', GBy: 'gigabytes', TBy: 'terabytes',
  m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius',
  Hz: 'hertz', '%': 'percent',
};
const PER_UNIT_WORDS: Record<string, string> = {
  s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year',
};

export function sanitizeMetricName(name: string): string {
  let out = name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/__+/g, '_');
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out;
}

export function sanitizeLabelName(key: string): string {
  let out = key.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(out)) out = `key_${out}`;
  else if (out.startsWith('_') && !out.startsWith('__')) out = `key${out}`;
  return out;
}

/** Unit suffix for a UCUM unit string, or "" (annotations like `{request}` carry no unit). */
export function unitSuffix(unit: string, kind: 'gauge' | 'other'): string {
  const bare = unit.replace(/\{[^}]*\}/g, '').trim();
  if (bare === '') return '';
  if (bare === '1') return kind === 'gauge' ? 'ratio' : '';
  const [main, per] = bare.split('/', 2);
  const mainWord = main ? (UNIT_WORDS[main] ?? main) : '';
  const perWord = per ? (PER_UNIT_WORDS[per] ?? UNIT_WORDS[per] ?? per) : '';
  const words = [mainWord, perWord ? `per_${perWord}` : ''].filter(Boolean).join('_');
  return sanitizeMetricName(words).replace(/^_+|_+$/g, '');
}

export interface PromNameInput {
  name: string;
  unit: string;
  kind: 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';
  isMonotonic: boolean;
}

/** The base Prometheus metric name (histograms then add `_bucket`, `_sum`, `_count`). */
export function prometheusMetricName(m: PromNameInput): string {
  let name = sanitizeMetricName(m.name);
  const suffix = unitSuffix(m.unit, m.kind === 'gauge' ? 'gauge' : 'other');
  if (suffix && !name.split('_').includes(suffix) && !name.endsWith(`_${suffix}`)) name = `${name}_${suffix}`;
  const isCounter = m.kind === 'sum' && m.isMonotonic;
  if (isCounter) name = name.replace(/_total$/, '') + '_total';
  return name;
}

/**
 * Prometheus labels for a point: sanitized attribute keys (values joined with ";" when two keys
 * collide after sanitizing, as the spec says), plus `job` and `instance` from the resource.
 */
export function prometheusLabels(
  pointAttributes: Record<string, string>,
  resource: { serviceName: string; serviceNamespace?: string; serviceInstanceId?: string },
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of Object.keys(pointAttributes).sort()) {
    const label = sanitizeLabelName(key);
    labels[label] = label in labels ? `${labels[label]};${pointAttributes[key]}` : pointAttributes[key];
  }
  labels.job = resource.serviceNamespace ? `${resource.serviceNamespace}/${resource.serviceName}` : resource.serviceName;
  if (resource.serviceInstanceId) labels.instance = resource.serviceInstanceId;
  return labels;
}

/** Canonical text of a label set: JSON with sorted keys, so equal sets give equal strings. */
export function canonicalLabels(labels: Record<string, string>): string {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) sorted[key] = labels[key];
  return JSON.stringify(sorted);
}
