'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BUTTON } from '@/components/ui/form-styles';
import { formatUnixNanoIso } from '@/lib/format-time';
import { AttributeList } from './attribute-list';
import { LogContext } from './log-context';
import type { LogRecord } from './types';

interface LogRowDetailsProps {
  record: LogRecord;
  traceHref: (traceId: string, spanId: string | null) => string;
  onFilter: (key: string, value: string, exclude: boolean) => void;
}

/** An expanded record: exact times, ids, every attribute and resource attribute, and its context. */
export function LogRowDetails({ record, traceHref, onFilter }: LogRowDetailsProps) {
  const [context, setContext] = useState(false);
  return (
    <div className="mt-2 flex flex-col gap-3 rounded border border-line bg-canvas/60 p-2">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-fg-muted">Time</dt><dd className="font-mono">{formatUnixNanoIso(record.timestampUnixNano)} ({record.timestampUnixNano.toString()} ns)</dd>
        <dt className="text-fg-muted">Observed</dt><dd className="font-mono">{formatUnixNanoIso(record.observedTimeUnixNano)}</dd>
        <dt className="text-fg-muted">Scope</dt><dd className="font-mono">{record.scope || '—'}</dd>
        {record.traceId && <><dt className="text-fg-muted">Trace</dt><dd className="font-mono">
          <Link className="text-accent hover:underline" href={traceHref(record.traceId, record.spanId)}>{record.traceId}</Link>
          {record.spanId && <> · span {record.spanId}</>}
        </dd></>}
      </dl>
      <div className="grid gap-3 lg:grid-cols-2">
        <AttributeList title="Log attributes" attributes={record.attributes} onFilter={onFilter} />
        <AttributeList title="Resource attributes" attributes={record.resourceAttributes} onFilter={onFilter} />
      </div>
      <div>
        <button type="button" className={BUTTON} aria-expanded={context} onClick={() => setContext((c) => !c)}>
          {context ? 'Hide context' : 'Show context'}
        </button>
      </div>
      {context && <LogContext id={record.id} />}
    </div>
  );
}
