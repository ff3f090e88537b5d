import { INPUT, BUTTON } from '@/components/ui/form-styles';

interface FindInTraceProps {
  query: string;
  onQuery: (q: string) => void;
  matchCount: number;
  /** Index of the current match, -1 when none. */
  current: number;
  onNext: () => void;
  onPrevious: () => void;
}

/** Find-in-trace: highlights matching spans; Enter / Shift+Enter step through them. */
export function FindInTrace({ query, onQuery, matchCount, current, onNext, onPrevious }: FindInTraceProps) {
  return (
    <div role="search" aria-label="Find in trace" className="flex items-center gap-2">
      <label className="sr-only" htmlFor="find-in-trace">Find spans</label>
      <input id="find-in-trace" className={`${INPUT} w-56`} value={query} placeholder="Find span name, service, id…"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (e.shiftKey) onPrevious(); else onNext(); } }} />
      <span className="min-w-16 text-xs text-fg-muted" aria-live="polite">
        {query.trim() === '' ? '' : matchCount === 0 ? 'No matches' : `${current + 1} of ${matchCount}`}
      </span>
      <button type="button" className={BUTTON} disabled={matchCount === 0} onClick={onPrevious} aria-label="Previous match">↑</button>
      <button type="button" className={BUTTON} disabled={matchCount === 0} onClick={onNext} aria-label="Next match">↓</button>
    </div>
  );
}
