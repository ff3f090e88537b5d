import { highlightSegments } from '@/lib/log-highlight';
import type { LogSearchTerm, LogTextMode } from '@/lib/log-search-query';
import type { LogRecord } from './types';

export interface Highlight {
  terms: LogSearchTerm[];
  mode: LogTextMode;
  raw: string;
}

/** A body with the search's matches marked; structured bodies as formatted JSON. */
export function LogBody({ body, highlight, expanded }: { body: LogRecord['body']; highlight: Highlight; expanded: boolean }) {
  const segments = highlightSegments(body.text, highlight.terms, highlight.mode, highlight.raw);
  const layout = body.kind === 'json' ? (expanded ? 'whitespace-pre-wrap' : 'line-clamp-3 whitespace-pre-wrap') : expanded ? 'whitespace-pre-wrap break-all' : 'line-clamp-2 break-all';
  return (
    <span className={`font-mono text-xs ${layout}`}>
      {segments.map((s, i) => (s.match ? <mark key={i} className="rounded-sm bg-yellow-300/80 text-black">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
