'use client';

import { useState } from 'react';
import { BUTTON } from '@/components/ui/form-styles';
import type { Highlight } from './log-body';
import { LogTable } from './log-table';
import { TAIL_BUFFER, useLiveTail } from './use-live-tail';

interface LiveTailProps {
  /** The tail's query string: the search filters (lib/log-search-url). */
  query: string;
  highlight: Highlight;
  traceHref: (traceId: string, spanId: string | null) => string;
  onFilter: (key: string, value: string, exclude: boolean) => void;
}

const STATUS_TEXT = { connecting: 'Connecting…', live: 'Live: new matching records appear at the top', paused: 'Paused', error: 'Stopped' };

/** Live tail: new matching records as they arrive, with pause/resume and the server's skip count. */
export function LiveTail({ query, highlight, traceHref, onFilter }: LiveTailProps) {
  const [paused, setPaused] = useState(false);
  const tail = useLiveTail(query, paused);
  return (
    <section aria-label="Live tail" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className={BUTTON} onClick={() => setPaused((p) => !p)}>{paused ? 'Resume' : 'Pause'}</button>
        <span role="status" className="text-fg-muted">
          {STATUS_TEXT[tail.status]}{tail.error ? `: ${tail.error}` : ''}
          {tail.skipped > 0 && ` · ${tail.skipped.toLocaleString('en-US')} records skipped (over 100 per second)`}
        </span>
      </div>
      <LogTable records={tail.records} highlight={highlight} traceHref={traceHref} onFilter={onFilter}
        caption={`${tail.records.length} records received${tail.records.length >= TAIL_BUFFER ? ` (the newest ${TAIL_BUFFER} kept)` : ''}`} />
    </section>
  );
}
