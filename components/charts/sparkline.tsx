/** A tiny line of values (no axes), scaled to its own min..max; nulls are skipped. Decorative. */
export function Sparkline({ values, color, width = 160, height = 32 }: { values: readonly (number | null)[]; color: string; width?: number; height?: number }) {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length < 2) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? null : `${(i / (values.length - 1)) * width},${height - ((v - min) / span) * (height - 2) - 1}`))
    .filter((p): p is string => p !== null);
  return (
    <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-8 w-full">
      <polyline points={points.join(' ')} fill="none" stroke={color} strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
