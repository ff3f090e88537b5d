import type { TimeRangeInput } from './time-range';

export interface TimeRangePreset extends TimeRangeInput {
  label: string;
}

/** Quick ranges offered by the picker, shortest first; every one ends at `now`. */
export const TIME_RANGE_PRESETS: readonly TimeRangePreset[] = [
  { label: 'Last 5 minutes', from: 'now-5m', to: 'now' },
  { label: 'Last 15 minutes', from: 'now-15m', to: 'now' },
  { label: 'Last 30 minutes', from: 'now-30m', to: 'now' },
  { label: 'Last 1 hour', from: 'now-1h', to: 'now' },
  { label: 'Last 3 hours', from: 'now-3h', to: 'now' },
  { label: 'Last 6 hours', from: 'now-6h', to: 'now' },
  { label: 'Last 12 hours', from: 'now-12h', to: 'now' },
  { label: 'Last 24 hours', from: 'now-24h', to: 'now' },
  { label: 'Last 2 days', from: 'now-2d', to: 'now' },
  { label: 'Last 7 days', from: 'now-7d', to: 'now' },
];

export function findPreset(range: TimeRangeInput): TimeRangePreset | undefined {
  return TIME_RANGE_PRESETS.find((preset) => preset.from === range.from.trim() && preset.to === range.to.trim());
}
