import { formatPromFloat, sortedLabelSet } from '@/lib/prom-format';
import { MAX_TIME_MS, MIN_TIME_MS } from '@/lib/prom-time';
import { PromApiError } from './errors';
import type { PromSuccess } from './http';
import { limitParam, timeParam, type PromParams } from './params';
import { extractSelectors, parseMatchParams } from './parse-selector';
import { promSource } from './source';

/**
 * The series metadata verbs of the Prometheus API: /series, /labels, /label/<name>/values,
 * /metadata and /query_exemplars. start/end default to all time; `limit` truncates with the
 * warning Prometheus gives.
 */

const TRUNCATED = 'results truncated due to limit';

function window(p: PromParams): [number, number] {
  return [timeParam(p, 'start', MIN_TIME_MS), timeParam(p, 'end', MAX_TIME_MS)];
}

function truncate<T>(list: T[], limit: number): PromSuccess {
  if (limit > 0 && list.length > limit) return { data: list.slice(0, limit), warnings: [TRUNCATED] };
  return { data: list };
}

/** GET|POST /api/v1/series: match[] (required, repeated), start, end, limit. */
export function seriesVerb(p: PromParams): PromSuccess {
  const limit = limitParam(p);
  const matches = p.getAll('match[]');
  if (matches.length === 0) throw new PromApiError('bad_data', 'no match[] parameter provided');
  const [start, end] = window(p);
  const selectors = parseMatchParams(matches);
  return truncate(promSource().listSeries(selectors, start, end).map(sortedLabelSet), limit);
}

/** GET|POST /api/v1/labels: start, end, match[] (optional), limit. */
export function labelsVerb(p: PromParams): PromSuccess {
  const limit = limitParam(p);
  const [start, end] = window(p);
  const matches = p.getAll('match[]');
  const selectors = matches.length > 0 ? parseMatchParams(matches) : undefined;
  return truncate(promSource().listLabelNames(selectors, start, end), limit);
}

/** GET /api/v1/label/<name>/values: start, end, match[] (optional), limit. */
export function labelValuesVerb(p: PromParams, path: { name: string }): PromSuccess {
  const limit = limitParam(p);
  const name = unescapeLabelName(path.name);
  if (name === '') throw new PromApiError('bad_data', `invalid label name: ${JSON.stringify(path.name)}`);
  const [start, end] = window(p);
  const matches = p.getAll('match[]');
  const selectors = matches.length > 0 ? parseMatchParams(matches) : undefined;
  return truncate(promSource().listLabelValues(name, selectors, start, end), limit);
}

/**
 * A label name in the path may use Prometheus's "values escaping" (needed for names with `/`):
 * `U__` prefix, `__` for `_`, `_<hex code point>_` for other characters. Anything else is as is.
 */
export function unescapeLabelName(name: string): string {
  if (!name.startsWith('U__')) return name;
  const s = name.slice(3);
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '_') {
      if (s[i + 1] === '_') {
        out += '_';
        i += 2;
        continue;
      }
      const close = s.indexOf('_', i + 1);
      const hex = close === -1 ? '' : s.slice(i + 1, close);
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) return name;
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i = close + 1;
    } else if (/[a-zA-Z0-9:]/.test(c)) {
      out += c;
      i++;
    } else {
      return name;
    }
  }
  return out;
}

/** GET /api/v1/metadata: limit (metrics), limit_per_metric, metric. */
export function metadataVerb(p: PromParams): PromSuccess {
  const number = (name: string): number => {
    const v = p.get(name);
    if (v === undefined) return -1;
    if (!/^[+-]?\d+$/.test(v)) throw new PromApiError('bad_data', `${name} must be a number`);
    return Number(v);
  };
  const limit = number('limit');
  const perMetric = number('limit_per_metric');
  const all = promSource().listMetadata(p.get('metric'));
  const data: typeof all = {};
  let count = 0;
  for (const [name, entries] of Object.entries(all)) {
    // As Prometheus: a negative limit is no limit, 0 returns nothing.
    if (limit >= 0 && count >= limit) break;
    data[name] = perMetric >= 0 ? entries.slice(0, perMetric) : entries;
    count++;
  }
  return { data };
}

/** GET|POST /api/v1/query_exemplars: query (any PromQL; its selectors are used), start, end. */
export function queryExemplarsVerb(p: PromParams): PromSuccess {
  const [start, end] = window(p);
  if (end < start) throw new PromApiError('bad_data', 'end timestamp must not be before start timestamp');
  const selectors = extractSelectors(p.get('query') ?? '');
  const groups = selectors.length === 0 ? [] : promSource().queryExemplars(selectors, start, end);
  return {
    data: groups.map((g) => ({
      seriesLabels: g.seriesLabels,
      exemplars: g.exemplars.map((e) => ({ labels: e.labels, value: formatPromFloat(e.value), timestamp: e.timestamp })),
    })),
  };
}
