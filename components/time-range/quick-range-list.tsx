'use client';

import { useId } from 'react';
import type { TimeRangeInput } from '@/lib/time-range';
import { TIME_RANGE_PRESETS, findPreset } from '@/lib/time-range-presets';

interface QuickRangeListProps {
  range: TimeRangeInput;
  onSelect: (range: TimeRangeInput) => void;
}

export function QuickRangeList({ range, onSelect }: QuickRangeListProps) {
  const headingId = useId();
  const selected = findPreset(range);
  return (
    <section aria-labelledby={headingId} className="min-w-44">
      <h2 id={headingId} className="mb-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">
        Quick ranges
      </h2>
      <ul className="flex flex-col">
        {TIME_RANGE_PRESETS.map((preset) => {
          const isSelected = preset === selected;
          return (
            <li key={preset.from}>
              <button
                type="button"
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect({ from: preset.from, to: preset.to })}
                className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-panel ${
                  isSelected ? 'bg-panel font-medium text-accent-strong' : 'text-fg'
                }`}
              >
                {preset.label}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
