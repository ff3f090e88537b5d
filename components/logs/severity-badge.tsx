import { SEVERITY_COLORS, severityLabel, severityLevelOf } from '@/lib/log-severity';

/** The record's severity as a coloured badge (text from the producer, colour from the number's level). */
export function SeverityBadge({ severityNumber, severityText }: { severityNumber: number; severityText: string }) {
  const color = SEVERITY_COLORS[severityLevelOf(severityNumber)];
  return (
    <span className="inline-block min-w-14 rounded border px-1.5 text-center font-mono text-xs font-semibold uppercase"
      style={{ color, borderColor: color }}>
      {severityLabel(severityNumber, severityText)}
    </span>
  );
}
