import { anyValueToText, type OtlpKeyValue } from '@/lib/otlp-attributes';
import { CopyButton } from '@/components/ui/copy-button';

interface AttributeTableProps {
  title: string;
  attributes: readonly OtlpKeyValue[];
  /** Lower-case filter text; rows whose key or value contains it are shown. */
  filter: string;
}

/** Key/value attributes as a definition list, filtered, each value copyable. */
export function AttributeTable({ title, attributes, filter }: AttributeTableProps) {
  const rows = attributes
    .map((kv) => ({ key: kv.key, value: anyValueToText(kv.value) }))
    .filter((r) => filter === '' || r.key.toLowerCase().includes(filter) || r.value.toLowerCase().includes(filter))
    .sort((a, b) => a.key.localeCompare(b.key));
  return (
    <section aria-label={title} className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">{title} <span className="font-normal">({rows.length})</span></h3>
      {rows.length === 0 ? <p className="text-xs text-fg-muted">None{filter ? ' matching' : ''}.</p> : (
        <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
          {rows.map((r) => (
            <div key={r.key} className="contents">
              <dt className="break-all font-mono text-fg-muted">{r.key}</dt>
              <dd className="flex items-start justify-between gap-2 break-all font-mono text-fg">
                <span>{r.value}</span>
                <CopyButton text={r.value} what={`${r.key} value`} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
