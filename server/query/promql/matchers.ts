/**
 * Label matchers (`=`, `!=`, `=~`, `!~`) compiled to predicates; regexes via lib/prom-regex.
 */
import { compileAnchoredRegex } from '@/lib/prom-regex';
import type { Labels, LabelMatcher } from './types';

export { compileAnchoredRegex, translateRe2 } from '@/lib/prom-regex';

export type CompiledMatcher = (value: string) => boolean;

export function compileMatcher(m: LabelMatcher): CompiledMatcher {
  switch (m.type) {
    case '=': return (v) => v === m.value;
    case '!=': return (v) => v !== m.value;
    case '=~': {
      const re = compileAnchoredRegex(m.value);
      return (v) => re.test(v);
    }
    case '!~': {
      const re = compileAnchoredRegex(m.value);
      return (v) => !re.test(v);
    }
  }
}

/** A series matches when every matcher accepts its label value (a missing label is ""). */
export function compileMatchers(matchers: LabelMatcher[]): (labels: Labels) => boolean {
  const compiled = matchers.map((m) => ({ name: m.name, fn: compileMatcher(m) }));
  return (labels) => compiled.every((c) => c.fn(labels[c.name] ?? ''));
}
