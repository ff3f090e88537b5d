/**
 * label_replace / label_join: pure label-set rewrites with Prometheus's rules (full-string
 * anchored regex; Go's regexp.Expand template syntax; an empty result deletes the label).
 */
import type { Labels } from '../types';
import { withLabel } from '../labels';

/**
 * Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`. A name is the longest run of
 * letters, digits and `_`, so `$1x` means group "1x" (empty), not group 1 followed by "x".
 */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = '';
  let rest = template;
  for (;;) {
    const i = rest.indexOf('$');
    if (i < 0) break;
    out += rest.slice(0, i);
    rest = rest.slice(i + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const m = /^(?:\{([\p{L}\p{N}_]+)\}|([\p{L}\p{N}_]+))/u.exec(rest);
    if (!m) {
      out += '$'; // malformed: the $ is literal text
      continue;
    }
    const name = m[1] ?? m[2];
    rest = rest.slice(m[0].length);
    const num = groupNumber(name);
    const value = num >= 0 ? match[num] : match.groups?.[name];
    if (value !== undefined) out += value;
  }
  return out + rest;
}

/** Go's extract(): a purely numeric name without leading zeros (and not huge) is a group index. */
function groupNumber(name: string): number {
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) return -1;
    num = num * 10 + Number(ch);
  }
  return name.length > 1 && name[0] === '0' ? -1 : num;
}

/** Go's model.UTF8Validation.IsValidLabelName: any non-empty valid UTF-8 string. */
export const isValidLabelName = (name: string, invalidUtf8 = false): boolean => name.length > 0 && !invalidUtf8;

export function labelReplace(labels: Labels, dst: string, replacement: string, src: string, re: RegExp): Labels {
  const srcVal = labels[src] ?? '';
  const m = re.exec(srcVal);
  if (!m) return labels;
  return withLabel(labels, dst, expandTemplate(replacement, m));
}

export function labelJoin(labels: Labels, dst: string, sep: string, srcLabels: string[]): Labels {
  return withLabel(labels, dst, srcLabels.map((s) => labels[s] ?? '').join(sep));
}
