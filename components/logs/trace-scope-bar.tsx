import Link from 'next/link';

interface TraceScopeBarProps {
  traceId: string;
  spanId: string;
  /** True when the whole trace is shown although a span is named. */
  traceScope: boolean;
  onScope: (traceScope: boolean) => void;
  backHref: string;
}

const TOGGLE = 'px-3 py-1 text-sm aria-pressed:bg-accent aria-pressed:font-semibold aria-pressed:text-canvas';

/** Logs of a trace: which trace (or span), the trace/span scope toggle, and the way back. */
export function TraceScopeBar({ traceId, spanId, traceScope, onScope, backHref }: TraceScopeBarProps) {
  const spanScoped = spanId !== '' && !traceScope;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-panel px-3 py-2 text-sm">
      <span className="text-fg-muted">
        {spanScoped ? 'Span ' : 'Trace '}<span className="font-mono text-fg">{spanScoped ? spanId : traceId}</span>
        {spanScoped && <> of trace <span className="font-mono">{traceId.slice(0, 16)}…</span></>}
      </span>
      {spanId !== '' && (
        <div role="group" aria-label="Scope" className="flex overflow-hidden rounded-md border border-line-strong">
          <button type="button" className={TOGGLE} aria-pressed={!spanScoped} onClick={() => onScope(true)}>Whole trace</button>
          <button type="button" className={TOGGLE} aria-pressed={spanScoped} onClick={() => onScope(false)}>This span</button>
        </div>
      )}
      <Link className="ml-auto text-accent hover:underline" href={backHref}>Back to the trace</Link>
    </div>
  );
}
