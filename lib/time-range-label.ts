import { formatTimeForInput } from './time-input';
import { findPreset } from './time-range-presets';
import type { TimeRangeInput } from './time-range';

const UNIT_WORDS: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };
const LAST_PATTERN = /^now-(\d+)([smhdw])$/;

/** Human label for a range: "Last 1 hour", "Last 90 minutes", or "<from> to <to>" for anything else. */
export function describeTimeRange(range: TimeRangeInput): string {
  const preset = findPreset(range);
  if (preset) return preset.label;
  const last = range.to.trim() === 'now' ? LAST_PATTERN.exec(range.from.trim()) : null;
  if (last) {
    const [, amount, unit] = last;
    const word = UNIT_WORDS[unit];
    return `Last ${amount} ${word}${amount === '1' ? '' : 's'}`;
  }
  return `${formatTimeForInput(range.from)} to ${formatTimeForInput(range.to)}`;
}
