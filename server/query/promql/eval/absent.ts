/**
 * The labels absent() and absent_over_time() report: the selector's equality matchers (not
 * __name__); a label matched more than once, or by a non-equality matcher, is left out.
 */
import type { Expr } from '../ast';
import type { Labels } from '../types';

export function createLabelsForAbsent(arg: Expr): Labels {
  const matchers = arg.type === 'VectorSelector' ? arg.matchers : arg.type === 'MatrixSelector' ? arg.vectorSelector.matchers : null;
  if (!matchers) return {};
  const out: Labels = {};
  const has = new Set<string>();
  for (const m of matchers) {
    if (m.name === '__name__') continue;
    if (m.type === '=' && !has.has(m.name)) {
      if (m.value !== '') out[m.name] = m.value;
      has.add(m.name);
    } else {
      delete out[m.name];
    }
  }
  return out;
}
