'use client';

import { useCallback, useId, useRef, useState } from 'react';
import type { TimeRangeInput } from '@/lib/time-range';
import { describeTimeRange } from '@/lib/time-range-label';
import { TimeRangePanel } from './time-range-panel';
import { useDismiss } from './use-dismiss';
import { useTimeRange } from './use-time-range';

function ClockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-fg-muted">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** Top-bar button showing the current range; opens quick ranges and an absolute from/to form. */
export function TimeRangePicker() {
  const { range, setRange } = useTimeRange();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const label = describeTimeRange(range);

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }, []);
  useDismiss(open, close, containerRef);

  const apply = (next: TimeRangeInput) => {
    setRange(next);
    close(true);
  };

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-label={`Time range: ${label}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="flex h-8 items-center gap-2 rounded-md border border-line bg-panel-raised px-3 text-sm text-fg hover:border-line-strong"
      >
        <ClockIcon />
        <span className="tabular-nums">{label}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-3 text-fg-muted ${open ? 'rotate-180' : ''}`}>
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" />
        </svg>
      </button>
      {open ? <TimeRangePanel id={panelId} range={range} onApply={apply} /> : null}
    </div>
  );
}
