/**
 * Label-set helpers with Prometheus's semantics: canonical keys for hashing (cached per label
 * object, because the evaluator reuses one object per series across all steps), ordering as
 * labels.Compare, printing as labels.String, and the name-dropping rule.
 */
import type { Labels } from './types';

export const METRIC_NAME = '__name__';
/** schema.IsMetadataLabel: what Prometheus drops when an operation changes a metric's meaning. */
const METADATA_LABELS = ['__name__', '__type__', '__unit__'];

const keyCache = new WeakMap<Labels, string>();

/** Canonical key of a label set: equal keys ⇔ equal label sets. */
export function labelsKey(labels: Labels): string {
  let k = keyCache.get(labels);
  if (k === undefined) {
    const names = Object.keys(labels).sort();
    k = names.map((n) => `${n}\u0000${labels[n]}`).join('\u0001');
    keyCache.set(labels, k);
  }
  return k;
}

/** Key over a subset: only `names` (on) or everything but `names` and __name__ (ignoring). */
export function matchingKey(labels: Labels, names: string[], on: boolean): string {
  if (on) {
    const sorted = [...names].sort();
    return sorted.map((n) => `${n}\u0000${labels[n] ?? ''}`).join('\u0001');
  }
  const skip = new Set([...names, METRIC_NAME]);
  return Object.keys(labels).filter((n) => !skip.has(n)).sort().map((n) => `${n}\u0000${labels[n]}`).join('\u0001');
}

/** labels.MatchLabels: the labels used for matching, as printed in matching errors. */
export function matchLabels(labels: Labels, names: string[], on: boolean): Labels {
  const set = new Set(names);
  const out: Labels = {};
  for (const [n, v] of Object.entries(labels)) {
    if (set.has(n) === on && (on || n !== METRIC_NAME)) out[n] = v;
  }
  return out;
}

export function dropMetricName(labels: Labels): Labels {
  if (!METADATA_LABELS.some((n) => n in labels)) return labels;
  const out: Labels = { ...labels };
  for (const n of METADATA_LABELS) delete out[n];
  return out;
}

/** Returns a copy with `name` set, or deleted when `value` is empty (Prometheus labels.Builder). */
export function withLabel(labels: Labels, name: string, value: string): Labels {
  const out: Labels = { ...labels };
  if (value === '') delete out[name];
  else out[name] = value;
  return out;
}

export function keepLabels(labels: Labels, names: string[]): Labels {
  const out: Labels = {};
  for (const n of names) if (labels[n] !== undefined && labels[n] !== '') out[n] = labels[n];
  return out;
}

export function deleteLabels(labels: Labels, names: string[]): Labels {
  const out: Labels = { ...labels };
  for (const n of names) delete out[n];
  return out;
}

/** Byte-wise string order, as Go compares strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals UTF-8 byte order except for astral vs. U+E000–U+FFFF; labels are ASCII in practice.
  return a < b ? -1 : 1;
}

const sortedNamesCache = new WeakMap<Labels, string[]>();

function sortedNames(l: Labels): string[] {
  let names = sortedNamesCache.get(l);
  if (!names) {
    names = Object.keys(l).sort();
    sortedNamesCache.set(l, names);
  }
  return names;
}

/** labels.Compare: the order Prometheus sorts range query results in. */
export function compareLabels(a: Labels, b: Labels): number {
  const an = sortedNames(a);
  const bn = sortedNames(b);
  const n = Math.min(an.length, bn.length);
  for (let i = 0; i < n; i++) {
    const c = compareStrings(an[i], bn[i]) || compareStrings(a[an[i]], b[bn[i]]);
    if (c !== 0) return c;
  }
  return an.length - bn.length;
}

/** Go's strconv.Quote, for error messages. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** labels.String(): `{a="1", b="2"}` in name order. */
export function labelsToString(labels: Labels): string {
  return '{' + Object.keys(labels).sort().map((n) => `${n}=${goQuote(labels[n])}`).join(', ') + '}';
}
