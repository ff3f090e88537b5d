'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import type { LogSearchState } from '@/lib/log-search-url';
import { SEVERITY_COLORS, SEVERITY_LEVELS } from '@/lib/log-severity';
import type { TimeRangeInput } from '@/lib/time-range';
import { AttributeFilterChips } from '@/components/ui/attribute-filter-chips';
import { useAttributeFilterInput } from '@/components/ui/use-attribute-filter-input';

interface LogSearchFormProps {
  state: LogSearchState;
  range: TimeRangeInput;
  onSearch: (next: LogSearchState) => void;
}

const LEVEL_LABEL = (l: string) => (l === 'unspecified' ? 'Unset' : l[0].toUpperCase() + l.slice(1));

/** The filter form. Edits are local until "Search"; the URL is the source of truth after that. */
export function LogSearchForm({ state, range, onSearch }: LogSearchFormProps) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(state);
  const services = useQuery(trpc.services.list.queryOptions(range));
  const update = (patch: Partial<LogSearchState>) => setDraft((d) => ({ ...d, ...patch }));
  const attributeInput = useAttributeFilterInput(draft.attributes, (attributes) => update({ attributes }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const attributes = attributeInput.takeForSearch();
    onSearch({ ...draft, attributes });
  };
  const serviceNames = (services.data ?? []).filter((s) => s.logCount > 0).map((s) => s.serviceName);
  if (draft.service && !serviceNames.includes(draft.service)) serviceNames.push(draft.service);

  return (
    <form role="search" aria-label="Log search" onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className={`${LABEL} min-w-72 flex-1`}>
          Search log bodies
          <input type="search" className={`${INPUT} font-mono`} value={draft.q} onChange={(e) => update({ q: e.target.value })}
            placeholder={draft.mode === 'substring' ? 'any text, matched literally' : 'words, "a phrase", prefix*, -exclude'} />
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm text-fg">
          <input type="checkbox" checked={draft.mode === 'substring'} onChange={(e) => update({ mode: e.target.checked ? 'substring' : 'words' })} />
          Substring match
        </label>
        <label className={LABEL}>
          Service
          <select className={INPUT} value={draft.service} onChange={(e) => update({ service: e.target.value })}>
            <option value="">All services</option>
            {serviceNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <button type="submit" className={PRIMARY_BUTTON}>Search</button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 text-xs font-medium text-fg-muted">Severity</legend>
          {SEVERITY_LEVELS.map((level) => (
            <label key={level} className="flex items-center gap-1 text-sm text-fg">
              <input type="checkbox" checked={draft.severities.includes(level)} style={{ accentColor: SEVERITY_COLORS[level] }}
                onChange={(e) => update({ severities: e.target.checked ? [...draft.severities, level] : draft.severities.filter((s) => s !== level) })} />
              {LEVEL_LABEL(level)}
            </label>
          ))}
        </fieldset>
        <label className={LABEL}>
          Attribute filter
          <input className={`${INPUT} w-56 font-mono`} value={attributeInput.text} placeholder="key=value, key exists, key>5"
            onChange={(e) => attributeInput.setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && attributeInput.canAdd) { e.preventDefault(); attributeInput.add(); } }} />
        </label>
        <button type="button" className={BUTTON} onClick={attributeInput.add} disabled={!attributeInput.canAdd}>Add filter</button>
        <label className={LABEL}>
          Trace ID
          <input className={`${INPUT} w-72 font-mono`} value={draft.traceId} onChange={(e) => update({ traceId: e.target.value.trim() })} />
        </label>
        <label className={LABEL}>
          Span ID
          <input className={`${INPUT} w-40 font-mono`} value={draft.spanId} onChange={(e) => update({ spanId: e.target.value.trim() })} />
        </label>
      </div>
      <AttributeFilterChips filters={draft.attributes} onChange={(attributes) => update({ attributes })} />
    </form>
  );
}
