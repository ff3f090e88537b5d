'use client';

interface AttributeFilterChipsProps {
  /** Filters as typed (`key=value`, `key exists`, `key>5`…), in order. */
  filters: string[];
  onChange: (filters: string[]) => void;
  className?: string;
}

/** The attribute filters of a search form as removable chips (trace and log search share them). */
export function AttributeFilterChips({ filters, onChange, className = '' }: AttributeFilterChipsProps) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Attribute filters" className={`flex flex-wrap gap-2 ${className}`}>
      {filters.map((a, i) => (
        <li key={`${a}-${i}`} className="inline-flex items-center gap-1 rounded-full border border-line-strong bg-panel-raised px-2 py-0.5 font-mono text-xs">
          {a}
          <button type="button" aria-label={`Remove filter ${a}`} className="px-1 text-fg-muted hover:text-fg"
            onClick={() => onChange(filters.filter((_, j) => j !== i))}>×</button>
        </li>
      ))}
    </ul>
  );
}
