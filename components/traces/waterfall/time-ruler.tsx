import { timeTicks, type ViewWindow } from '@/lib/trace-model';

/** Tick labels over the bar column (offsets from the trace start). */
export function TimeRuler({ view }: { view: ViewWindow }) {
  const ticks = timeTicks(view, 6);
  return (
    <div className="flex h-6 border-b border-line text-[11px] text-fg-muted" aria-hidden="true">
      <div className="w-2/5 px-2 py-1">Service · operation</div>
      <div className="relative w-3/5 border-l border-line">
        {ticks.map((t) => (
          <span key={t.ns} className="absolute top-1 -translate-x-1/2 whitespace-nowrap border-l border-line-strong pl-1"
            style={{ left: `${t.pct}%` }}>{t.label}</span>
        ))}
      </div>
    </div>
  );
}
