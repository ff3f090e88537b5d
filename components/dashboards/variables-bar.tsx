'use client';

import { ALL_VALUE } from '@/lib/dashboards/interpolate';
import { INPUT, LABEL } from '@/components/ui/form-styles';
import type { VariableState } from './use-variables';

interface VariablesBarProps {
  states: readonly VariableState[];
  onChange: (name: string, values: string[]) => void;
}

/** One labelled select per variable (a multi-select for multi-value variables). */
export function VariablesBar({ states, onChange }: VariablesBarProps) {
  if (states.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Variables">
      {states.map(({ variable, options, values, error }) => {
        const label = variable.label ?? variable.name;
        const offered = [...(variable.includeAll ? [ALL_VALUE] : []), ...(options ?? [])];
        // Keep URL values that are not (yet) offered selectable, so the select shows what is in effect.
        for (const v of values) if (!offered.includes(v)) offered.push(v);
        return (
          <label key={variable.name} className={LABEL}>
            {label}
            <select
              className={`${INPUT} min-w-40`} multiple={variable.multi} size={variable.multi ? Math.min(4, Math.max(2, offered.length)) : undefined}
              value={variable.multi ? values : values[0] ?? ''}
              onChange={(e) => onChange(variable.name, [...e.target.selectedOptions].map((o) => o.value))}
            >
              {!variable.multi && offered.length === 0 && <option value="">{options === null && !error ? 'Loading…' : 'No values'}</option>}
              {offered.map((o) => <option key={o} value={o}>{o === ALL_VALUE ? 'All' : o}</option>)}
            </select>
            {error && <span role="alert" className="text-red-300">{error}</span>}
          </label>
        );
      })}
    </div>
  );
}
