/** Thresholds: ascending steps; a value takes the color of the highest step it reaches. */
export interface ThresholdStep { value: number; color: string }

export const BASE_COLOR = '#73bf69';

export function thresholdColor(value: number | null, steps: readonly ThresholdStep[], base = BASE_COLOR): string {
  if (value === null || !Number.isFinite(value)) return base;
  let color = base;
  for (const s of [...steps].sort((a, b) => a.value - b.value)) if (value >= s.value) color = s.color;
  return color;
}

/** Fraction (0..1) of a bar gauge for `value` between 0 (or the smallest value, if negative) and max. */
export function gaugeFraction(value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}
