'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import type { TimeRangeInput } from '@/lib/time-range';
import type { TraceSearchState } from '@/lib/trace-search-url';
import { AttributeFilterChips } from '@/components/ui/attribute-filter-chips';
import { useAttributeFilterInput } from '@/components/ui/use-attribute-filter-input';

interface TraceSearchFormProps {
  state: TraceSearchState;
  range: TimeRangeInput;
  onSearch: (next: TraceSearchState) => void;
}

/** The filter form. Edits are local until "Search"; the URL is the source of truth after that. */
export function TraceSearchForm({ state, range, onSearch }: TraceSearchFormProps) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(state);
  const services = useQuery(trpc.services.list.queryOptions(range));
  const operations = useQuery({ ...trpc.traces.operations.queryOptions({ ...range, service: draft.service }), enabled: draft.service !== '' });

  const update = (patch: Partial<TraceSearchState>) => setDraft((d) => ({ ...d, ...patch }));
  const attributeInput = useAttributeFilterInput(draft.attributes, (attributes) => update({ attributes }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const attributes = attributeInput.takeForSearch();
    onSearch({ ...draft, attributes, page: 0 });
  };
  const serviceNames = (services.data ?? []).filter((s) => s.spanCount > 0).map((s) => s.serviceName);
  if (draft.service && !serviceNames.includes(draft.service)) serviceNames.push(draft.service);

  return (
    <form role="search" aria-label="Trace search" onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-panel p-3">
      <label className={LABEL}>
        Service
        <select className={INPUT} value={draft.service} onChange={(e) => update({ service: e.target.value, operation: '' })}>
          <option value="">All services</option>
          {serviceNames.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
      </label>
      <label className={LABEL}>
        Operation
        <select className={`${INPUT} max-w-64`} value={draft.operation} disabled={!draft.service}
          onChange={(e) => update({ operation: e.target.value })}>
          <option value="">All operations</option>
          {(operations.data ?? []).concat(draft.operation && !(operations.data ?? []).includes(draft.operation) ? [draft.operation] : [])
            .map((op) => <option key={op} value={op}>{op}</option>)}
        </select>
      </label>
      <label className={LABEL}>
        Min duration
        <input className={`${INPUT} w-24`} value={draft.minDuration} placeholder="e.g. 250ms" onChange={(e) => update({ minDuration: e.target.value })} />
      </label>
      <label className={LABEL}>
        Max duration
        <input className={`${INPUT} w-24`} value={draft.maxDuration} placeholder="e.g. 2s" onChange={(e) => update({ maxDuration: e.target.value })} />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm text-fg">
        <input type="checkbox" checked={draft.errorsOnly} onChange={(e) => update({ errorsOnly: e.target.checked })} />
        Errors only
      </label>
      <div className="flex flex-col gap-1">
        <label className={LABEL}>
          Attribute filter
          <input className={`${INPUT} w-56`} value={attributeInput.text} placeholder="key=value, key exists, key>5"
            onChange={(e) => attributeInput.setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && attributeInput.canAdd) { e.preventDefault(); attributeInput.add(); } }} />
        </label>
      </div>
      <button type="button" className={BUTTON} onClick={attributeInput.add} disabled={!attributeInput.canAdd}>Add filter</button>
      <button type="submit" className={PRIMARY_BUTTON}>Search</button>
      <AttributeFilterChips filters={draft.attributes} onChange={(attributes) => update({ attributes })} className="w-full" />
    </form>
  );
}
