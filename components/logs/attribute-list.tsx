import type { LogAttribute } from './types';

interface AttributeListProps {
  title: string;
  attributes: readonly LogAttribute[];
  /** Adds `key=value` (or `key!=value` when excluding) to the search. */
  onFilter: (key: string, value: string, exclude: boolean) => void;
}

/** Every attribute of a record (or its resource) with "filter for" / "exclude" actions. */
export function AttributeList({ title, attributes, onFilter }: AttributeListProps) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">{title}</h3>
      {attributes.length === 0 ? <p className="text-xs text-fg-muted">None</p> : (
        <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr_auto] gap-x-3 gap-y-0.5 text-xs">
          {attributes.map((a) => (
            <div key={a.key} className="contents">
              <dt className="font-mono text-fg-muted">{a.key}</dt>
              <dd className="break-all font-mono text-fg" title={a.type}>{a.value}</dd>
              <dd className="flex gap-1">
                <button type="button" className="rounded px-1 text-accent hover:bg-panel-raised" aria-label={`Filter for ${a.key}=${a.value}`}
                  onClick={() => onFilter(a.key, a.value, false)}>Filter</button>
                <button type="button" className="rounded px-1 text-fg-muted hover:bg-panel-raised" aria-label={`Exclude ${a.key}=${a.value}`}
                  onClick={() => onFilter(a.key, a.value, true)}>Exclude</button>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
