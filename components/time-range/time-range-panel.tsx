'use client';

import { useEffect, useRef } from 'react';
import type { TimeRangeInput } from '@/lib/time-range';
import { AbsoluteRangeForm } from './absolute-range-form';
import { QuickRangeList } from './quick-range-list';

interface TimeRangePanelProps {
  id: string;
  range: TimeRangeInput;
  onApply: (range: TimeRangeInput) => void;
}

/** The picker's popover: absolute from/to on the left, quick ranges on the right (Grafana's arrangement). */
export function TimeRangePanel({ id, range, onApply }: TimeRangePanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);

  return (
    <div
      ref={panelRef}
      id={id}
      role="dialog"
      aria-label="Choose time range"
      tabIndex={-1}
      className="absolute right-0 top-full z-30 mt-2 flex w-[min(36rem,calc(100vw-2rem))] flex-col gap-4 rounded-lg border border-line-strong bg-panel-raised p-4 shadow-2xl shadow-black/50 outline-none sm:flex-row"
    >
      <AbsoluteRangeForm range={range} onApply={onApply} />
      <div className="border-line sm:border-l sm:pl-4">
        <QuickRangeList range={range} onSelect={onApply} />
      </div>
    </div>
  );
}
